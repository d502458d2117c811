using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Where the compilation's runbook and handbook ids (<c>[Runbook("…")]</c>, <c>[Handbook("…")]</c>) are declared, read
/// from the type declarations in one walk, so that asking "who else has this id?" binds only the types that may
/// have it. Binding every type's attributes to answer it made each keystroke in the IDE bind the whole project's
/// attributes again, since every edit creates a new compilation (docs/performance.md). A literal id is read from
/// syntax; a type whose id is not a literal (a constant), or whose attribute is named through an alias, is a
/// candidate for every id. Candidates are confirmed with their bound attribute, so the answer is exact.
/// </summary>
internal sealed class IdDeclarations
{
    private readonly Kind _runbooks = new();
    private readonly Kind _handbooks = new();

    private IdDeclarations()
    {
    }

    /// <summary>Reads the declarations of every runbook and handbook type of the compilation.</summary>
    public static IdDeclarations Read(Compilation compilation)
    {
        var declarations = new IdDeclarations();
        var aliases = AliasNames(compilation);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax unit) declarations.Collect(unit.Members, "", aliases);
        }

        return declarations;
    }

    /// <summary>
    /// Metadata names of the runbook (<paramref name="handbook"/>: handbook) types that may carry <paramref name="id"/>:
    /// its literal declarations, then the unknown ones.
    /// </summary>
    public IEnumerable<string> CandidatesFor(string id, bool handbook) => (handbook ? _handbooks : _runbooks).CandidatesFor(id);

    private void Collect(SyntaxList<MemberDeclarationSyntax> members, string prefix, HashSet<string> aliases)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    Collect(ns.Members, prefix + NamespaceName(ns.Name) + ".", aliases);
                    break;
                case TypeDeclarationSyntax type:
                    var metadataName = prefix + type.Identifier.ValueText + (type.Arity > 0 ? "`" + type.Arity : "");
                    Classify(type, metadataName, aliases);
                    Collect(type.Members, metadataName + "+", aliases);
                    break;
            }
        }
    }

    /// <summary>For each kind, the first attribute of the type that is named for it (or through an alias) decides.</summary>
    private void Classify(TypeDeclarationSyntax type, string metadataName, HashSet<string> aliases)
    {
        bool runbookSeen = false, handbookSeen = false;
        foreach (var list in type.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = RightmostName(attribute.Name);
                var aliased = aliases.Contains(name);
                if (!runbookSeen && (aliased || name is "Runbook" or "RunbookAttribute"))
                {
                    runbookSeen = true;
                    _runbooks.Add(metadataName, aliased ? null : LiteralId(attribute));
                }

                if (!handbookSeen && (aliased || name is "Handbook" or "HandbookAttribute"))
                {
                    handbookSeen = true;
                    _handbooks.Add(metadataName, aliased ? null : LiteralId(attribute));
                }
            }
        }
    }

    /// <summary>The id when it is a literal: the constructor's argument, the first one that does not set a property.</summary>
    private static string? LiteralId(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null)?.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
            ? literal.Token.ValueText
            : null;

    private static string NamespaceName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => NamespaceName(qualified.Left) + "." + qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    /// <summary>Every alias a using directive declares in the compilation: an attribute may be named through one.</summary>
    private static HashSet<string> AliasNames(Compilation compilation)
    {
        var aliases = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is not CompilationUnitSyntax unit) continue;
            AddAliases(unit.Usings, aliases);
            foreach (var ns in unit.Members.OfType<BaseNamespaceDeclarationSyntax>()) AddNamespaceAliases(ns, aliases);
        }

        return aliases;
    }

    private static void AddNamespaceAliases(BaseNamespaceDeclarationSyntax ns, HashSet<string> aliases)
    {
        AddAliases(ns.Usings, aliases);
        foreach (var nested in ns.Members.OfType<BaseNamespaceDeclarationSyntax>()) AddNamespaceAliases(nested, aliases);
    }

    private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, HashSet<string> aliases)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias) aliases.Add(alias.Name.Identifier.ValueText);
        }
    }

    /// <summary>The declarations of one kind: by literal id, and those whose id syntax cannot tell.</summary>
    private sealed class Kind
    {
        private readonly Dictionary<string, List<string>> _byLiteralId = new(System.StringComparer.Ordinal);
        private readonly List<string> _unknownIds = new();

        public void Add(string metadataName, string? literalId)
        {
            if (literalId is null)
            {
                _unknownIds.Add(metadataName);
                return;
            }

            if (!_byLiteralId.TryGetValue(literalId, out var declared)) _byLiteralId[literalId] = declared = new List<string>();
            declared.Add(metadataName);
        }

        public IEnumerable<string> CandidatesFor(string id) =>
            _byLiteralId.TryGetValue(id, out var declared) ? declared.Concat(_unknownIds) : _unknownIds;
    }
}

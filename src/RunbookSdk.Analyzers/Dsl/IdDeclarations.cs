using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Where the compilation's runbook and handbook ids (<c>[Runbook("…")]</c>, <c>[Handbook("…")]</c>) are declared, read
/// from the type declarations, so that asking "who else has this id?" binds only the types that may have it.
/// Binding every type's attributes to answer it made each keystroke in the IDE bind the whole project's attributes
/// again, since every edit creates a new compilation (docs/performance.md). A literal id is read from syntax; a type
/// whose id is not a literal (a constant), or whose attribute is named through an alias, is a candidate for every
/// id. Candidates are confirmed with their bound attribute, so the answer is exact. What a file declares is read
/// once per syntax tree — in the IDE every file but the edited one is the same tree from keystroke to keystroke —
/// and the first questions of a compilation are answered by looking through those reads, without an index: the IDE
/// asks once or twice per keystroke, a build once per runbook, and only a build pays for the index.
/// </summary>
internal sealed class IdDeclarations
{
    /// <summary>Questions answered by looking through every declaration before an index is built.</summary>
    private const int QuestionsBeforeIndex = 8;

    private static readonly ConditionalWeakTable<SyntaxTree, TreeDeclarations> s_trees = new();

    private readonly TreeDeclarations[] _trees;
    private readonly HashSet<string>? _aliases;
    private readonly Lazy<Index> _index;
    private int _questions;

    private IdDeclarations(TreeDeclarations[] trees, HashSet<string>? aliases)
    {
        _trees = trees;
        _aliases = aliases;
        _index = new Lazy<Index>(() => new Index(this));
    }

    /// <summary>The declarations of every runbook and handbook type of the compilation.</summary>
    public static IdDeclarations Read(Compilation compilation)
    {
        var trees = compilation.SyntaxTrees.Select(tree => (TreeDeclarations)DeclarationsIn(tree)).ToArray();
        HashSet<string>? aliases = null;
        foreach (var tree in trees)
        {
            foreach (var alias in tree.Aliases) (aliases ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(alias);
        }

        return new IdDeclarations(trees, aliases);
    }

    /// <summary>What one file declares, read once per tree (an object the tests compare by reference).</summary>
    internal static object DeclarationsIn(SyntaxTree tree) => s_trees.GetValue(tree, TreeDeclarations.Read);

    /// <summary>
    /// Metadata names of the runbook (<paramref name="handbook"/>: handbook) types that may carry <paramref name="id"/>:
    /// its literal declarations, then the unknown ones.
    /// </summary>
    public IEnumerable<string> CandidatesFor(string id, bool handbook) =>
        Interlocked.Increment(ref _questions) <= QuestionsBeforeIndex ? LookThrough(id, handbook) : _index.Value.CandidatesFor(id, handbook);

    private IEnumerable<string> LookThrough(string id, bool handbook)
    {
        List<string>? unknown = null;
        foreach (var (metadataName, literalId) in Declarations(handbook))
        {
            if (literalId is null) (unknown ??= new List<string>()).Add(metadataName);
            else if (literalId == id) yield return metadataName;
        }

        if (unknown is null) yield break;
        foreach (var metadataName in unknown) yield return metadataName;
    }

    /// <summary>Every type declared as a runbook (handbook), with its id when it is a literal.</summary>
    private IEnumerable<(string MetadataName, string? LiteralId)> Declarations(bool handbook)
    {
        foreach (var tree in _trees)
        {
            foreach (var type in tree.Types)
            {
                // The first attribute of the type that is named for the kind (or through an alias) decides.
                foreach (var attribute in type.Attributes)
                {
                    var aliased = _aliases?.Contains(attribute.Name) == true;
                    if (!aliased && !(handbook ? attribute.NamesHandbook : attribute.NamesRunbook)) continue;
                    yield return (type.MetadataName, aliased ? null : attribute.LiteralId);
                    break;
                }
            }
        }
    }

    /// <summary>The declarations of both kinds by literal id, for a compilation asked about many ids (a build).</summary>
    private sealed class Index(IdDeclarations declarations)
    {
        private readonly Kind _runbooks = new(declarations.Declarations(handbook: false));
        private readonly Kind _handbooks = new(declarations.Declarations(handbook: true));

        public IEnumerable<string> CandidatesFor(string id, bool handbook) => (handbook ? _handbooks : _runbooks).CandidatesFor(id);
    }

    /// <summary>What one file declares: its aliases, and its types that have attributes.</summary>
    private sealed class TreeDeclarations(string[] aliases, TypeDeclaration[] types)
    {
        public string[] Aliases { get; } = aliases;

        public TypeDeclaration[] Types { get; } = types;

        public static TreeDeclarations Read(SyntaxTree tree)
        {
            if (tree.GetRoot() is not CompilationUnitSyntax unit) return new TreeDeclarations([], []);
            var aliases = new List<string>();
            AddAliases(unit.Usings, aliases);
            var types = new List<TypeDeclaration>();
            Collect(unit.Members, "", types, aliases);
            return new TreeDeclarations(aliases.ToArray(), types.ToArray());
        }

        private static void Collect(SyntaxList<MemberDeclarationSyntax> members, string prefix, List<TypeDeclaration> types, List<string> aliases)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        AddAliases(ns.Usings, aliases);
                        Collect(ns.Members, prefix + NamespaceName(ns.Name) + ".", types, aliases);
                        break;
                    case TypeDeclarationSyntax type:
                        var metadataName = prefix + type.Identifier.ValueText + (type.Arity > 0 ? "`" + type.Arity : "");
                        if (type.AttributeLists.Count > 0) types.Add(new TypeDeclaration(metadataName, Attributes(type)));
                        Collect(type.Members, metadataName + "+", types, aliases);
                        break;
                }
            }
        }

        private static AttributeName[] Attributes(TypeDeclarationSyntax type) =>
            type.AttributeLists.SelectMany(list => list.Attributes).Select(a => new AttributeName(RightmostName(a.Name), LiteralId(a))).ToArray();

        private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, List<string> aliases)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is { } alias) aliases.Add(alias.Name.Identifier.ValueText);
            }
        }
    }

    /// <summary>A type with attributes, by metadata name (<c>Ops.Queues+Drain</c>).</summary>
    private sealed class TypeDeclaration(string metadataName, AttributeName[] attributes)
    {
        public string MetadataName { get; } = metadataName;

        public AttributeName[] Attributes { get; } = attributes;
    }

    /// <summary>An attribute as written: the rightmost identifier of its name, and its first argument when that is a string literal.</summary>
    private readonly struct AttributeName(string name, string? literalId)
    {
        public string Name { get; } = name;

        public string? LiteralId { get; } = literalId;

        /// <summary>Named <c>Runbook</c> or <c>RunbookAttribute</c>; decided when the file is read, not per question.</summary>
        public bool NamesRunbook { get; } = name is "Runbook" or "RunbookAttribute";

        /// <summary>Named <c>Handbook</c> or <c>HandbookAttribute</c>.</summary>
        public bool NamesHandbook { get; } = name is "Handbook" or "HandbookAttribute";
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

    /// <summary>The declarations of one kind: by literal id, and those whose id syntax cannot tell.</summary>
    private sealed class Kind
    {
        private readonly Dictionary<string, List<string>> _byLiteralId = new(System.StringComparer.Ordinal);
        private readonly List<string> _unknownIds = new();

        public Kind(IEnumerable<(string MetadataName, string? LiteralId)> declarations)
        {
            foreach (var (metadataName, literalId) in declarations)
            {
                if (literalId is null)
                {
                    _unknownIds.Add(metadataName);
                    continue;
                }

                if (!_byLiteralId.TryGetValue(literalId, out var declared)) _byLiteralId[literalId] = declared = new List<string>();
                declared.Add(metadataName);
            }
        }

        public IEnumerable<string> CandidatesFor(string id) =>
            _byLiteralId.TryGetValue(id, out var declared) ? declared.Concat(_unknownIds) : _unknownIds;
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Finds runbook classes by syntax first and binds only what syntax cannot rule out, so that an unchanged runbook can
/// be reused before anything about it is bound. <c>ForAttributeWithMetadataName</c> binds every candidate's attributes
/// again in each new compilation — on every keystroke in the IDE, for every runbook of the project — before the
/// generator sees any of them (docs/performance.md). A class is a candidate when an attribute on it is written with
/// the name <c>Runbook</c>, <c>RunbookAttribute</c>, or an alias of it declared in its file, its namespace or another
/// file's <c>global using</c>; binding then decides, as <c>ForAttributeWithMetadataName</c> would.
/// </summary>
internal static class RunbookDeclarations
{
    private const string Name = "Runbook";

    /// <summary>A candidate: a class with attributes (the names are checked later, with the aliases).</summary>
    public static bool IsCandidate(SyntaxNode node) => node is ClassDeclarationSyntax { AttributeLists.Count: > 0 };

    /// <summary>
    /// The candidates of a file (<see cref="IsCandidate"/>), in document order, found by visiting only what can declare
    /// a class: the file, namespaces and types. A syntax provider's predicate is shown every node of every file — the
    /// statements and expressions of every <c>Define</c> body — and in a build through the compiler server, whose
    /// files are all parsed anew, that walk was ≈100 ms of the generator's serial run at 1,000 runbooks
    /// (docs/performance.md).
    /// </summary>
    public static ImmutableArray<ClassDeclarationSyntax> Candidates(SyntaxNode root, CancellationToken cancellationToken)
    {
        ImmutableArray<ClassDeclarationSyntax>.Builder? found = null;
        AddCandidates(root, ref found, cancellationToken);
        return found?.ToImmutable() ?? ImmutableArray<ClassDeclarationSyntax>.Empty;
    }

    private static void AddCandidates(SyntaxNode node, ref ImmutableArray<ClassDeclarationSyntax>.Builder? found, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (IsCandidate(node)) (found ??= ImmutableArray.CreateBuilder<ClassDeclarationSyntax>()).Add((ClassDeclarationSyntax)node);
        var members = node switch
        {
            CompilationUnitSyntax unit => unit.Members,
            BaseNamespaceDeclarationSyntax ns => ns.Members,
            TypeDeclarationSyntax type => type.Members,
            _ => default,
        };
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax) AddCandidates(member, ref found, cancellationToken);
        }
    }

    /// <summary>
    /// The names a <c>global using</c> alias gives the attribute anywhere in the compilation (<c>global using Rb =
    /// RunbookSdk.RunbookAttribute;</c>), written without the <c>Attribute</c> suffix.
    /// </summary>
    public static ImmutableArray<string> GlobalAliases(IEnumerable<UsingDirectiveSyntax> globalUsings)
    {
        var names = new List<string>();
        AddAliases(globalUsings, names);
        return names.ToImmutableArray();
    }

    /// <summary>Whether an attribute on <paramref name="declaration"/> is written with a name that may be ours; binds nothing.</summary>
    public static bool MayBeRunbook(ClassDeclarationSyntax declaration, ImmutableArray<string> globalAliases)
    {
        List<string>? aliases = null;
        var aliasesRead = false;
        foreach (var list in declaration.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (AttributeNames.WrittenName(attribute) is not { } written) continue;
                if (AttributeNames.Matches(written, Name)) return true;
                if (!aliasesRead)
                {
                    aliases = AliasesInScope(declaration, globalAliases);
                    aliasesRead = true;
                }

                if (aliases is not null && aliases.Exists(alias => AttributeNames.Matches(written, alias))) return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The class and its <c>[Runbook]</c> applications on this declaration, bound; null when none binds to ours, or
    /// when the class's first one is on another declaration (<see cref="AttributeTarget.IsFirstApplication"/>).
    /// </summary>
    public static AttributeTarget? Bind(ClassDeclarationSyntax declaration, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol) return null;
        var ours = ImmutableArray.CreateBuilder<AttributeData>();
        var first = true;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (!IsRunbookAttribute(attribute.AttributeClass)) continue;
            if (AttributeTarget.IsOn(attribute, declaration)) ours.Add(attribute);
            else if (first) return null;
            first = false;
        }

        return ours.Count == 0 ? null : new AttributeTarget(declaration, symbol, semanticModel, ours.ToImmutable());
    }

    private static bool IsRunbookAttribute(INamedTypeSymbol? type) => SdkAttributes.Is(type, SdkAttributes.Runbook);

    /// <summary>
    /// The other names the attribute may go by at <paramref name="declaration"/>: the global aliases, then its file's
    /// and namespaces' aliases; null when no alias is in scope (most classes: then nothing is allocated).
    /// </summary>
    private static List<string>? AliasesInScope(ClassDeclarationSyntax declaration, ImmutableArray<string> globalAliases)
    {
        // Outermost scope first: an alias in a namespace may name one declared further out.
        List<SyntaxList<UsingDirectiveSyntax>>? scopes = null;
        for (var node = declaration.Parent; node is not null; node = node.Parent)
        {
            var usings = node switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            if (usings.Any(directive => directive.Alias is not null)) (scopes ??= new()).Add(usings);
        }

        if (scopes is null && globalAliases.IsEmpty) return null;
        var names = new List<string>(globalAliases);
        for (var i = (scopes?.Count ?? 0) - 1; i >= 0; i--) AddAliases(scopes![i], names);
        return names;
    }

    /// <summary>Adds every alias whose target is written <c>Runbook</c> or with one of <paramref name="names"/>, until no more are found.</summary>
    private static void AddAliases(IEnumerable<UsingDirectiveSyntax> usings, List<string> names)
    {
        bool added;
        do
        {
            added = false;
            foreach (var directive in usings)
            {
                if (directive.Alias is null || AttributeNames.RightmostName(directive.NamespaceOrType) is not { } target) continue;
                var alias = AttributeNames.WithoutSuffix(directive.Alias.Name.Identifier.ValueText);
                if (alias == Name || names.Contains(alias, StringComparer.Ordinal)) continue;
                if (!AttributeNames.Matches(target, Name) && !names.Exists(n => AttributeNames.Matches(target, n))) continue;
                names.Add(alias);
                added = true;
            }
        }
        while (added);
    }
}

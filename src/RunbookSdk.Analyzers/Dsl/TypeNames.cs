using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Resolves the type name on the left of <c>Limits.Region</c> the way C# looks it up — nested types, the
/// namespaces around the code, its usings and the compilation's global usings — from declarations only, so a
/// constant can be read without binding the method body it is written in.
/// </summary>
internal sealed class TypeNames(Compilation compilation)
{
    private readonly Lazy<ImmutableArray<UsingDirectiveSyntax>> _globalUsings = new(() => CollectGlobalUsings(compilation));

    /// <summary>The type named by <paramref name="name"/> at <paramref name="context"/>, or null when unknown or ambiguous.</summary>
    public INamedTypeSymbol? Resolve(ExpressionSyntax name, INamedTypeSymbol? containingType, SyntaxNode context) =>
        ResolveNamespaceOrType(name, containingType, context) as INamedTypeSymbol;

    private INamespaceOrTypeSymbol? ResolveNamespaceOrType(ExpressionSyntax name, INamedTypeSymbol? containingType, SyntaxNode context)
    {
        switch (name)
        {
            case PredefinedTypeSyntax predefined:
                return Predefined(predefined);
            case IdentifierNameSyntax identifier:
                return Simple(identifier.Identifier.ValueText, containingType, context);
            case QualifiedNameSyntax qualified:
                return Member(ResolveNamespaceOrType(qualified.Left, containingType, context), qualified.Right.Identifier.ValueText);
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                return Member(ResolveNamespaceOrType(access.Expression, containingType, context), access.Name.Identifier.ValueText);
            case AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global" } global:
                return Member(compilation.GlobalNamespace, global.Name.Identifier.ValueText);
            default:
                return null;
        }
    }

    /// <summary>
    /// The types whose static members a name alone may call at <paramref name="context"/>: those of the
    /// <c>using static</c> directives of the namespaces around it, of its file, and of the compilation's global usings
    /// (<c>AddChecks(rb);</c> under <c>using static Team.Checks;</c>). A directive whose type is not found is left out.
    /// </summary>
    public List<INamedTypeSymbol> StaticallyImported(SyntaxNode context)
    {
        var found = new List<INamedTypeSymbol>();
        for (var node = context; node is not null; node = node.Parent)
        {
            var usings = node switch
            {
                BaseNamespaceDeclarationSyntax namespaceDeclaration => namespaceDeclaration.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            AddStaticImports(found, usings);
        }

        AddStaticImports(found, _globalUsings.Value);
        return found;
    }

    private void AddStaticImports(List<INamedTypeSymbol> found, IEnumerable<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in usings)
        {
            if (directive.StaticKeyword == default || directive.Alias is not null || directive.Name is null) continue;
            if (FromGlobal(directive.Name) is INamedTypeSymbol type && !found.Contains(type, SymbolEqualityComparer.Default)) found.Add(type);
        }
    }

    private INamespaceOrTypeSymbol? Predefined(PredefinedTypeSyntax predefined) => predefined.Keyword.Kind() switch
    {
        SyntaxKind.StringKeyword => compilation.GetSpecialType(SpecialType.System_String),
        SyntaxKind.IntKeyword => compilation.GetSpecialType(SpecialType.System_Int32),
        SyntaxKind.LongKeyword => compilation.GetSpecialType(SpecialType.System_Int64),
        SyntaxKind.DoubleKeyword => compilation.GetSpecialType(SpecialType.System_Double),
        SyntaxKind.BoolKeyword => compilation.GetSpecialType(SpecialType.System_Boolean),
        _ => null,
    };

    private static INamespaceOrTypeSymbol? Member(INamespaceOrTypeSymbol? container, string name)
    {
        if (container is null) return null;
        var members = container.GetMembers(name).OfType<INamespaceOrTypeSymbol>().ToList();
        return members.Count == 1 ? members[0] : null;
    }

    private INamespaceOrTypeSymbol? Simple(string name, INamedTypeSymbol? containingType, SyntaxNode context)
    {
        // Nested types of the containing types and their bases.
        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                var nested = current.GetTypeMembers(name);
                if (nested.Length == 1) return nested[0];
            }
        }

        // The namespaces the code is declared in, innermost first, each with its usings.
        for (var node = context; node is not null; node = node.Parent)
        {
            SyntaxList<UsingDirectiveSyntax> usings;
            INamespaceSymbol? declared;
            switch (node)
            {
                case BaseNamespaceDeclarationSyntax namespaceDeclaration:
                    usings = namespaceDeclaration.Usings;
                    declared = FromGlobal(namespaceDeclaration.Name) as INamespaceSymbol;
                    break;
                case CompilationUnitSyntax unit:
                    usings = unit.Usings;
                    declared = null;
                    break;
                default:
                    continue;
            }

            for (var ns = declared; ns is not null; ns = ns.ContainingNamespace)
            {
                if (Member(ns, name) is { } found) return found;
                if (ns.IsGlobalNamespace) break;
            }

            if (FromUsings(usings, name) is { } imported) return imported;
        }

        // File-scoped namespaces are siblings of the usings, not parents: look in the containing type's namespace.
        for (var ns = containingType?.ContainingNamespace; ns is not null; ns = ns.ContainingNamespace)
        {
            if (Member(ns, name) is { } found) return found;
        }

        return FromUsings(_globalUsings.Value, name) ?? Member(compilation.GlobalNamespace, name);
    }

    private INamespaceOrTypeSymbol? FromUsings(IEnumerable<UsingDirectiveSyntax> usings, string name)
    {
        INamespaceOrTypeSymbol? found = null;
        foreach (var directive in usings)
        {
            if (directive.StaticKeyword != default || directive.Name is null) continue;
            INamespaceOrTypeSymbol? candidate;
            if (directive.Alias is { } alias)
            {
                if (alias.Name.Identifier.ValueText != name) continue;
                candidate = FromGlobal(directive.Name);
            }
            else
            {
                candidate = Member(FromGlobal(directive.Name) as INamespaceSymbol, name) as INamedTypeSymbol;
            }

            if (candidate is null) continue;
            if (found is not null && !SymbolEqualityComparer.Default.Equals(found, candidate)) return null; // ambiguous
            found = candidate;
        }

        return found;
    }

    private INamespaceOrTypeSymbol? FromGlobal(NameSyntax name) => name switch
    {
        IdentifierNameSyntax identifier => Member(compilation.GlobalNamespace, identifier.Identifier.ValueText),
        QualifiedNameSyntax qualified => Member(FromGlobal(qualified.Left), qualified.Right.Identifier.ValueText),
        AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global" } global => Member(compilation.GlobalNamespace, global.Name.Identifier.ValueText),
        _ => null,
    };

    private static ImmutableArray<UsingDirectiveSyntax> CollectGlobalUsings(Compilation compilation)
    {
        var found = ImmutableArray.CreateBuilder<UsingDirectiveSyntax>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is not CompilationUnitSyntax unit) continue;
            foreach (var directive in unit.Usings)
            {
                if (directive.GlobalKeyword != default) found.Add(directive);
            }
        }

        return found.ToImmutable();
    }
}

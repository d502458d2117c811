using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// The declarations a method name written in a class is looked up in, from syntax: every part of a <c>partial</c>
/// class, as the compiler binds the name in any of them. A team that splits a big runbook into partial files writes
/// Define in one and the methods its steps use in another; every reader of "a method of the runbook's class" (a step's
/// method, a step's code, a wrapper a builder is handed to) asks here, so that none of them looks only in the part the
/// call is written in. Linked into the generator with <see cref="BuilderMethodSyntax"/>.
/// </summary>
internal static class ClassParts
{
    /// <summary>
    /// The declarations of <paramref name="type"/>'s class: each of <paramref name="parts"/> (its symbol's
    /// <c>DeclaringSyntaxReferences</c>) when <paramref name="type"/> is <c>partial</c> and one of them, else
    /// <paramref name="type"/> alone (also a type nested in the class, which is not the class's own part).
    /// </summary>
    public static IEnumerable<TypeDeclarationSyntax> Of(TypeDeclarationSyntax type, ImmutableArray<SyntaxReference> parts)
    {
        if (!IsSearchedWhole(type, parts))
        {
            yield return type;
            yield break;
        }

        foreach (var part in parts)
        {
            if (part.GetSyntax() is TypeDeclarationSyntax declaration) yield return declaration;
        }
    }

    /// <summary>
    /// The parts of <paramref name="symbol"/>, the class <paramref name="type"/> declares, to search: asked of the symbol
    /// only when <paramref name="type"/> is written <c>partial</c>, so that a runbook in one file asks for nothing more;
    /// default (only <paramref name="type"/> is searched) otherwise.
    /// </summary>
    public static ImmutableArray<SyntaxReference> Declared(INamedTypeSymbol? symbol, TypeDeclarationSyntax type) =>
        symbol is not null && type.Modifiers.Any(SyntaxKind.PartialKeyword) ? symbol.DeclaringSyntaxReferences : default;

    /// <summary>
    /// The one method named <paramref name="name"/> across the class's declarations (<see cref="Of(TypeDeclarationSyntax, ImmutableArray{SyntaxReference})"/>);
    /// null when there is none, or more than one: a name declared twice, in one part or across two, is overloaded, and
    /// which one is bound is the compiler's to say.
    /// </summary>
    public static MethodDeclarationSyntax? OneMethodNamed(TypeDeclarationSyntax type, string name, ImmutableArray<SyntaxReference> parts)
    {
        MethodDeclarationSyntax? found = null;
        if (!IsSearchedWhole(type, parts)) return TryFindIn(type, name, ref found) ? found : null;
        foreach (var part in parts)
        {
            if (part.GetSyntax() is TypeDeclarationSyntax declaration && !TryFindIn(declaration, name, ref found)) return null;
        }

        return found;
    }

    // Whether the class's other parts are searched too: type is partial and one of parts.
    private static bool IsSearchedWhole(TypeDeclarationSyntax type, ImmutableArray<SyntaxReference> parts) =>
        !parts.IsDefault && parts.Length > 1 && type.Modifiers.Any(SyntaxKind.PartialKeyword) && IsPartOf(parts, type);

    /// <summary>Adds the method named <paramref name="name"/> in <paramref name="type"/> to <paramref name="found"/>; false when there are two.</summary>
    private static bool TryFindIn(TypeDeclarationSyntax type, string name, ref MethodDeclarationSyntax? found)
    {
        foreach (var member in type.Members)
        {
            if (member is not MethodDeclarationSyntax method || method.Identifier.ValueText != name) continue;
            if (found is not null) return false;
            found = method;
        }

        return true;
    }

    private static bool IsPartOf(ImmutableArray<SyntaxReference> parts, TypeDeclarationSyntax type)
    {
        foreach (var part in parts)
        {
            if (part.SyntaxTree == type.SyntaxTree && part.Span == type.Span) return true;
        }

        return false;
    }
}

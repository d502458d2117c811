using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// A class declaration carrying one of our attributes, bound: what the readers need, whichever way the class was found
/// (<c>ForAttributeWithMetadataName</c> for handbooks, <see cref="RunbookDeclarations"/> for runbooks).
/// </summary>
/// <param name="Node">The declaration (one part of a partial class) the attribute is written on.</param>
/// <param name="Symbol">The class.</param>
/// <param name="SemanticModel">The semantic model of <paramref name="Node"/>'s tree.</param>
/// <param name="Attributes">The attribute's applications on <paramref name="Node"/>, bound.</param>
internal readonly record struct AttributeTarget(
    ClassDeclarationSyntax Node, INamedTypeSymbol Symbol, SemanticModel SemanticModel, ImmutableArray<AttributeData> Attributes)
{
    /// <summary>The class Roslyn found; null when the target is not a class.</summary>
    public static AttributeTarget? From(GeneratorAttributeSyntaxContext context) =>
        context is { TargetNode: ClassDeclarationSyntax node, TargetSymbol: INamedTypeSymbol symbol }
            ? new AttributeTarget(node, symbol, context.SemanticModel, context.Attributes)
            : null;

    /// <summary>
    /// Whether <paramref name="declaration"/> holds the first of the class's applications of an attribute: only that
    /// declaration makes the class's model. The attribute written on two parts of a partial class, or a runbook file
    /// copied before its class is renamed (one class of two declarations, to the compiler), made two models of one
    /// class, whose two generated files of one name made Roslyn throw and the generator add nothing (CS8785).
    /// </summary>
    public static bool IsFirstApplication(INamedTypeSymbol symbol, SyntaxNode declaration, System.Func<INamedTypeSymbol?, bool> isOurs)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (isOurs(attribute.AttributeClass)) return IsOn(attribute, declaration);
        }

        return false;
    }

    /// <summary>Whether <paramref name="attribute"/> is written on <paramref name="declaration"/>.</summary>
    public static bool IsOn(AttributeData attribute, SyntaxNode declaration) =>
        attribute.ApplicationSyntaxReference is { } application
        && application.SyntaxTree == declaration.SyntaxTree
        && declaration.Span.Contains(application.Span);
}

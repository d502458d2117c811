using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// An array argument written as a name: <c>Table(Headers, Row1)</c> with <c>private static readonly string[] Headers =
/// { "Severity", "Who" };</c>, as CA1861 ("avoid constant arrays as arguments") asks. The array is read from the
/// field's (or getter-only property's) initializer when that is in the tree being read: the generator's semantic model
/// reads only that tree, and the page and RB0016 must agree on what it can show (this file is shared with the analyzers).
/// </summary>
internal static class ReadOnlyArrays
{
    /// <summary>
    /// The elements of an array written in place: <c>new[] { … }</c>, <c>new string[] { … }</c>, <c>[ … ]</c>, or a
    /// field's bare initializer <c>{ … }</c>. Null for any other expression.
    /// </summary>
    public static IReadOnlyList<ExpressionSyntax>? Elements(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        return expression switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            InitializerExpressionSyntax initializer when initializer.Parent is EqualsValueClauseSyntax => initializer.Expressions,
            CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="expression"/> can name a field or property (the only forms worth binding).</summary>
    public static bool IsName(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression };

    /// <summary>
    /// The elements of the array <paramref name="symbol"/> holds from its declaration: a <c>static readonly</c> field, or
    /// a static property without a setter (<c>{ get; } = …</c> or <c>=> …</c>), declared in <paramref name="tree"/> with
    /// an array written in place. Null for anything else — an instance member (its constructor may assign another), a
    /// declaration in another file (no semantic model of the generator's read reaches it), a value that is not an
    /// array written out.
    /// </summary>
    public static IReadOnlyList<ExpressionSyntax>? ElementsOf(ISymbol? symbol, SyntaxTree tree, CancellationToken cancellationToken)
    {
        switch (symbol)
        {
            case IFieldSymbol { IsStatic: true, IsReadOnly: true, IsConst: false }:
                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != tree) continue;
                    if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }) return Elements(value);
                }

                return null;
            case IPropertySymbol { IsStatic: true, SetMethod: null, IsIndexer: false }:
                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != tree) continue;
                    if (reference.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax property) continue;
                    if (property.ExpressionBody is { Expression: var body }) return Elements(body);
                    // An auto-property only: a getter with a body may return something else than the initializer.
                    if (property.Initializer is { Value: var value } && property.AccessorList is { } accessors
                        && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null))
                    {
                        return Elements(value);
                    }
                }

                return null;
            default:
                return null;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>Finds [Parameter] properties that end up inside a plain-string command.</summary>
internal static class CommandParameters
{
    /// <summary>
    /// True when the argument is a non-constant interpolated string, which C# hands to the
    /// <c>CommandInterpolationHandler</c> overload of <c>Run</c> (holes quoted); any other text goes to <c>Run(string)</c>.
    /// </summary>
    public static bool UsesSafeHandler(ExpressionSyntax argument, SyntaxValues values) =>
        IsInterpolation(SyntaxValues.Unwrap(argument)) && !values.Constant(argument).HasValue;

    /// <summary>
    /// Parameters read by a non-constant string expression: concatenated, formatted, interpolated, or via a local
    /// initialised from such an expression in the same method.
    /// </summary>
    public static IEnumerable<IPropertySymbol> PastedInto(ExpressionSyntax value, SyntaxValues values)
    {
        if (values.Constant(value).HasValue) yield break;
        foreach (var identifier in Names(value))
        {
            if (values.ParameterProperty(identifier) is { } property)
            {
                yield return property;
            }
            else if (SyntaxValues.LocalInitializer(identifier) is { } initializer)
            {
                foreach (var nested in Names(initializer))
                {
                    if (values.ParameterProperty(nested) is { } initial) yield return initial;
                }
            }
        }
    }

    private static bool IsInterpolation(ExpressionSyntax expression) => expression switch
    {
        InterpolatedStringExpressionSyntax => true,
        // $"a {X}" + $"b" is converted to the handler as a whole.
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) =>
            IsInterpolation(SyntaxValues.Unwrap(binary.Left)) && IsInterpolation(SyntaxValues.Unwrap(binary.Right)),
        _ => false,
    };

    /// <summary>The names read by the expression: identifiers not on the right of a member access (except <c>this.X</c>).</summary>
    private static IEnumerable<ExpressionSyntax> Names(ExpressionSyntax expression)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access:
                    yield return access;
                    break;
                case IdentifierNameSyntax identifier when identifier.Parent is not MemberAccessExpressionSyntax { Name: var name } || name != identifier:
                    yield return identifier;
                    break;
            }
        }
    }
}

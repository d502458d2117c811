using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Text;

/// <summary>The string literal tokens written in a DSL call's arguments: what the prose rules (RB0018, RB0019) read.</summary>
internal static class DslStringTokens
{
    /// <summary>
    /// Every string literal, interpolated text and raw string token of <paramref name="call"/>'s arguments — not
    /// those inside a lambda (a step's body): the calls in it are DSL calls of their own, read when they are visited.
    /// </summary>
    public static IEnumerable<SyntaxToken> Of(DslInvocation call)
    {
        foreach (var argument in call.Syntax.ArgumentList.Arguments)
        {
            foreach (var token in argument.Expression.DescendantTokens(static node => node is not AnonymousFunctionExpressionSyntax))
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
                    token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                    yield return token;
            }
        }
    }
}

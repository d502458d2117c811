using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.CodeFixes.Escalation;

/// <summary>The consecutive <c>.Level(...)</c> calls of an escalation, as the escalation fixes read them.</summary>
internal static class EscalationChain
{
    public static bool IsLevel(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Level" };

    /// <summary>The consecutive <c>.Level(...)</c> calls around <paramref name="level"/>, innermost (first written) first.</summary>
    public static List<InvocationExpressionSyntax> Levels(InvocationExpressionSyntax level)
    {
        var first = level;
        while (first.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax inner } && IsLevel(inner)) first = inner;

        var calls = new List<InvocationExpressionSyntax> { first };
        var current = first;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current &&
               access.Parent is InvocationExpressionSyntax outer && IsLevel(outer))
        {
            calls.Add(outer);
            current = outer;
        }

        return calls;
    }
}

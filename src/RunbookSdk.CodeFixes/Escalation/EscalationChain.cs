using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.CodeFixes.Escalation;

/// <summary>The <c>.Level(...)</c> calls of an escalation, as the escalation fixes read them.</summary>
internal static class EscalationChain
{
    public static bool IsLevel(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Level" };

    /// <summary>
    /// The levels listed with <paramref name="level"/>, first written first: the consecutive <c>.Level(...)</c> calls of
    /// its chain, and in a block (<c>e => { e.Level(…); e.Level(…); }</c>) those of the statements around it that only
    /// list levels on the same builder.
    /// </summary>
    public static List<InvocationExpressionSyntax> Levels(InvocationExpressionSyntax level)
    {
        var calls = Chain(level);
        var outermost = calls[calls.Count - 1];
        if (outermost.Parent is not ExpressionStatementSyntax { Parent: BlockSyntax block } statement ||
            ((MemberAccessExpressionSyntax)calls[0].Expression).Expression is not IdentifierNameSyntax builder) return calls;

        var statements = block.Statements;
        var first = statements.IndexOf(statement);
        var last = first;
        while (first > 0 && LevelsOf(statements[first - 1], builder.Identifier.ValueText) is not null) first--;
        while (last + 1 < statements.Count && LevelsOf(statements[last + 1], builder.Identifier.ValueText) is not null) last++;
        if (first == last) return calls;

        var all = new List<InvocationExpressionSyntax>();
        for (var i = first; i <= last; i++) all.AddRange(LevelsOf(statements[i], builder.Identifier.ValueText)!);
        return all;
    }

    /// <summary>The consecutive <c>.Level(...)</c> calls of <paramref name="level"/>'s chain, innermost (first written) first.</summary>
    private static List<InvocationExpressionSyntax> Chain(InvocationExpressionSyntax level)
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

    /// <summary>The levels of a statement that does nothing but list levels on <paramref name="builder"/>; null for any other.</summary>
    private static List<InvocationExpressionSyntax>? LevelsOf(StatementSyntax statement, string builder)
    {
        if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } || !IsLevel(call)) return null;
        var calls = Chain(call);
        return calls[calls.Count - 1] == call &&
               ((MemberAccessExpressionSyntax)calls[0].Expression).Expression is IdentifierNameSyntax { Identifier.ValueText: var name } && name == builder
            ? calls
            : null;
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Whether code runs on every way through the body it is written in, read from syntax: not under an <c>if</c>, a
/// <c>?:</c>, a <c>switch</c>, a loop that may not run, a <c>catch</c>, the right of <c>&amp;&amp;</c>, <c>||</c> or
/// <c>??</c>, after a <c>?.</c>, or inside a lambda or local function (which may never be called), and with no
/// <c>return</c>, <c>yield break</c> or <c>goto</c> before it that could leave first. <c>RequiresConfirmation()</c>
/// marks a step only where it is sure to run: <c>if (ask) s.RequiresConfirmation();</c> leaves the step unconfirmed
/// whenever <c>ask</c> is false, and RB0005 took it for a step that always asks.
/// </summary>
/// <remarks>
/// A <c>throw</c> before the code is no way around it: a step whose Define throws is never run. Judged from syntax
/// only, so a condition that is always true (<c>if (true)</c>) still counts as one; the rule then reports, and the
/// author writes the call plainly.
/// </remarks>
internal static class EveryPath
{
    /// <summary>True when <paramref name="node"/> runs whenever <paramref name="body"/> (a method, a local function, a lambda's body) runs to its end.</summary>
    public static bool Runs(SyntaxNode node, SyntaxNode body)
    {
        for (var current = node; current != body; current = current.Parent)
        {
            if (current.Parent is not { } parent) return false; // not in the body at all
            if (parent != body && IsConditional(parent, current)) return false;
        }

        return !LeavesBefore(body, node);
    }

    /// <summary>Whether <paramref name="child"/> of <paramref name="parent"/> runs only on some ways through it.</summary>
    private static bool IsConditional(SyntaxNode parent, SyntaxNode child) => parent switch
    {
        IfStatementSyntax @if => child != @if.Condition,
        ElseClauseSyntax => true,
        ConditionalExpressionSyntax conditional => child != conditional.Condition,
        SwitchStatementSyntax @switch => child != @switch.Expression,
        SwitchExpressionSyntax @switch => child != @switch.GoverningExpression,
        WhileStatementSyntax @while => child != @while.Condition,
        ForStatementSyntax @for => child != @for.Declaration && !(child is ExpressionSyntax expression && @for.Initializers.IndexOf(expression) >= 0),
        CommonForEachStatementSyntax forEach => child != forEach.Expression,
        CatchClauseSyntax => true,
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.CoalesceExpression) =>
            child == binary.Right,
        AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression) => child == assignment.Right,
        ConditionalAccessExpressionSyntax access => child == access.WhenNotNull,
        AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax => true,
        _ => false,
    };

    /// <summary>Whether a statement that leaves <paramref name="body"/> is written before <paramref name="node"/> (its own <c>return</c> aside).</summary>
    private static bool LeavesBefore(SyntaxNode body, SyntaxNode node)
    {
        foreach (var descendant in body.DescendantNodes(child => child == body || child is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (descendant.SpanStart >= node.SpanStart) break;
            if (descendant is ReturnStatementSyntax or GotoStatementSyntax || descendant.IsKind(SyntaxKind.YieldBreakStatement))
            {
                if (!descendant.Span.Contains(node.Span)) return true;
            }
        }

        return false;
    }
}

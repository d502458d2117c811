using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// Whether a command written in a helper that adds actions to the step it is given
/// (<c>static IStepBuilder Flush(IStepBuilder s) =&gt; s.Run("redis-cli FLUSHALL")</c>) is confirmed where the helper is
/// called: <c>.Step("Flush", s =&gt; Flush(s).RequiresConfirmation())</c>, or <c>RequiresConfirmation()</c> elsewhere in
/// that step. Confirmation is asked once per step, so the caller's mark covers what the helper adds; before, RB0005
/// reported the helper's command although every step it runs in asks first.
/// </summary>
/// <remarks>
/// Only a helper every caller of which can be seen: a private method of the runbook's type (all its partial parts are
/// read) or a local function, called directly — not handed on as a method group — at least once. A name that is used in
/// any other way, or a caller that does not confirm, leaves the finding where it is.
/// </remarks>
internal static class ConfirmingCallers
{
    /// <summary>True when <paramref name="call"/>'s builder is a helper's parameter and every call of the helper confirms its step.</summary>
    public static bool ConfirmEvery(DslInvocation call)
    {
        if (ChainStart.Of(call.Syntax, call.Runbooks, call.ContainingType) is not IdentifierNameSyntax root ||
            HelperUses.Of(call.Syntax, call.ContainingType, root.Identifier.ValueText, throughLambdas: false) is not { IsPrivate: true } helper)
            return false;
        return helper.EveryCall(invocation => Confirms(call, invocation, call.IndexOf(invocation.SyntaxTree)));
    }

    /// <summary>
    /// Whether the helper's call is confirmed: on its own chain, or anywhere in the step lambda it is in — by
    /// <c>RequiresConfirmation()</c> or a team's code that calls it (<see cref="StepConfirmation"/>).
    /// </summary>
    private static bool Confirms(DslInvocation call, InvocationExpressionSyntax invocation, DslCallIndex index)
    {
        if (StepConfirmation.OnChain(call, invocation)) return true;
        LambdaExpressionSyntax? lambda = null;
        var previous = (SyntaxNode)invocation;
        for (var current = invocation.Parent; current is not null && current is not MemberDeclarationSyntax; previous = current, current = current.Parent)
        {
            if (current is LambdaExpressionSyntax function) lambda = function;
            if (current is InvocationExpressionSyntax step && previous is ArgumentListSyntax && index.Contains(step, "Step"))
                return lambda is not null && StepConfirmation.InStep(call, lambda, index);
        }

        return false;
    }
}

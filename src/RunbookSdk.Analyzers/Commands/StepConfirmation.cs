using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// Whether the step a destructive command is in asks the operator first (RB0005): <c>RequiresConfirmation()</c> on the
/// command's chain or anywhere in its step, or a team's code that calls it on the step's builder — an extension method
/// declared in the project (<c>s.Run("redis-cli FLUSHALL").Confirmed()</c> with <c>public static IStepBuilder
/// Confirmed(this IStepBuilder s) =&gt; s.RequiresConfirmation()</c>, see <see cref="ConfiguringExtensions"/>) or a
/// method handed the builder (<c>s =&gt; { s.Run(…); Confirm(s); }</c>, <c>Confirm(s.Run(…))</c>): of the runbook's class
/// (see <see cref="ConfiguringCallers.HandedTo"/>), a local function of Define, or a static method of another class in
/// source (<c>Safety.Confirm(s)</c>, see <see cref="SourceCallees"/>). Before, RB0005 followed none of them and reported
/// steps that always ask.
/// </summary>
/// <remarks>
/// Confirmation is asked once per step, before its first command, so unlike a timeout it is not bound to the action it
/// follows: <c>s.Run("echo flushing").RequiresConfirmation()</c> in a team's method confirms the step too. The team's
/// code is read only where the step's builder is handed to code the index cannot follow (its opaque uses), and only
/// for a destructive command the DSL's own call does not confirm. A confirmation counts only where it runs on every way
/// through the step's lambda or the method it is in (<see cref="EveryPath"/>): <c>if (ask) s.RequiresConfirmation();</c>
/// leaves the step unconfirmed whenever <c>ask</c> is false.
/// </remarks>
internal static class StepConfirmation
{
    private const string Confirmation = "RequiresConfirmation";

    /// <summary>True when the step of <paramref name="call"/>, a destructive command or DELETE request, asks the operator first.</summary>
    public static bool IsConfirmed(DslInvocation call)
    {
        if (OnChain(call, call.Syntax)) return true;
        if (call.EnclosingStepLambda() is { } step) return InStep(call, step, call.Index);
        // In a helper given the step's builder: confirmed in the helper itself, or by every caller of it.
        return (ChainStart.Of(call.Syntax, call.Runbooks, call.ContainingType) is IdentifierNameSyntax root &&
                HelperUses.Of(call.Syntax, call.ContainingType, root.Identifier.ValueText, throughLambdas: false) is { } helper &&
                Within(call, helper.Declaration, root.Identifier.ValueText, call.Index)) ||
            ConfirmingCallers.ConfirmEvery(call);
    }

    /// <summary>
    /// Whether <c>RequiresConfirmation()</c>, or a team's extension method that calls it, is chained on
    /// <paramref name="invocation"/>: the command itself, or a helper's call (<c>Flush(s).Confirmed()</c>).
    /// </summary>
    public static bool OnChain(DslInvocation call, InvocationExpressionSyntax invocation) =>
        ConfiguringCallers.ChainConfigures(call, invocation, IsConfirmation, wholeStep: true);

    /// <summary>Whether the step lambda <paramref name="step"/> (in the tree <paramref name="index"/> describes) confirms its step.</summary>
    public static bool InStep(DslInvocation call, LambdaExpressionSyntax step, DslCallIndex index)
    {
        var builder = step switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => null,
        };
        return builder is not null && Within(call, step.Body, builder, index);
    }

    private static bool IsConfirmation(string name) => name == Confirmation;

    /// <summary>Whether <paramref name="body"/> confirms the step <paramref name="builder"/> builds, directly or through a team's code.</summary>
    private static bool Within(DslInvocation call, SyntaxNode body, string builder, DslCallIndex index)
    {
        foreach (var dslCall in index.CallsWithin(body.Span))
        {
            if (DslSyntax.CalledName(dslCall) == Confirmation && IsBuilder(call, dslCall, builder) && EveryPath.Runs(dslCall, body)) return true;
        }

        foreach (var opaque in index.OpaqueWithin(body.Span))
        {
            if (opaque is InvocationExpressionSyntax use && EveryPath.Runs(use, body) && ConfirmsBuilder(call, use, builder)) return true;
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="use"/>, a use of a builder the index cannot follow, confirms <paramref name="builder"/>'s
    /// step: an extension method called on it (<c>s.Confirmed()</c>, <c>s.Run(…).Confirmed()</c>), or a method it is
    /// handed to (<c>Confirm(s)</c>, <c>Safety.Confirm(s)</c>).
    /// </summary>
    private static bool ConfirmsBuilder(DslInvocation call, InvocationExpressionSyntax use, string builder)
    {
        if (use.Expression is MemberAccessExpressionSyntax access && IsBuilder(call, access.Expression, builder) && DslSyntax.CalledName(use) is { } name &&
            call.Runbooks.Symbols.ConfiguringExtensions.Configures(name, use.ArgumentList, IsConfirmation, wholeStep: true, call.Runbooks))
            return true;

        foreach (var argument in use.ArgumentList.Arguments)
        {
            if (IsBuilder(call, argument.Expression, builder) &&
                (ConfiguringCallers.HandedTo(call, argument, IsConfirmation, wholeStep: true) ||
                 ConfiguringCallers.HandedToSourceCallee(call, argument, IsConfirmation, wholeStep: true)))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Whether the chain <paramref name="expression"/> starts from the builder named <paramref name="builder"/>, also
    /// through a function handed it that returns it (<c>Announce(s).RequiresConfirmation()</c>, see <see cref="ChainStart"/>).
    /// </summary>
    private static bool IsBuilder(DslInvocation call, ExpressionSyntax expression, string builder) =>
        ChainStart.IsOn(expression, builder, call.Runbooks, call.ContainingType);
}

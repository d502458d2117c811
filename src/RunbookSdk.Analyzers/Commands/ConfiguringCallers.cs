using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// Whether an action a helper adds and returns (<c>static ICommandStepBuilder Tail(IStepBuilder s) =&gt;
/// s.Run("kubectl logs -f api")</c>, <c>static IHttpStepBuilder Health(IStepBuilder s) =&gt; s.Http("GET", …)</c>) is
/// configured where the helper is called: <c>Tail(s).Timeout(…)</c>, <c>Health(s).ExpectStatus(200)</c>. A call chained
/// on the builder a helper returns configures the helper's last action, so the callers' <c>Timeout</c> bounds the
/// command (RB0015) and their <c>ExpectStatus</c> makes the request a check (RB0014); before, both rules reported the
/// helper's action although every step it is used in configures it — also a helper the phases and the verification
/// share.
/// </summary>
/// <remarks>
/// Only a helper every caller of which can be seen (a private method of the runbook's type, or a local function,
/// called directly at least once; see <see cref="HelperUses"/>), and only the action the helper returns: one written
/// as its expression body or a <c>return</c>, with no other action chained after it.
/// </remarks>
internal static class ConfiguringCallers
{
    /// <summary>True when <paramref name="call"/> is the action its helper returns and every call of the helper chains a call <paramref name="isName"/> accepts.</summary>
    public static bool ConfigureEvery(DslInvocation call, Func<string, bool> isName)
    {
        if (!IsReturnedLastAction(call.Syntax) || ChainStart.Of(call.Syntax, call.Runbooks, call.ContainingType) is not IdentifierNameSyntax root ||
            HelperUses.Of(call.Syntax, call.ContainingType, root.Identifier.ValueText, throughLambdas: false) is not { IsPrivate: true } helper)
            return false;
        return helper.EveryCall(invocation => ChainConfigures(call, invocation, isName));
    }

    /// <summary>
    /// True when a call <paramref name="isName"/> accepts is chained on the action <paramref name="action"/> adds (or on
    /// the builder a helper returns) before another action: written there (<c>s.Run(…).Timeout(…)</c>), or made by a
    /// team's extension method declared in the project (<c>s.Run(…).Bounded()</c>, see <see cref="ConfiguringExtensions"/>).
    /// A call that marks the <paramref name="wholeStep"/> (<c>RequiresConfirmation()</c>, <c>.Confirmed()</c>) counts
    /// after another action too.
    /// </summary>
    public static bool ChainConfigures(DslInvocation call, InvocationExpressionSyntax action, Func<string, bool> isName, bool wholeStep = false)
    {
        SyntaxNode current = action;
        while (current.Parent is ParenthesizedExpressionSyntax) current = current.Parent;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax next && next.Expression == access)
        {
            if (DslSyntax.CalledName(next) is { } name)
            {
                if (isName(name)) return true;
                if (!wholeStep && DslSyntax.IsAction(name)) return false;
                if (call.Runbooks.Symbols.ConfiguringExtensions.Configures(name, next.ArgumentList, isName, wholeStep, call.Runbooks)) return true;
            }

            current = next;
        }

        return false;
    }

    /// <summary>
    /// True when the chain from <paramref name="call"/> is handed, as it is, to a method that chains a call
    /// <paramref name="isName"/> accepts on that parameter before any other action, on every way through it:
    /// <c>Bounded(s.Run("kubectl logs -f api"))</c> with <c>ICommandStepBuilder Bounded(ICommandStepBuilder c) =&gt;
    /// c.Timeout(…)</c>. A method of the runbook's class (<see cref="HandedTo"/>), a local function of Define, or a static
    /// method of another class in source (<c>Limits.Bounded(s.Run(…))</c>, see <see cref="HandedToSourceCallee"/>); before,
    /// only the first was followed, and RB0015 reported a command the team's <c>Limits</c> class bounds.
    /// </summary>
    /// <remarks>Asked only for an action a rule would otherwise report, so the corpus's lambdas never reach it.</remarks>
    public static bool WrappedBy(DslInvocation call, Func<string, bool> isName)
    {
        if (ChainTop(call.Syntax) is not { } top || ChainAddsActionAfter(call.Syntax, top)) return false;
        return top.Parent is ArgumentSyntax argument &&
            (HandedTo(call, argument, isName, wholeStep: false) || HandedToSourceCallee(call, argument, isName, wholeStep: false));
    }

    /// <summary>
    /// Whether <paramref name="argument"/>, a builder as it is, lands in a parameter that a local function or a static
    /// method of another class in source (<c>Safety.Confirm(s)</c>, <c>Limits.Bounded(s.Run(…))</c>, see
    /// <see cref="SourceCallees"/>) configures as <see cref="HandedTo"/> reads it: every declaration the call may run, at
    /// least one. A method of a referenced assembly has no source and does not configure. A named argument
    /// (<c>Limits.Bounded(c: s.Run(…))</c>) lands in the parameter of its name (<see cref="WrittenArguments.ParameterOf"/>).
    /// </summary>
    public static bool HandedToSourceCallee(DslInvocation call, ArgumentSyntax argument, Func<string, bool> isName, bool wholeStep)
    {
        if (argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax use } list) return false;
        var position = list.Arguments.IndexOf(argument);
        var callees = SourceCallees.Of(use, call.Runbooks, call.ContainingType);
        HandOn? handOn = null;
        foreach (var (declaration, parameters, type) in callees)
        {
            // A half-typed parameter has no name to follow: `c => .Timeout(…)` configures nothing.
            if (WrittenArguments.ParameterOf(argument, position, parameters) is not { Length: > 0 } parameter ||
                !(handOn ??= new HandOn(call.Runbooks)).IsConfigured(declaration, parameter, type, isName, wholeStep))
                return false;
        }

        return callees.Count > 0;
    }

    /// <summary>
    /// True when <paramref name="argument"/> (a builder, as it is) is handed to a method of the runbook's class that
    /// chains a call <paramref name="isName"/> accepts on the parameter it lands in: before any action, or anywhere when
    /// the call marks the <paramref name="wholeStep"/> (<c>Confirm(s)</c> with <c>IStepBuilder Confirm(IStepBuilder s)
    /// =&gt; s.RequiresConfirmation()</c>). Only a method found by name in the class the call is written in, whose
    /// parameters the arguments fit (<see cref="WrittenArguments"/>: one left unwritten has a default or is <c>params</c>) —
    /// in every part of a <c>partial</c> one (<see cref="ClassParts"/>), where a team keeps its wrappers apart from Define —
    /// called by its name or <c>this.Name</c>, with the argument in its place or named for its parameter
    /// (<c>Confirm(step: s)</c>). Before, a wrapper in another part and a named argument were not followed, and the rules
    /// reported a command the wrapper bounds or confirms.
    /// </summary>
    public static bool HandedTo(DslInvocation call, ArgumentSyntax argument, Func<string, bool> isName, bool wholeStep)
    {
        if (argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax wrapper } list) return false;
        var index = list.Arguments.IndexOf(argument);
        HandOn? handOn = null;
        foreach (var method in SourceCallees.OwnMethods(wrapper, call.ContainingType))
        {
            if (WrittenArguments.ParameterOf(argument, index, method.ParameterList) is { } parameter &&
                (handOn ??= new HandOn(call.Runbooks)).IsConfigured(method, parameter, call.ContainingType, isName, wholeStep))
                return true;
        }

        return false;
    }

    /// <summary>The outermost call of the chain <paramref name="action"/> is in: <c>s.Run(…).Retry(2)</c> for the <c>Run</c>.</summary>
    private static SyntaxNode? ChainTop(InvocationExpressionSyntax action)
    {
        SyntaxNode current = action;
        while (current.Parent is ParenthesizedExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax)
        {
            if (current.Parent is InvocationExpressionSyntax invocation && invocation.Expression != current) break;
            if (current.Parent is MemberAccessExpressionSyntax access && access.Expression != current) break;
            current = current.Parent;
        }

        return current;
    }

    /// <summary>Whether the chain from <paramref name="action"/> on adds no other action and is what its method returns.</summary>
    private static bool IsReturnedLastAction(InvocationExpressionSyntax action)
    {
        var current = ChainTop(action)!;
        // An action chained after this one ends the walk with another action: this one is not the last.
        if (current != action && ChainAddsActionAfter(action, current)) return false;
        return current.Parent is ArrowExpressionClauseSyntax or ReturnStatementSyntax;
    }

    private static bool ChainAddsActionAfter(InvocationExpressionSyntax action, SyntaxNode top)
    {
        for (SyntaxNode? node = top; node is not null && node != action; node = node is InvocationExpressionSyntax i ? i.Expression : node is MemberAccessExpressionSyntax m ? m.Expression : (node as ParenthesizedExpressionSyntax)?.Expression)
        {
            if (node is InvocationExpressionSyntax invocation && DslSyntax.CalledName(invocation) is "Run" or "Http" or "Instruction" or "Wait" or "Monitor" or "Execute" or "Notify" or "Snippet")
                return true;
        }

        return false;
    }
}

using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Whether a method handed an action's builder configures that action: <c>c.Timeout(…)</c>, also after other calls
/// that add no action (<c>c.Tagged().Timeout(…)</c>) or as a statement before <c>return c;</c>. A call chained after
/// another action (<c>c.Run("kubectl get pods").Timeout(…)</c>) configures that action, not the one handed in.
/// A call that marks the whole step (<c>RequiresConfirmation()</c>) marks it wherever it is chained:
/// <c>s.Run("echo flushing").RequiresConfirmation()</c> confirms the step handed in. Either counts only where it runs on
/// every way through the method (<see cref="EveryPath"/>): not under an <c>if</c>, nor after a <c>return</c> that may
/// leave first. <c>if (slow) c.Timeout(…)</c> leaves the command unbounded whenever <c>slow</c> is false, and RB0015
/// (RB0014 for <c>if (strict) h.ExpectStatus(200)</c>) took it for a command that is always bounded. Read on a chain of
/// hand-ons (<see cref="HandOn"/>), a team's extension method called on the parameter (<c>s.Confirmed()</c>) is followed
/// into, as a method the parameter is passed to is.
/// </summary>
internal static class ReceiverConfiguration
{
    /// <summary>
    /// True when <paramref name="method"/> chains a call <paramref name="isName"/> accepts on its parameter
    /// <paramref name="parameter"/> before any action, or anywhere in the chain when <paramref name="wholeStep"/>; with
    /// <paramref name="handOn"/>, also when it hands the parameter, as it is, on every way through it to a method that
    /// does (<c>static void HandOn(IStepBuilder s) =&gt; MustConfirm(s);</c>), <paramref name="type"/> being the type
    /// <paramref name="method"/> is declared in, where the names it calls are looked up.
    /// </summary>
    public static bool IsConfigured(SyntaxNode method, string parameter, Func<string, bool> isName, bool wholeStep = false, HandOn? handOn = null,
        INamedTypeSymbol? type = null)
    {
        foreach (var node in method.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != parameter ||
                identifier.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax first } access || access.Expression != identifier)
                continue;
            if (DslSyntax.CalledName(first) is not { } called || (!wholeStep && DslSyntax.IsAction(called))) continue;
            if (!isName(called) && !DslSyntax.HasChainedCall(first, isName, ownAction: !wholeStep) &&
                !(handOn is not null && ExtensionInChainConfigures(first, isName, wholeStep, handOn))) continue;
            // Only where it runs on every way through the method: `if (ask) s.RequiresConfirmation()` leaves the step
            // unconfirmed, and `if (slow) c.Timeout(…)` the command unbounded, whenever the condition is false.
            if (EveryPath.Runs(first, method)) return true;
        }

        return handOn is not null && HandsOnConfigured(method, parameter, isName, wholeStep, handOn, type);
    }

    /// <summary>
    /// Whether a team's extension method called in the chain from <paramref name="first"/> on, before another action
    /// unless the call marks the <paramref name="wholeStep"/>, configures its receiver (<c>s.Confirmed()</c>,
    /// <c>c.Tagged().Bounded()</c>): followed on the chain <paramref name="handOn"/> follows, as a method the builder is
    /// handed to is. Before, only a method the builder was passed to as an argument was followed.
    /// </summary>
    private static bool ExtensionInChainConfigures(InvocationExpressionSyntax first, Func<string, bool> isName, bool wholeStep, HandOn handOn)
    {
        SyntaxNode current = first;
        var call = first;
        while (true)
        {
            if (DslSyntax.CalledName(call) is { } name)
            {
                if (call != first && !wholeStep && DslSyntax.IsAction(name)) return false;
                if (handOn.ExtensionConfigures(call, name, isName, wholeStep)) return true;
            }

            while (current.Parent is ParenthesizedExpressionSyntax) current = current.Parent;
            if (current.Parent is not MemberAccessExpressionSyntax access || access.Expression != current ||
                access.Parent is not InvocationExpressionSyntax next || next.Expression != access)
                return false;
            current = call = next;
        }
    }

    /// <summary>Whether <paramref name="method"/> hands <paramref name="parameter"/> on, on every way through it, to a method that configures it.</summary>
    private static bool HandsOnConfigured(SyntaxNode method, string parameter, Func<string, bool> isName, bool wholeStep, HandOn handOn, INamedTypeSymbol? type)
    {
        foreach (var node in method.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != parameter) continue;
            SyntaxNode handed = identifier;
            while (handed.Parent is ParenthesizedExpressionSyntax) handed = handed.Parent;
            if (handed.Parent is ArgumentSyntax argument && argument.Parent is ArgumentListSyntax { Parent: InvocationExpressionSyntax use } &&
                EveryPath.Runs(use, method) && handOn.HandedOnConfigures(use, argument, type, isName, wholeStep))
                return true;
        }

        return false;
    }
}

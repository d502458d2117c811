using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// A team's method that hands the builder it is given on to another (<c>static void HandOn(IStepBuilder s) =&gt;
/// MustConfirm(s);</c>, <c>Bounded(c)</c> inside a wrapper), read as what the method it is handed to does with it:
/// RB0005, RB0014 and RB0015 followed one method only, and reported a step confirmed, a command bounded or a request
/// checked one method further on.
/// </summary>
/// <remarks>
/// Created only where an action is about to be reported and its builder is handed to a team's code
/// (<see cref="Commands.ConfiguringCallers"/>, <see cref="ConfiguringExtensions"/>), so the corpus's lambdas never reach
/// it. A chain is followed <see cref="MaxDepth"/> methods deep at most, and a method already open on it (one that hands the
/// builder back to itself, or to a method that hands it back) is not read again: both leave the action unconfigured, as
/// code the rules cannot read whole does.
/// </remarks>
internal sealed class HandOn(RunbookCompilation runbooks)
{
    /// <summary>How many methods deep a builder handed on is followed, counting the first; no team's wrapper goes deeper.</summary>
    public const int MaxDepth = 4;

    private readonly List<SyntaxNode> _open = new(MaxDepth);

    /// <summary>
    /// True when <paramref name="method"/> (declared in <paramref name="type"/>) configures its parameter
    /// <paramref name="parameter"/> as <see cref="ReceiverConfiguration.IsConfigured"/> reads it, itself or through the
    /// methods it hands the parameter on to.
    /// </summary>
    public bool IsConfigured(SyntaxNode method, string parameter, INamedTypeSymbol? type, Func<string, bool> isName, bool wholeStep)
    {
        if (_open.Count >= MaxDepth || _open.Contains(method)) return false;
        _open.Add(method);
        try
        {
            return ReceiverConfiguration.IsConfigured(method, parameter, isName, wholeStep, this, type);
        }
        finally
        {
            _open.RemoveAt(_open.Count - 1);
        }
    }

    /// <summary>
    /// True when the team's extension method <paramref name="call"/> (<c>s.Confirmed()</c>, called on a parameter a
    /// method was handed) binds to configures its receiver, read as one more method on this chain.
    /// </summary>
    public bool ExtensionConfigures(InvocationExpressionSyntax call, string name, Func<string, bool> isName, bool wholeStep) =>
        _open.Count < MaxDepth && runbooks.Symbols.ConfiguringExtensions.Configures(name, call.ArgumentList, isName, wholeStep, this);

    /// <summary>
    /// True when <paramref name="argument"/>, a builder as it is, lands in a parameter that every method
    /// <paramref name="use"/> may run (at least one, found as <see cref="SourceCallees"/> finds them from a method of
    /// <paramref name="type"/>) configures.
    /// </summary>
    public bool HandedOnConfigures(InvocationExpressionSyntax use, ArgumentSyntax argument, INamedTypeSymbol? type, Func<string, bool> isName, bool wholeStep)
    {
        if (_open.Count >= MaxDepth || argument.Parent is not ArgumentListSyntax list) return false;
        var position = list.Arguments.IndexOf(argument);
        var callees = SourceCallees.Of(use, runbooks, type, ownType: true);
        foreach (var (declaration, parameters, calleeType) in callees)
        {
            if (WrittenArguments.ParameterOf(argument, position, parameters) is not { Length: > 0 } parameter ||
                !IsConfigured(declaration, parameter, calleeType, isName, wholeStep))
                return false;
        }

        return callees.Count > 0;
    }
}

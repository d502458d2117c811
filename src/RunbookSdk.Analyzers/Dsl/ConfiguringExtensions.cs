using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// A team's extension methods declared in the project, read as what they chain on the action they are called on:
/// <c>s.Run("kubectl logs -f api").Bounded()</c> with <c>public static ICommandStepBuilder Bounded(this
/// ICommandStepBuilder c) =&gt; c.Timeout(…)</c> bounds the command, as <c>.Timeout(…)</c> written there would (RB0015),
/// and <c>.MustBeOk()</c> with <c>h =&gt; h.ExpectStatus(200)</c> makes a request a check (RB0014);
/// <c>.Confirmed()</c> with <c>s =&gt; s.RequiresConfirmation()</c> confirms the step it is called in (RB0005).
/// </summary>
/// <remarks>
/// Asked by name only for a call chained on an action that the rules would otherwise report, and only for a name the
/// DSL does not have: the name is looked up in the compilation's declaration table (as
/// <see cref="BuilderReturningMethods"/> does), never bound, and the declarations found are kept per name and
/// compilation. A method of a referenced assembly has no source to read and is not followed; an extension that hands
/// its receiver on to another method is followed there (<see cref="HandOn"/>).
/// </remarks>
internal sealed class ConfiguringExtensions(Compilation compilation, DslVocabulary vocabulary)
{
    private readonly ConcurrentDictionary<string, ImmutableArray<(MethodDeclarationSyntax Method, INamedTypeSymbol Type)>> _byName = new(StringComparer.Ordinal);

    /// <summary>
    /// True when every extension method named <paramref name="name"/> declared in source that a call with
    /// <paramref name="arguments"/> may bind (at least one) chains a call <paramref name="isName"/> accepts on its
    /// receiver before it adds another action, or anywhere on it when the call marks the <paramref name="wholeStep"/>
    /// (<see cref="ReceiverConfiguration"/>). The candidates are those the arguments as written fit, the receiver aside,
    /// narrowed as C# narrows them (<see cref="WrittenArguments"/>, shared with the wrappers a builder is handed to):
    /// <c>.Capped()</c> with <c>Capped(this c)</c> bounding and <c>Capped(this c, string note = "")</c> not binds the
    /// first, and is bounded.
    /// </summary>
    /// <param name="runbooks">
    /// Given, an extension that hands its receiver on (<c>Confirmed(this IStepBuilder s) =&gt; Safety.Confirm(s)</c>) is
    /// followed into the method it hands it to (<see cref="HandOn"/>).
    /// </param>
    public bool Configures(string name, ArgumentListSyntax arguments, Func<string, bool> isName, bool wholeStep = false, RunbookCompilation? runbooks = null) =>
        Configures(name, arguments, isName, wholeStep, runbooks is null ? null : () => new HandOn(runbooks));

    /// <summary>
    /// As <see cref="Configures(string, ArgumentListSyntax, Func{string, bool}, bool, RunbookCompilation?)"/>, for an
    /// extension a team's method calls on the builder it was handed (<c>static void X(IStepBuilder s) =&gt; s.Confirmed();</c>):
    /// read on the chain <paramref name="handOn"/> follows, so it counts towards the same depth and is not read twice.
    /// </summary>
    public bool Configures(string name, ArgumentListSyntax arguments, Func<string, bool> isName, bool wholeStep, HandOn handOn) =>
        Configures(name, arguments, isName, wholeStep, () => handOn);

    private bool Configures(string name, ArgumentListSyntax arguments, Func<string, bool> isName, bool wholeStep, Func<HandOn>? handOnFor)
    {
        if (vocabulary.Contains(name)) return false;
        var declared = _byName.GetOrAdd(name, Find);
        if (declared.IsEmpty) return false;
        var candidates = new List<((MethodDeclarationSyntax Method, INamedTypeSymbol Type), bool)>(declared.Length);
        foreach (var extension in declared)
        {
            if (WrittenArguments.FitOnReceiver(arguments, extension.Method.ParameterList, out var whole)) candidates.Add((extension, whole));
        }

        var bound = WrittenArguments.Whole(candidates);
        var handOn = handOnFor is null || bound.Count == 0 ? null : handOnFor();
        foreach (var (method, type) in bound)
        {
            var receiver = method.ParameterList.Parameters[0].Identifier.ValueText;
            if (!(handOn?.IsConfigured(method, receiver, type, isName, wholeStep) ?? ReceiverConfiguration.IsConfigured(method, receiver, isName, wholeStep))) return false;
        }

        return bound.Count > 0;
    }

    private ImmutableArray<(MethodDeclarationSyntax Method, INamedTypeSymbol Type)> Find(string name)
    {
        if (!compilation.ContainsSymbolsWithName(name, SymbolFilter.Member)) return ImmutableArray<(MethodDeclarationSyntax, INamedTypeSymbol)>.Empty;
        var methods = ImmutableArray.CreateBuilder<(MethodDeclarationSyntax, INamedTypeSymbol)>();
        foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Member))
        {
            if (symbol is not IMethodSymbol { IsStatic: true }) continue;
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                // `this` on the first parameter, read from syntax: the receiver's type is not bound.
                if (reference.GetSyntax() is MethodDeclarationSyntax { ParameterList.Parameters: { Count: > 0 } parameters } method &&
                    parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword) && parameters[0].Identifier.ValueText.Length > 0)
                    methods.Add((method, symbol.ContainingType));
            }
        }

        return methods.ToImmutable();
    }
}

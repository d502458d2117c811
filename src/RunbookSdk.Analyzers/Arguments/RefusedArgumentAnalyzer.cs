using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Dsl.Recording;

namespace RunbookSdk.Analyzers.Arguments;

/// <summary>
/// RB0021: a constant DSL argument the runbook refuses when it is defined — a backwards time box, an empty
/// <c>OnlyIf</c>, a negative wait, a time limit of zero — stops the run before its first step ("could not be
/// prepared"), at 3 a.m. if nothing dry-ran the runbook before. Reported at build with the reason the runtime gives
/// (<see cref="ArgumentRefusals"/>, shared with the recorders). Only constants: a parameter or a call is known at run
/// time only, and a missing argument is the compiler's to report.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RefusedArgumentAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set when swapping a time box's two bounds makes it valid (the code fix does that).</summary>
    public const string SwapBoundsProperty = "SwapBounds";

    private static readonly ImmutableDictionary<string, string?> s_swapBounds = ImmutableDictionary<string, string?>.Empty.Add(SwapBoundsProperty, "true");

    private static readonly ImmutableHashSet<string> s_names = ImmutableHashSet.Create(
        "Phase", "Step", "OneOf", "OnlyIf", "Http", "Header", "Wait", "Monitor", "Timeout", "Retry", "ExpectExitCode", "ExpectStatus", "Level", "RespondWithin", "ResolveWithin", "ReviewDate", "LastUpdated", "Body");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RefusedArgument);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            DslInvocation.Register(start, runbooks, s_names, Analyze);
        });
    }

    private static void Analyze(DslInvocation call)
    {
        switch (call.Name)
        {
            case "Phase":
                CheckTimeBox(call);
                break;
            case "Step":
                // Step("", …): a step named by nothing on the console, the page and the journal. Only the DSL's own
                // (a phase's or a decision's); a team's helper of that name takes what it likes. The title is read from
                // syntax first: a runbook has a Step call per step, and only a blank one is worth binding the call for.
                if (call.Argument("title") is { } stepTitle && call.Values.Constant(stepTitle) is { HasValue: true, Value: string title } &&
                    ArgumentRefusals.StepTitle(title) is { } blankTitle &&
                    call.Method()?.ContainingType is { Name: "IPhaseBuilder" or "IChoiceBuilder", ContainingNamespace: { Name: "RunbookSdk", ContainingNamespace.IsGlobalNamespace: true } })
                    Report(call, stepTitle, blankTitle);
                break;
            case "OneOf":
                CheckChoice(call);
                break;
            case "OnlyIf":
                // OnlyIf() half-typed: no argument, the compiler's error. A constant null or blank text is refused.
                if (call.Argument("condition") is { } condition && call.Values.Constant(condition) is { HasValue: true, Value: string or null } text)
                    Report(call, condition, ArgumentRefusals.Condition((string?)text.Value));
                break;
            case "Http":
                // Http("GE T", …): a method HTTP cannot carry; the request could not be built when its step ran. Only
                // the DSL's own (a team's helper of that name takes what it likes).
                if (call.Method()?.ContainingType is { Name: "IStepBuilder", ContainingNamespace: { Name: "RunbookSdk", ContainingNamespace.IsGlobalNamespace: true } } &&
                    call.Argument("method") is { } method && call.Values.Constant(method) is { HasValue: true, Value: string verb })
                    Report(call, method, ArgumentRefusals.HttpMethod(verb));
                break;
            case "Header":
                CheckHeader(call);
                break;
            case "Wait":
                CheckDuration(call, "duration", ArgumentRefusals.Wait);
                break;
            case "Monitor":
                CheckDuration(call, "duration", ArgumentRefusals.Monitor);
                break;
            case "Timeout":
                if (TimeoutRule(call) is { } rule) CheckDuration(call, "timeout", rule);
                break;
            case "Retry":
                CheckRetry(call);
                break;
            case "ExpectExitCode":
                // ExpectExitCode() with nothing in its parentheses: a params array of no codes. Not while it is being
                // typed (`ExpectExitCode(` borrows a later `)` of the chain, and the member has syntax errors), and only
                // the DSL's own (a team's method of that name is its own business).
                if (call.Syntax.ArgumentList is { Arguments.Count: 0, CloseParenToken.IsMissing: false } &&
                    call.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { ContainsDiagnostics: false } &&
                    call.Method()?.ContainingType is { Name: "ICommandStepBuilder", ContainingNamespace: { Name: "RunbookSdk", ContainingNamespace.IsGlobalNamespace: true } })
                    call.Report(DiagnosticDescriptors.RefusedArgument, DslSyntax.NameAndArguments(call.Syntax), ArgumentRefusals.ExpectedExitCodes(0)!);
                break;
            case "ExpectStatus":
                if (call.Argument("status") is { } status && call.Values.TryGetInt(status, out var code))
                    Report(call, status, ArgumentRefusals.ExpectedStatus(code));
                break;
            case "Level":
                CheckDuration(call, "after", ArgumentRefusals.EscalationAfter);
                break;
            case "RespondWithin":
                CheckDuration(call, "time", ArgumentRefusals.RespondWithin);
                break;
            case "ResolveWithin":
                CheckDuration(call, "time", ArgumentRefusals.ResolveWithin);
                break;
            case "ReviewDate" or "LastUpdated":
                CheckDate(call);
                break;
            case "Body":
                CheckBody(call);
                break;
        }
    }

    /// <summary>
    /// <c>Body($"{{\"p\": \"C:\\{Dir}\"}}")</c>: a hole right after a lone backslash inside a JSON string, which the
    /// body's interpolation handler refuses whatever the hole holds. Read from the literal parts as the handler reads
    /// them (<see cref="RunbookSdk.Requests.BodyPositions"/>); reported only when the text reaches the handler — a text
    /// whose holes are all constant strings is one constant C# passes to <c>Body(string)</c>, sent as written.
    /// </summary>
    private static void CheckBody(DslInvocation call)
    {
        // A body still being typed (`C:\{`, `{}`) is the compiler's to report.
        if (call.Argument("body") is not InterpolatedStringExpressionSyntax { ContainsDiagnostics: false } body) return;
        InterpolationSyntax? refused = null;
        var position = RunbookSdk.Requests.BodyPosition.Start;
        foreach (var content in body.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                position = RunbookSdk.Requests.BodyPositions.After(position, text.TextToken.ValueText);
                continue;
            }

            if (content is not InterpolationSyntax hole) continue;
            if (position == RunbookSdk.Requests.BodyPosition.JsonStringEscape)
            {
                refused = hole;
                break;
            }

            position = RunbookSdk.Requests.BodyPositions.AfterHole(position);
        }

        // Bound only now, for the rare body that has such a hole: the overload C# chose decides whether the handler runs.
        if (refused is null || call.Method() is not { Parameters: [{ Type: { Name: "BodyInterpolationHandler", ContainingNamespace: { Name: "Requests", ContainingNamespace: { Name: "RunbookSdk", ContainingNamespace.IsGlobalNamespace: true } } } }, ..] }) return;
        call.Report(DiagnosticDescriptors.RefusedArgument, refused.GetLocation(), ArgumentRefusals.BodyHoleAfterBackslash);
    }

    private static void CheckDuration(DslInvocation call, string parameter, Func<TimeSpan, string?> rule)
    {
        if (call.Argument(parameter) is { } argument && ConstantDurations.TryRead(call.Values, argument, out var value))
            Report(call, argument, rule(value));
    }

    private static void CheckTimeBox(DslInvocation call)
    {
        if (call.Argument("within") is not { } within || !call.Values.TryGetTimeBox(within, out var from, out var to)) return;
        var nameArgument = call.Argument("name");
        var name = call.Values.ConstantString(nameArgument) ?? nameArgument?.ToString() ?? "";
        if (ArgumentRefusals.PhaseTimeBox(name, from, to) is not { } reason) return;
        // TimeBox.Minutes(15, 5): the bounds written the wrong way round; swapped, a valid window.
        var swappable = from > to && to >= TimeSpan.Zero && SyntaxValues.Unwrap(within) is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 2 } or BaseObjectCreationExpressionSyntax;
        call.Report(DiagnosticDescriptors.RefusedArgument, within.GetLocation(), swappable ? s_swapBounds : ImmutableDictionary<string, string?>.Empty, reason);
    }

    private static void CheckChoice(DslInvocation call)
    {
        var titleArgument = call.Argument("title");
        if (titleArgument is not null && call.Values.Constant(titleArgument) is { HasValue: true, Value: string or null } constantTitle &&
            ArgumentRefusals.ChoiceTitle((string?)constantTitle.Value) is { } noTitle)
        {
            Report(call, titleArgument, noTitle);
            return;
        }

        CheckDecisionTitle(call, titleArgument);
        if (call.Argument("options") is not { } optionsArgument || OptionTitles(call, optionsArgument) is not { } titles) return;
        var title = call.Values.ConstantString(titleArgument) ?? titleArgument?.ToString() ?? "";
        if (ArgumentRefusals.ChoiceOptionCount(title, titles.Count) is { } tooFew)
        {
            call.Report(DiagnosticDescriptors.RefusedArgument, optionsArgument.GetLocation(), tooFew);
            return;
        }

        // The runtime names the title as the first of the options that share it was written.
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (optionTitle, argument) in titles)
        {
            if (optionTitle is null) continue;
            if (seen.TryGetValue(optionTitle, out var first))
                call.Report(DiagnosticDescriptors.RefusedArgument, argument.GetLocation(), ArgumentRefusals.ChoiceOptionTwice(title, first));
            else
                seen.Add(optionTitle, optionTitle);
        }
    }

    /// <summary>
    /// Two decisions of one runbook titled alike (case and surrounding spaces do not matter): the operator answers a
    /// decision by its title (<c>--choose "Fix=Restart"</c>), and the runtime refuses the runbook. Judged among the
    /// <c>OneOf</c> calls of the same <c>Define</c> with constant titles in sections of constant names, in the order the
    /// runtime records them — the phases in order, then the rollback, then the verification — and reported on the
    /// second. A decision in a base class's <c>Define</c> is known only when the runbook runs.
    /// </summary>
    private static void CheckDecisionTitle(DslInvocation call, ExpressionSyntax? titleArgument)
    {
        if (titleArgument is null || call.Values.ConstantString(titleArgument) is not { } title) return;
        if (call.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member) return;
        if (Section(call, call.Syntax) is not { } section) return;

        foreach (var other in call.Index.CallsWithin(member.Span))
        {
            if (other == call.Syntax || !call.Index.Contains(other, "OneOf")) continue;
            if (Section(call, other) is not { } otherSection) continue;
            // Recorded after this one: that one is reported, not this one.
            if (otherSection.Rank > section.Rank || (otherSection.Rank == section.Rank && other.SpanStart > call.Syntax.SpanStart)) continue;
            if (call.Values.ConstantString(call.Dsl.Argument(other, "title")) is not { } otherTitle
                || !string.Equals(otherTitle.Trim(), title.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            call.Report(DiagnosticDescriptors.RefusedArgument, titleArgument.GetLocation(), ArgumentRefusals.DecisionTitleTwice(title, otherSection.Name, section.Name));
            return;
        }
    }

    /// <summary>
    /// The section a <c>OneOf</c> call is recorded in: a phase (by its constant name), the rollback or the verification,
    /// ranked as the runtime records them (phases in their order first); null when its name is not a constant or the
    /// call is in none.
    /// </summary>
    private static (int Rank, string Name)? Section(DslInvocation call, InvocationExpressionSyntax oneOf)
    {
        var previous = (SyntaxNode)oneOf;
        for (var current = oneOf.Parent; current is not null && current is not MemberDeclarationSyntax; previous = current, current = current.Parent)
        {
            if (current is not InvocationExpressionSyntax invocation || previous is not ArgumentListSyntax) continue;
            if (call.Index.Contains(invocation, "Phase"))
                return call.Values.ConstantString(call.Dsl.Argument(invocation, "name")) is { } name ? (0, name) : null;
            if (call.Index.Contains(invocation, "Rollback")) return (1, "Rollback");
            if (call.Index.Contains(invocation, "Verification")) return (2, "Verification");
        }

        return null;
    }

    /// <summary>
    /// The options of <c>o =&gt; o.Step("A", …).Note(…).Step("B", …)</c> in order: each <c>Step</c>'s constant title (null
    /// when not constant) and its title argument. Null when the lambda is anything else — a block body, a helper method,
    /// a call that is not <c>Step</c> or <c>Note</c>, code being typed — whose options are known only when it runs.
    /// </summary>
    private static List<(string? Title, ExpressionSyntax Argument)>? OptionTitles(DslInvocation call, ExpressionSyntax options)
    {
        var (parameter, body) = SyntaxValues.Unwrap(options) switch
        {
            SimpleLambdaExpressionSyntax simple => (simple.Parameter.Identifier.ValueText, simple.ExpressionBody),
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized =>
                (parenthesized.ParameterList.Parameters[0].Identifier.ValueText, parenthesized.ExpressionBody),
            _ => (null, null),
        };
        if (parameter is null || body is null) return null;

        var titles = new List<(string?, ExpressionSyntax)>();
        var expression = SyntaxValues.Unwrap(body);
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            switch (access.Name.Identifier.ValueText)
            {
                case "Step":
                    if (call.Dsl.Argument(invocation, "title") is not { } optionTitle) return null;
                    titles.Add((call.Values.ConstantString(optionTitle), optionTitle));
                    break;
                case "Note":
                    break;
                default:
                    return null;
            }

            expression = SyntaxValues.Unwrap(access.Expression);
        }

        if (expression is not IdentifierNameSyntax root || root.Identifier.ValueText != parameter) return null;
        titles.Reverse(); // read from the outermost call inwards: the last option first
        return titles;
    }

    /// <summary>
    /// <c>Header(name, value)</c> of the DSL's own (a team's helper of that name takes what it likes): a constant name
    /// HTTP does not allow (the client dropped the header without a word), and, of a constant name, a constant value
    /// holding a line break (the request could not be sent) or a <c>Content-Type</c> that is no media type (it could not
    /// be built). A value built from a parameter or a secret is known only when the runbook runs.
    /// </summary>
    private static void CheckHeader(DslInvocation call)
    {
        if (call.Argument("name") is not { } nameArgument || call.Values.Constant(nameArgument) is not { HasValue: true, Value: string or null } constantName) return;
        var name = (string?)constantName.Value;
        var (argument, refusal) = ArgumentRefusals.HeaderName(name) is { } badName
            ? (nameArgument, badName)
            : call.Argument("value") is { } valueArgument && call.Values.Constant(valueArgument) is { HasValue: true, Value: string value }
                ? (valueArgument, ArgumentRefusals.HeaderValue(name!, value))
                : (nameArgument, null);
        // The call is bound only for a refusal, to know it is the DSL's own Header: requests send headers in every runbook,
        // and the rule reads the others from syntax alone.
        if (refusal is null || call.Method()?.ContainingType is not { Name: "IHttpStepBuilder", ContainingNamespace: { Name: "RunbookSdk", ContainingNamespace.IsGlobalNamespace: true } }) return;
        Report(call, argument, refusal);
    }

    private static void CheckRetry(DslInvocation call)
    {
        var attemptsArgument = call.Argument("attempts");
        var attemptsKnown = call.Values.TryGetInt(attemptsArgument, out var attempts);
        if (attemptsKnown && ArgumentRefusals.RetryAttempts(attempts) is { } tooFew)
        {
            Report(call, attemptsArgument!, tooFew);
            return;
        }

        // Without the attempts, only a negative back-off is known to be refused (one attempt never waits).
        if (call.Argument("backoff") is { } backoff && ConstantDurations.TryRead(call.Values, backoff, out var wait))
            Report(call, backoff, ArgumentRefusals.RetryBackoff(attemptsKnown ? attempts : 1, wait));
    }

    private static void CheckDate(DslInvocation call)
    {
        if (call.Syntax.ArgumentList.Arguments.Count != 3) return;
        if (!call.Values.TryGetInt(call.Argument("year"), out var year) ||
            !call.Values.TryGetInt(call.Argument("month"), out var month) ||
            !call.Values.TryGetInt(call.Argument("day"), out var day)) return;
        if (ArgumentRefusals.Date(call.Name, year, month, day) is { } reason)
            call.Report(DiagnosticDescriptors.RefusedArgument, DslSyntax.NameAndArguments(call.Syntax), reason);
    }

    /// <summary>
    /// Which action a <c>Timeout</c> limits — the one it follows in the chain (<c>.Run(…).Retry(…).Timeout(…)</c>) — and
    /// so which rule applies: a command's, a request's or C# code's. When the chain does not say (it follows a team's
    /// helper, <c>.Kubectl(…).Timeout(…)</c>), the builder the helper returned does.
    /// </summary>
    private static Func<TimeSpan, string?>? TimeoutRule(DslInvocation call)
    {
        for (var receiver = Receiver(call.Syntax); receiver is not null && call.Index.Contains(receiver); receiver = Receiver(receiver))
        {
            switch (DslSyntax.CalledName(receiver))
            {
                case "Run": return ArgumentRefusals.CommandTimeout;
                case "Http": return ArgumentRefusals.RequestTimeout;
                case "Execute": return ArgumentRefusals.CodeTimeout;
                case "Retry" or "Timeout" or "ExpectExitCode" or "ExpectStatus" or "ExpectBodyContains" or "ExpectJson" or "Header" or "Body":
                    continue; // refinements of the same action
                default:
                    return ByBuilder(call);
            }
        }

        return ByBuilder(call);
    }

    /// <summary>The rule for the builder <c>Timeout</c> is declared on, bound: for a chain whose action the syntax does not show.</summary>
    private static Func<TimeSpan, string?>? ByBuilder(DslInvocation call) =>
        call.Method()?.ContainingType is { ContainingNamespace: { Name: "RunbookSdk", ContainingNamespace.IsGlobalNamespace: true } } builder
            ? builder.Name switch
            {
                "ICommandStepBuilder" => ArgumentRefusals.CommandTimeout,
                "IHttpStepBuilder" => ArgumentRefusals.RequestTimeout,
                "IDelegateStepBuilder" => ArgumentRefusals.CodeTimeout,
                _ => null,
            }
            : null;

    private static InvocationExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax access ? SyntaxValues.Unwrap(access.Expression) as InvocationExpressionSyntax : null;

    private static void Report(DslInvocation call, ExpressionSyntax argument, string? reason)
    {
        if (reason is not null) call.Report(DiagnosticDescriptors.RefusedArgument, argument.GetLocation(), reason);
    }
}

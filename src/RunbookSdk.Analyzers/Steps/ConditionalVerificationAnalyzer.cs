using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Steps;

/// <summary>
/// RB0014, for a whole section: a verification whose every step is conditional (<c>OnlyIf</c>) or an option of a
/// <c>OneOf</c> decision passes without checking anything once the operator says no to each condition (or a run is
/// given <c>--skip-conditional</c>) and none to each decision.
/// One unconditional check is enough; conditional checks beside it are welcome.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConditionalVerificationAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> s_names = ImmutableHashSet.Create("Verification");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.VerificationCannotFail);

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

    private static void Analyze(DslInvocation verification)
    {
        if (verification.Argument("steps") is not { } argument || SyntaxValues.Unwrap(argument) is not LambdaExpressionSyntax lambda) return;

        var body = lambda.Body.Span;
        var index = verification.Index;
        var calls = index.CallsWithin(body);
        var steps = calls.Where(c => DslSyntax.CalledName(c) == "Step").ToList();
        if (steps.Count == 0) return;
        // A step's actions given as a method of the class (Step("Health", Check), s => Check(s)) are read in it.
        // Made only for a verification that has such a step: every build reads every runbook's verification.
        Dictionary<InvocationExpressionSyntax, BuilderMethodArgument>? methods = null;
        foreach (var step in steps)
        {
            if (verification.Dsl.Argument(step, "step") is { } actions && BuilderMethodArgument.Of(actions, verification) is { } method)
            {
                if (verification.IndexOf(method.Body.SyntaxTree).AnyOpaqueWithin(method.Body.Span)) return;
                (methods ??= new Dictionary<InvocationExpressionSyntax, BuilderMethodArgument>())[step] = method;
            }
        }

        // Steps added by helper code may well be unconditional: only a section written out in full is judged.
        if (methods is null ? index.AnyOpaqueWithin(body) : index.OpaqueWithin(body).Any(opaque => !methods.Values.Any(m => m.Forwarding == opaque))) return;
        // An option of a OneOf decision runs only when chosen, and "none of these" is always an answer.
        var decisions = calls.Where(c => DslSyntax.CalledName(c) == "OneOf").Select(c => c.ArgumentList.Span).ToList();
        var alternatives = false;
        foreach (var step in steps)
        {
            if (decisions.Any(d => d.Contains(step.Span))) { alternatives = true; continue; }
            if (!IsConditional(index, step.ArgumentList.Span) && !(methods is not null && methods.TryGetValue(step, out var method) && IsConditional(verification.IndexOf(method.Body.SyntaxTree), method.Body.Span))) return;
        }

        verification.Report(DiagnosticDescriptors.VerificationCannotFail, DslSyntax.NameAndArguments(verification.Syntax), alternatives
            ? "every verification step is conditional (OnlyIf) or an option of a OneOf decision, so answering no to each condition and none to each decision passes it without a check; make at least one check unconditional"
            : "every verification step is conditional (OnlyIf), so answering no to each passes it without a check; make at least one check unconditional");
    }

    private static bool IsConditional(DslCallIndex index, Microsoft.CodeAnalysis.Text.TextSpan actions) =>
        index.CallsWithin(actions).Any(c => DslSyntax.CalledName(c) == "OnlyIf");
}

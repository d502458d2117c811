using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Steps;

/// <summary>RB0004: a step with only a title (or only notes) gives the on-call engineer nothing to do.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyStepAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> s_actions = ImmutableHashSet.Create(
        "Run", "Http", "Instruction", "Wait", "Monitor", "Execute", "Notify", "Snippet");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.EmptyStep);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            start.RegisterOperationAction(operation => Analyze(operation, runbooks.Symbols), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, DslSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!DslSymbols.IsCallOn(invocation, symbols.PhaseBuilder, "Step")) return;
        if (DslValues.Argument(invocation, "step")?.Value is not { } stepArgument) return;
        if (DslValues.Unwrap(stepArgument) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }) return;

        var calls = lambda.Body.Descendants().OfType<IInvocationOperation>().ToList();
        // A step built by helper code may well do something; only judge steps written out in full.
        if (calls.Any(c => !symbols.IsDslMethod(c.TargetMethod))) return;
        if (calls.Any(c => s_actions.Contains(c.TargetMethod.Name))) return;

        var title = DslValues.Argument(invocation, "title");
        var location = title?.Syntax.GetLocation() ?? DslSyntax.NameAndArguments(invocation);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EmptyStep, location, DslValues.ConstantString(title?.Value) ?? title?.Syntax.ToString() ?? "?"));
    }
}

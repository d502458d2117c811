using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Steps;

/// <summary>
/// RB0004: a step with only a title (or only notes, or only empty text) gives the on-call engineer nothing to do. Its
/// actions are read in its lambda, or in the method of the class given in its place (<see cref="BuilderMethodArgument"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyStepAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> s_actions = ImmutableHashSet.Create(
        "Run", "Http", "Instruction", "Wait", "Monitor", "Execute", "Notify", "Snippet");

    private static readonly ImmutableHashSet<string> s_names = ImmutableHashSet.Create("Step");

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
            DslInvocation.Register(start, runbooks, s_names, Analyze);
        });
    }

    private static void Analyze(DslInvocation step)
    {
        // A lambda's actions, or those of a method of the class or another class's static method given in its place
        // (Step("Ask", AskSomeone), s => AskSomeone(s), Step("Ask", Elsewhere.Ask)).
        if (step.Argument("step") is not { } argument ||
            BuilderMethodArgument.Actions(argument, step.Dsl, BuilderMethodSyntax.MayNameMethodOfAnotherPart(argument) ? step.ContainingType : null, step.Runbooks.TypeNames) is not { } actions)
            return;

        // A step built by helper code may well do something; only judge steps written out in full. A method of another
        // part of the class is read with its own file's calls.
        var index = step.IndexOf(actions.SyntaxTree);
        var body = actions.Span;
        if (index.AnyOpaqueWithin(body)) return;
        foreach (var call in index.CallsWithin(body))
        {
            if (s_actions.Contains(DslSyntax.CalledName(call)!) && !IsEmptyText(step, call)) return;
        }

        var title = step.Argument("title");
        var location = title?.GetLocation() ?? DslSyntax.NameAndArguments(step.Syntax);
        step.Report(DiagnosticDescriptors.EmptyStep, location, step.Values.ConstantString(title) ?? title?.ToString() ?? "?");
    }

    /// <summary>
    /// <c>Run("")</c>, <c>Run("   ")</c> or <c>Instruction("")</c>: an action with no text is nothing to do (the
    /// runner runs an empty command, the page shows an empty checkbox). Only a constant is judged; a hole may hold text.
    /// </summary>
    private static bool IsEmptyText(DslInvocation step, InvocationExpressionSyntax call)
    {
        var parameter = DslSyntax.CalledName(call) switch
        {
            "Run" => "command",
            "Instruction" => "text",
            _ => null,
        };
        return parameter is not null && step.Values.ConstantString(step.Dsl.Argument(call, parameter)) is { } text && string.IsNullOrWhiteSpace(text);
    }
}

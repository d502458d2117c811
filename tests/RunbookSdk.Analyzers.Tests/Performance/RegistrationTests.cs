using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Performance;

/// <summary>
/// Performance budget, checked by counting what each analyzer asks the compiler for rather than by timing it:
/// the analyzers run on every keystroke, so they register narrowly — semantic-model actions that read the DSL calls
/// found once per tree, and symbol actions on named types. No syntax-node actions: the driver walks every member of
/// every tree for each analyzer that has them. Never operation actions: one operation action makes the compiler bind
/// every method body in the project a second time, and runbook bodies are deeply nested lambdas (docs/performance.md).
/// </summary>
public sealed class RegistrationTests
{
    // A suppressor registers no action: it runs only over what other analyzers reported, when they reported it.
    public static TheoryData<string> Analyzers => new(Shipped.Analyzers.Where(a => a is not DiagnosticSuppressor).Select(a => a.GetType().Name));

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Analyzer_registers_only_narrow_actions_and_runs_concurrently(string name)
    {
        var analyzer = Shipped.Analyzers.Single(a => a.GetType().Name == name);
        var context = new RecordingAnalysisContext();

        analyzer.Initialize(context);
        context.RunCompilationStart(CSharpCompilation.Create("Probe",
            [CSharpSyntaxTree.ParseText("using RunbookSdk; class C { }")], TestReferences.All));

        Assert.True(context.Concurrent, $"{name} must enable concurrent execution.");
        Assert.Equal(GeneratedCodeAnalysisFlags.None, context.GeneratedCode);
        Assert.NotEmpty(context.Registrations);
        Assert.All(context.Registrations, registration => Assert.Contains(registration, new[] { "semantic-model", "symbol:NamedType" }));
    }

    [Fact]
    public void Analyzers_do_nothing_in_a_compilation_without_RunbookSdk()
    {
        foreach (var analyzer in Shipped.Analyzers)
        {
            var context = new RecordingAnalysisContext();
            analyzer.Initialize(context);
            context.RunCompilationStart(CSharpCompilation.Create("NoRunbooks", [CSharpSyntaxTree.ParseText("class C { }")]));

            Assert.Empty(context.Registrations);
        }
    }

    [Fact]
    public void The_constant_argument_analyzer_reports_only_Info_so_command_line_builds_skip_it()
    {
        // A command-line build runs no analyzer whose every rule is Info or hidden. RB0016's analyzer binds every DSL
        // argument (150 MB over 1,000 runbooks, docs/performance.md): a Warning added to it — RB0018's prose check
        // was — puts all of that on every build.
        var analyzer = Shipped.Analyzers.Single(a => a.GetType().Name == "ConstantArgumentAnalyzer");

        Assert.All(analyzer.SupportedDiagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.DefaultSeverity));
    }

    /// <summary>Records what an analyzer registers, and runs its compilation-start callbacks against a given compilation.</summary>
    private sealed class RecordingAnalysisContext : AnalysisContext
    {
        private readonly List<Action<CompilationStartAnalysisContext>> _starts = [];

        public List<string> Registrations { get; } = [];
        public bool Concurrent { get; private set; }
        public GeneratedCodeAnalysisFlags? GeneratedCode { get; private set; }

        public void RunCompilationStart(Compilation compilation)
        {
            foreach (var start in _starts) start(new RecordingStartContext(compilation, Registrations));
        }

        public override void EnableConcurrentExecution() => Concurrent = true;
        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => _starts.Add(action);
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Registrations.Add("compilation");
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Registrations.Add("semantic-model");
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            Registrations.AddRange(symbolKinds.Select(k => "symbol:" + k));
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Registrations.Add("code-block-start");
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Registrations.Add("code-block");
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Registrations.Add("syntax-tree");
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            Registrations.AddRange(syntaxKinds.Select(k => "syntax:" + k));
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            Registrations.AddRange(operationKinds.Select(k => "operation:" + k));
    }

    private sealed class RecordingStartContext(Compilation compilation, List<string> registrations)
        : CompilationStartAnalysisContext(compilation, new AnalyzerOptions([]), CancellationToken.None)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => registrations.Add("compilation-end");
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => registrations.Add("semantic-model");
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            registrations.AddRange(symbolKinds.Select(k => "symbol:" + k));
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => registrations.Add("code-block-start");
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => registrations.Add("code-block");
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => registrations.Add("syntax-tree");
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            registrations.AddRange(syntaxKinds.Select(k => "syntax:" + k));
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            registrations.AddRange(operationKinds.Select(k => "operation:" + k));
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => registrations.Add("operation-block-start");
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => registrations.Add("operation-block");
    }
}

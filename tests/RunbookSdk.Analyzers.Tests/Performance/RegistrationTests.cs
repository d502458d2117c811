using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Performance;

/// <summary>
/// Performance budget, checked by counting what each analyzer asks the compiler for rather than by timing it:
/// the analyzers run on every keystroke, so they register narrowly: symbol actions on named types, which read the DSL
/// calls found once per tree. No syntax-node actions: the driver walks every member of every tree for each analyzer
/// that has them. Never operation actions: one operation action makes the compiler bind every method body in the
/// project a second time, and runbook bodies are deeply nested lambdas. No semantic-model actions: a command-line
/// compile runs them only after it has compiled every method, and waits for them (docs/performance.md).
/// </summary>
public sealed class RegistrationTests
{
    public static TheoryData<string> Analyzers => new(Shipped.Analyzers.Select(a => a.GetType().Name));

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
        Assert.All(context.Registrations, registration => Assert.Equal("symbol:NamedType", registration));
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

    [Fact]
    public async Task A_model_asked_for_in_a_symbol_action_is_the_drivers_own_so_no_rule_binds_code_twice()
    {
        // The rules read DSL calls in symbol actions, which are given no semantic model, and ask the compilation for one
        // about names syntax cannot place (DslDeclaration). That is only cheap because the analyzer driver hands out its
        // own cached model of a tree, the one its semantic-model actions get: one model per tree for every rule.
        var tree = CSharpSyntaxTree.ParseText("class C { const string Name = \"x\"; }", path: "C.cs");
        var compilation = CSharpCompilation.Create("Models", [tree], TestReferences.All);
        var first = new ModelProbe(symbolAction: true);
        var second = new ModelProbe(symbolAction: true);
        var driversOwn = new ModelProbe(symbolAction: false);

        await compilation.WithAnalyzers([first, second, driversOwn]).GetAnalyzerDiagnosticsAsync();

        Assert.NotNull(first.Model);
        Assert.Same(first.Model, second.Model);
        Assert.Same(driversOwn.Model, first.Model);
    }

    /// <summary>Records the semantic model of the first tree it is given, from a symbol action or a semantic-model action.</summary>
#pragma warning disable RS1030 // The probe does what DslDeclaration does, to pin that it costs no second model.
#pragma warning disable RS1001, RS2008 // A probe, never loaded by a compiler, whose rule is never reported or released.
    private sealed class ModelProbe(bool symbolAction) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("PROBE01", "never", "never", "Probe", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public SemanticModel? Model { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            if (symbolAction)
                context.RegisterSymbolAction(c => Model ??= c.Compilation.GetSemanticModel(c.Symbol.Locations[0].SourceTree!), SymbolKind.NamedType);
            else
                context.RegisterSemanticModelAction(c => Model ??= c.SemanticModel);
        }
    }
#pragma warning restore RS1001, RS2008
#pragma warning restore RS1030

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

using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// All RunbookSdk analyzers over the corpus through <c>CompilationWithAnalyzers</c>, against the full compile. The
/// driver's own work (declarations, dispatch) is measured by a no-op analyzer registering the same kind of action,
/// so the difference is the rules' own cost. A no-op operation analyzer shows what operation-based rules cost
/// before doing anything: a second binding of every method body. `build` in Program.cs measures a real build.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private Compilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [Params(1000)]
    public int Runbooks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CorpusCompilation.Create(Runbooks);
        _analyzers = CorpusCompilation.Analyzers();
    }

    [Benchmark(Baseline = true, Description = "compile without analyzers")]
    public int CompileOnly() => CorpusCompilation.Emit(_compilation);

    [Benchmark(Description = "analyzers only")]
    public async Task<int> AnalyzersOnly()
    {
        var withAnalyzers = _compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
            AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        return CorpusCompilation.EnsureNoRuleThrew(await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
    }

    [Benchmark(Description = "driver baseline: one no-op analyzer registering the rules' kinds of action")]
    public Task<int> DriverBaseline() => RunAsync(new NoOpRuleShapedAnalyzer());

    [Benchmark(Description = "driver baseline: one no-op invocation syntax-node analyzer")]
    public Task<int> SyntaxNodeBaseline() => RunAsync(new NoOpSyntaxAnalyzer());

    [Benchmark(Description = "binding baseline: one no-op invocation operation analyzer")]
    public Task<int> BindingBaseline() => RunAsync(new NoOpInvocationAnalyzer());

    private async Task<int> RunAsync(DiagnosticAnalyzer analyzer)
    {
        var withAnalyzers = _compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(
            AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        return CorpusCompilation.EnsureNoRuleThrew(await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
    }

    internal static AnalyzerOptions AnalyzerOptions() => new(ImmutableArray<AdditionalText>.Empty);

    /// <summary>
    /// Registers what the rules register — a semantic-model action and a symbol action on named types — and does
    /// nothing: the driver's cost for the rules' kinds of action, without the rules.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class NoOpRuleShapedAnalyzer() : NoOpAnalyzer(context =>
    {
        context.RegisterSemanticModelAction(_ => { });
        context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
    });

    /// <summary>Registers for every invocation expression and does nothing: what a syntax-node rule costs the driver.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpSyntaxAnalyzer() : NoOpAnalyzer(context => context.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression));

    /// <summary>
    /// Registers for every invocation operation and does nothing: what any operation-based analyzer costs before
    /// its own logic runs (every method body is bound into operations for it).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpInvocationAnalyzer() : NoOpAnalyzer(context => context.RegisterOperationAction(_ => { }, OperationKind.Invocation));

    /// <summary>An analyzer that registers one action that does nothing, and never reports.</summary>
    internal abstract class NoOpAnalyzer(Action<AnalysisContext> register) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH0001", "never", "never", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            register(context);
        }
    }
}

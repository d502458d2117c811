using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Benchmarks;

/// <summary>All RunbookSdk analyzers over the corpus against the bare compilation (binding every tree).</summary>
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
        return (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
    }

    [Benchmark(Description = "binding baseline: one no-op invocation analyzer")]
    public async Task<int> BindingBaseline()
    {
        var withAnalyzers = _compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpInvocationAnalyzer()), new CompilationWithAnalyzersOptions(
            AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        return (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
    }

    internal static AnalyzerOptions AnalyzerOptions() => new(ImmutableArray<AdditionalText>.Empty);

    /// <summary>
    /// Registers for every invocation and does nothing: what any operation-based analyzer costs before its own
    /// logic runs (the compiler binds every method body into operations for it).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpInvocationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH0001", "never", "never", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        }
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// Bytes allocated by the generator and the rules over the corpus. Time on this VM wanders by a fifth from run to run.
/// Bytes allocated are the same every run, so they are the steady measure. Garbage collection was half of a warm
/// generator run, so they are also what steered the work. <c>report</c> prints them, and the allocation budget
/// tests hold them under a ceiling. Each count is every thread's allocation in the process
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/>), so nothing else may run while it is taken.
/// </summary>
public static class AllocatedBytes
{
    /// <summary>One rule that registers the rules' kinds of action and does nothing: what the analyzer driver costs alone.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> NoOpRule = ImmutableArray.Create<DiagnosticAnalyzer>(new AnalyzerBenchmarks.NoOpRuleShapedAnalyzer());

    /// <summary>Every callback on the calling thread, so each count is exact.</summary>
    private static CompilationWithAnalyzersOptions SingleThreaded() =>
        new(AnalyzerBenchmarks.AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);

    /// <summary>
    /// One generator run over <paramref name="compilation"/>, as a build runs it: every runbook read, its page rendered
    /// and its part emitted, the declarations bound on the way. The caller warms the JIT up first.
    /// </summary>
    /// <param name="compilation">The corpus.</param>
    /// <param name="asTheIdeRuns">Run it as the IDE does instead: runbooks read, no page rendered or part emitted.</param>
    public static long GeneratorRun(Compilation compilation, bool asTheIdeRuns = false)
    {
        var driver = CorpusCompilation.Driver(asTheIdeRuns: asTheIdeRuns);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        driver = driver.RunGenerators(compilation);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        CorpusCompilation.EnsureGenerated(driver, compilation, asTheIdeRuns);
        return allocated;
    }

    /// <summary>
    /// The rules a command-line build runs over a fresh compilation of <paramref name="runbooks"/> runbooks, and the
    /// same analysis with one no-op rule of the same shape. The difference is what the rules themselves allocate.
    /// Single-threaded so the count is exact; the fewest of three each, alternating, since a first analysis also pays
    /// for what the process does once (the no-op rule's figure moved by 6 MB when it was measured once, first).
    /// </summary>
    public static (long Rules, long NoOpRule) BuildRules(int runbooks)
    {
        var rules = CorpusCompilation.BuildAnalyzers();
        long noOpBytes = long.MaxValue, ruleBytes = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            noOpBytes = Math.Min(noOpBytes, Analysis(runbooks, NoOpRule));
            ruleBytes = Math.Min(ruleBytes, Analysis(runbooks, rules));
        }

        return (ruleBytes, noOpBytes);
    }

    private static long Analysis(int runbooks, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var fresh = CorpusCompilation.Create(runbooks).WithAnalyzers(analyzers, SingleThreaded());
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var diagnostics = fresh.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        CorpusCompilation.EnsureNoRuleThrew(diagnostics);
        return allocated;
    }

    /// <summary>
    /// Keystrokes in one runbook as the IDE analyses them: each edit makes a new compilation (every symbol built again,
    /// lazily), and the edited document is analysed with <paramref name="analyzers"/> and with one no-op rule of the
    /// same shape, alternating. Returns the bytes and milliseconds of each of <paramref name="rounds"/> keystrokes per
    /// set, after two to warm the JIT up.
    /// </summary>
    public static (List<(long Bytes, double Milliseconds)> Rules, List<(long Bytes, double Milliseconds)> NoOpRule) Keystrokes(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, int rounds)
    {
        var edit = 0;
        (long Bytes, double Milliseconds) AnalyseEditedDocument(ImmutableArray<DiagnosticAnalyzer> set)
        {
            edit++;
            var edited = CorpusCompilation.ReplaceText(compilation, "Runbook7.cs", t => t.Replace("List pods", "List pods " + edit, StringComparison.Ordinal));
            var model = edited.GetSemanticModel(edited.SyntaxTrees.Single(t => t.FilePath == "Runbook7.cs"));
            var withAnalyzers = edited.WithAnalyzers(set, SingleThreaded());
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = withAnalyzers.GetAnalysisResultAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
            var measured = (GC.GetTotalAllocatedBytes(precise: true) - before, watch.Elapsed.TotalMilliseconds);
            CorpusCompilation.EnsureNoRuleThrew(result.GetAllDiagnostics());
            return measured;
        }

        var rules = new List<(long Bytes, double Milliseconds)>();
        var driverOnly = new List<(long Bytes, double Milliseconds)>();
        for (var round = -2; round < rounds; round++)
        {
            var withRules = AnalyseEditedDocument(analyzers);
            var withNoOp = AnalyseEditedDocument(NoOpRule);
            if (round < 0) continue; // JIT
            rules.Add(withRules);
            driverOnly.Add(withNoOp);
        }

        return (rules, driverOnly);
    }
}

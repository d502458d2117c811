using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Benchmarks;

// `report` prints work counts and per-analyzer times that BenchmarkDotNet does not show; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "report")
{
    var runbooks = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    await WorkReport.PrintAsync(runbooks);
    return 0;
}
// `pages` measures what embedding the pages costs: rendering, parsing the parts that carry them, compiling them.
if (args.Length > 0 && args[0] == "pages")
{
    var runbooks = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    PageCostReport.Print(runbooks, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 8);
    return 0;
}
// `keystroke` prints only the report's last line: what the rules cost the IDE per edit of one runbook.
if (args.Length > 0 && args[0] == "keystroke")
{
    WorkReport.PrintKeystrokeCost(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000, CorpusCompilation.Analyzers());
    return 0;
}
// `rules-timeline` prints when the rules' callbacks run in an analysis of the corpus, and the thread CPU they take.
if (args.Length > 0 && args[0] == "rules-timeline")
{
    RuleTimeline.Print(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return 0;
}
// `kept` measures what the compiler server holds per project between builds when it keeps the generator's state.
if (args.Length > 0 && args[0] == "kept")
{
    KeptStateReport.Print(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return 0;
}
// `app` measures what a runbook app of the corpus costs outside the compile: a build that compiles nothing, the app's
// docs command, and `runbook validate` with tiered PGO off (as the tool ships) and on.
if (args.Length > 0 && args[0] == "app")
{
    return AppReport.Print(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
}
// `build` compiles the corpus with the real compiler through dotnet build: what a user's build pays. `build-split`
// splits the generator's share into its own run and compiling what it generated; `build-cold` stops the build servers
// before every build, as a CI job's first build finds them.
if (args.Length > 0 && args[0] is "build" or "build-split" or "build-cold")
{
    var runbooks = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    var repetitions = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    return BuildReport.Print(runbooks, repetitions, split: args[0] == "build-split", cold: args[0] == "build-cold");
}

// `allocs` prints where a warm generator run's bytes go, by the type allocated (sampled by the runtime's allocation ticks).
if (args.Length > 0 && args[0] == "allocs")
{
    AllocationReport.Print(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 40);
    return 0;
}
// `jit` traces the JIT in the compiler server of a CI job's build, with RunbookSdk and without: what our calls make
// the runtime compile.
if (args.Length > 0 && args[0] == "jit")
{
    return JitReport.Print(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
}
// `team-base` compares the generator over the corpus with the same runbooks deriving from a team's base class.
if (args.Length > 0 && args[0] == "team-base")
{
    TeamBaseReport.Print(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return 0;
}
// `pool FILE...` pools the rounds of saved build outputs of the same code into one paired ratio and its interval.
if (args.Length > 0 && args[0] == "pool")
{
    return PooledRounds.Print(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
return 0;

/// <summary>Counts what each kind of edit regenerates, and times each analyzer, over one corpus.</summary>
internal static class WorkReport
{
    public static async Task PrintAsync(int runbooks)
    {
        var compilation = CorpusCompilation.Create(runbooks);
        var driver = CorpusCompilation.EnsureGenerated(CorpusCompilation.Driver(track: true).RunGenerators(compilation), compilation);
        Console.WriteLine($"corpus: {runbooks} runbooks, {compilation.SyntaxTrees.Count()} files");
        foreach (var (name, edited) in new[]
        {
            ("edit inside one runbook", CorpusCompilation.ReplaceText(compilation, "Runbook0.cs", t => t.Replace("List pods", "List the pods", StringComparison.Ordinal))),
            ("edit in an unrelated file", CorpusCompilation.ReplaceText(compilation, "Unrelated.cs", t => t.Replace("{ }", "{ private const int X = 1; }", StringComparison.Ordinal))),
        })
        {
            // Nothing re-generated is the budget only if the run generated everything: a failed run re-generates nothing too.
            var result = CorpusCompilation.EnsureGenerated(driver.RunGenerators(edited), edited).GetRunResult().Results.Single();
            var regenerated = new[] { "RunbookSources", "HandbookSources", "CatalogSource" }
                .Select(step => $"{step}={result.TrackedSteps[step].SelectMany(s => s.Outputs).Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)}");
            Console.WriteLine($"{name}: outputs re-generated: {string.Join(", ", regenerated)}");
        }

        // Rough single-shot times after a warm-up (JIT), as a compiler server would run; BenchmarkDotNet gives the real figures.
        CorpusCompilation.Emit(CorpusCompilation.Create(20));
        CorpusCompilation.Driver().RunGenerators(CorpusCompilation.Create(20));
        var emitWatch = Stopwatch.StartNew();
        CorpusCompilation.Emit(CorpusCompilation.Create(runbooks));
        Console.WriteLine($"full compile (emit) of a fresh compilation: {emitWatch.ElapsedMilliseconds} ms");
        var cold = CorpusCompilation.Create(runbooks);
        var generatorWatch = Stopwatch.StartNew();
        var coldRun = CorpusCompilation.Driver().RunGenerators(cold);
        generatorWatch.Stop();
        CorpusCompilation.EnsureGenerated(coldRun, cold);
        Console.WriteLine($"generator cold run over a fresh compilation: {generatorWatch.ElapsedMilliseconds} ms");

        // Where a cold run's time goes, from the driver's own step timings: reading runbooks from syntax
        // (RunbookResults) and rendering their pages and emitting their code (RunbookSources).
        var timed = CorpusCompilation.Create(runbooks);
        var steps = CorpusCompilation.EnsureGenerated(CorpusCompilation.Driver(track: true).RunGenerators(timed), timed).GetRunResult().Results.Single().TrackedSteps;
        double Milliseconds(string step) => steps[step].Sum(s => s.ElapsedTime.TotalMilliseconds);
        var rendering = Milliseconds("RunbookSources");
        Console.WriteLine($"  reading runbooks: {Milliseconds("RunbookResults"):F0} ms; rendering pages and emitting code: {rendering:F0} ms ({runbooks / (rendering / 1000):F0} runbooks per second)");

        Console.WriteLine($"  allocated by one warm generator run: {AllocatedBytes.GeneratorRun(CorpusCompilation.Create(runbooks)) / 1_000_000} MB");

        var analyzers = CorpusCompilation.Analyzers();
        // Wall time of the analyzer driver with all rules, against the same driver with one no-op rule registering
        // the same kinds of action: the difference is what the rules themselves cost (best of three each).
        var rules = new List<long>();
        var driverOnly = new List<long>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (set, times) in new[] { (analyzers, rules), (ImmutableArray.Create<DiagnosticAnalyzer>(new AnalyzerBenchmarks.NoOpRuleShapedAnalyzer()), driverOnly) })
            {
                var fresh = CorpusCompilation.Create(runbooks).WithAnalyzers(set, new CompilationWithAnalyzersOptions(
                    AnalyzerBenchmarks.AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
                var watch = Stopwatch.StartNew();
                var found = await fresh.GetAnalyzerDiagnosticsAsync();
                times.Add(watch.ElapsedMilliseconds);
                CorpusCompilation.EnsureNoRuleThrew(found);
            }
        }

        Console.WriteLine($"analyzer driver, all RunbookSdk rules: {rules.Min()} ms; with one no-op rule: {driverOnly.Min()} ms; the rules' own cost: {rules.Min() - driverOnly.Min()} ms (best of 3, concurrent)");

        // The same difference in bytes allocated, single-threaded so the count is exact, for the rules a build runs.
        var (ruleBytes, noOpBytes) = AllocatedBytes.BuildRules(runbooks);

        Console.WriteLine($"  allocated by the rules a build runs: {(ruleBytes - noOpBytes) / 1_000_000} MB ({ruleBytes / 1_000_000} MB with them, {noOpBytes / 1_000_000} MB with one no-op rule, fewest of 3 each; binding the corpus is most of it)");

        compilation = CorpusCompilation.Create(runbooks);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            AnalyzerBenchmarks.AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var stopwatch = Stopwatch.StartNew();
        var analysis = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
        var diagnostics = CorpusCompilation.EnsureNoRuleThrew(analysis.GetAllDiagnostics());
        Console.WriteLine($"analyzers: {diagnostics.Length} diagnostics ({string.Join(", ", diagnostics.GroupBy(d => d.Id).Select(g => $"{g.Key}x{g.Count()}"))}) in {stopwatch.ElapsedMilliseconds} ms (single-threaded, includes binding)");
        foreach (var (analyzer, telemetry) in analysis.AnalyzerTelemetryInfo.OrderByDescending(p => p.Value.ExecutionTime))
        {
            Console.WriteLine($"  {analyzer.GetType().Name,-32} {telemetry.ExecutionTime.TotalMilliseconds,8:F1} ms  rules {string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id))}");
        }

        PrintKeystrokeCost(runbooks, analyzers);
    }

    /// <summary>
    /// What the IDE pays per keystroke: an edit creates a new compilation (every symbol is built again, lazily) and
    /// the IDE analyses the document being edited. The rules' share is the difference to one no-op rule, in bytes
    /// allocated (exact) and time (best of the rounds).
    /// </summary>
    public static void PrintKeystrokeCost(int runbooks, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = CorpusCompilation.Create(runbooks);
        var (rules, driverOnly) = AllocatedBytes.Keystrokes(compilation, analyzers, rounds: 7);
        var bytes = rules.Min(r => r.Bytes) - driverOnly.Min(r => r.Bytes);
        var time = rules.Min(r => r.Milliseconds) - driverOnly.Min(r => r.Milliseconds);
        Console.WriteLine($"a keystroke in one runbook (new compilation, that document analysed): the rules allocate {bytes / 1_000:N0} KB and take {time:F1} ms beyond one no-op rule ({rules.Min(r => r.Milliseconds):F1} ms against {driverOnly.Min(r => r.Milliseconds):F1} ms, best of 7)");

        // The generator as the IDE runs it: incrementally, after each edit, without implementation outputs.
        var edit = 0;
        var counted = new RunbookSdk.Generators.RunbookGenerator();
        var driver = CorpusCompilation.EnsureGenerated(CorpusCompilation.Driver(asTheIdeRuns: true, generator: counted).RunGenerators(compilation), compilation, asTheIdeRuns: true);
        // Best of 8, in bytes and time, and the runbooks the last edit read again. More warm-up than the rules: the
        // first runs after the cold one still run the reader's code before the JIT has optimised it (measured: 131 ms
        // best of the first 8 runs, 46 ms of the next 8).
        (long Bytes, double Milliseconds, int Reads) GeneratorAfterEach(string path, Func<string, string> edit)
        {
            var runs = new List<(long Bytes, double Milliseconds)>();
            var reads = 0;
            for (var round = -8; round < 8; round++)
            {
                var edited = CorpusCompilation.ReplaceText(compilation, path, edit);
                var readsBefore = counted.Reads.Count;
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                driver = driver.RunGenerators(edited);
                if (round < 0) continue;
                runs.Add((GC.GetTotalAllocatedBytes(precise: true) - before, watch.Elapsed.TotalMilliseconds));
                CorpusCompilation.EnsureGenerated(driver, edited, asTheIdeRuns: true);
                reads = counted.Reads.Count - readsBefore;
            }

            return (runs.Min(r => r.Bytes), runs.Min(r => r.Milliseconds), reads);
        }

        var inRunbook = GeneratorAfterEach("Runbook7.cs", t => t.Replace("List pods", "List pods " + ++edit, StringComparison.Ordinal));
        Console.WriteLine($"  the generator's incremental run after that keystroke (implementation outputs skipped, as in the IDE): {inRunbook.Bytes / 1_000:N0} KB allocated, {inRunbook.Milliseconds:F1} ms (best of 8), {inRunbook.Reads} runbook read again");

        // The same after a keystroke in a file that declares no runbook (a helper, the project's other code): what
        // typing anywhere else in a runbook project costs while the generator is loaded.
        var unrelated = GeneratorAfterEach("Unrelated.cs", t => t.Replace("{ }", "{ private const int X = " + ++edit + "; }", StringComparison.Ordinal));
        Console.WriteLine($"  the generator's incremental run after a keystroke in a file that declares no runbook: {unrelated.Bytes / 1_000:N0} KB allocated, {unrelated.Milliseconds:F1} ms (best of 8), {unrelated.Reads} runbooks read again");

        // And while a new type's name is typed there: every keystroke declares a type of another name.
        var typing = GeneratorAfterEach("Unrelated.cs", t => t + " internal static class Helper" + ++edit + " { }");
        Console.WriteLine($"  the same while a new type's name is typed there: {typing.Bytes / 1_000:N0} KB allocated, {typing.Milliseconds:F1} ms (best of 8), {typing.Reads} runbooks read again");
    }
}

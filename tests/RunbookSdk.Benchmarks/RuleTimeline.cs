using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// <c>rules-timeline</c>: when the rules run in an analysis of the corpus, and the CPU their callbacks take. Every rule
/// is wrapped so each callback records its thread's CPU time and when it ends. Thread CPU, not process CPU or wall
/// time: a thread stopped for a collection or waiting for a core is not charged to the rule, which made the sampled
/// profiles of the rules unreadable (docs/performance-history.md, "The rules in a symbol action: tried, measured, not
/// kept"). Linux only for the CPU figure (<c>CLOCK_THREAD_CPUTIME_ID</c>); the timeline works everywhere.
/// </summary>
internal static class RuleTimeline
{
    public static void Print(int runbooks, int rounds)
    {
        var references = CorpusCompilation.References();
        var rules = CorpusCompilation.BuildAnalyzers().Select(a => new TimedRule(a)).ToArray();
        var analyzers = rules.Cast<DiagnosticAnalyzer>().ToImmutableArray();
        Console.WriteLine($"rules over {runbooks} runbooks, CompilationWithAnalyzers, concurrent; {rounds} rounds (the first ones run code the JIT has not optimised yet)");
        var cpu = new List<double>();
        var tails = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var rule in rules) rule.Reset();
            var compilation = CorpusCompilation.Create(runbooks, references);
            var options = new CompilationWithAnalyzersOptions(AnalyzerBenchmarks.AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var started = Stopwatch.GetTimestamp();
            var found = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var ended = Stopwatch.GetTimestamp();
            CorpusCompilation.EnsureNoRuleThrew(found);

            var lastCallback = rules.Max(r => r.LastEnded);
            var total = Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds;
            var lastEnd = lastCallback == 0 ? 0 : Stopwatch.GetElapsedTime(started, lastCallback).TotalMilliseconds;
            var ruleCpu = rules.Sum(r => r.CpuNanoseconds) / 1e6;
            var ruleJit = rules.Sum(r => r.Jit.TotalMilliseconds);
            cpu.Add(ruleCpu);
            tails.Add(total - lastEnd);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round}: analysis {total:F0} ms; the rules' last callback ended at {lastEnd:F0} ms ({total - lastEnd:F0} ms before the end); the rules' callbacks: {(ThreadCpu.Available ? ruleCpu.ToString("F0", CultureInfo.InvariantCulture) + " ms of thread CPU" + ", " + ruleJit.ToString("F0", CultureInfo.InvariantCulture) + " ms of it in the JIT" : "thread CPU not measured on this OS")}"));
        }

        var steady = rounds / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"last {rounds - steady} rounds: the rules' callbacks {BuildReport.Median(cpu.Skip(steady)):F0} ms of thread CPU (median), their last one ending {BuildReport.Median(tails.Skip(steady)):F0} ms before the analysis ends (median)"));
        foreach (var rule in rules.OrderByDescending(r => r.CpuNanoseconds))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  last round, {rule.Name,-34} {rule.CpuNanoseconds / 1e6,7:F1} ms in {rule.Callbacks} callbacks"));
    }

    // A wrapper, never loaded by a compiler (RS1001): the rule it wraps enables concurrency, configures generated code
    // and registers its actions (RS1025, RS1026, RS1012), and the wrapper passes each call on.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

    /// <summary>A rule whose callbacks are timed; what it registers is passed on to the driver unchanged otherwise.</summary>
    private sealed class TimedRule(DiagnosticAnalyzer rule) : DiagnosticAnalyzer
    {
        private long _cpu;
        private long _jitTicks;
        private long _callbacks;
        private long _lastEnded;

        public string Name => rule.GetType().Name;
        public long CpuNanoseconds => Interlocked.Read(ref _cpu);

        /// <summary>Of the callbacks' thread time, what the JIT took compiling code they ran for the first time (cold code's cost).</summary>
        public TimeSpan Jit => TimeSpan.FromTicks(Interlocked.Read(ref _jitTicks));
        public long Callbacks => Interlocked.Read(ref _callbacks);

        /// <summary>The <see cref="Stopwatch"/> timestamp at which the last callback ended; 0 before any.</summary>
        public long LastEnded => Interlocked.Read(ref _lastEnded);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => rule.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => rule.Initialize(new TimedContext(context, this));

        public void Reset() => (_cpu, _jitTicks, _callbacks, _lastEnded) = (0, 0, 0, 0);

        public Action<T> Timed<T>(Action<T> action) => argument =>
        {
            var cpu = ThreadCpu.Now();
            var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
            try
            {
                action(argument);
            }
            finally
            {
                Interlocked.Add(ref _cpu, ThreadCpu.Now() - cpu);
                Interlocked.Add(ref _jitTicks, (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jit).Ticks);
                Interlocked.Increment(ref _callbacks);
                var ended = Stopwatch.GetTimestamp();
                for (var last = LastEnded; ended > last && Interlocked.CompareExchange(ref _lastEnded, ended, last) != last; last = LastEnded) { }
            }
        };
    }

    /// <summary>Passes the rule's registrations on with each callback timed; the rules use only these kinds.</summary>
    private sealed class TimedContext(AnalysisContext context, TimedRule rule) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();
        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            context.RegisterCompilationStartAction(start => rule.Timed(action)(new TimedStartContext(start, rule)));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => context.RegisterSemanticModelAction(rule.Timed(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => context.RegisterSymbolAction(rule.Timed(action), symbolKinds);
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unsupported();
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
    }

    private sealed class TimedStartContext(CompilationStartAnalysisContext start, TimedRule rule)
        : CompilationStartAnalysisContext(start.Compilation, start.Options, start.CancellationToken)
    {
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => start.RegisterSemanticModelAction(rule.Timed(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => start.RegisterSymbolAction(rule.Timed(action), symbolKinds);
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unsupported();
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
    }

#pragma warning restore RS1001, RS1012, RS1025, RS1026

    private static NotSupportedException Unsupported() =>
        new("rules-timeline times the kinds of action the rules register; a rule registered another kind: add it to TimedContext and TimedStartContext");

    /// <summary>The calling thread's CPU time, in nanoseconds; 0 where the OS offers no per-thread clock here.</summary>
    private static class ThreadCpu
    {
        private const int ClockThreadCpuTimeId = 3;

        public static bool Available { get; } = OperatingSystem.IsLinux();

        public static long Now()
        {
            if (!Available || clock_gettime(ClockThreadCpuTimeId, out var time) != 0) return 0;
            return time.Seconds * 1_000_000_000 + time.Nanoseconds;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int clock_gettime(int clock, out TimeSpec time);
    }
}

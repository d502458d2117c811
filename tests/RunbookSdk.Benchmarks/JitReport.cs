using System.Globalization;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// What the runtime's JIT does in the compiler server during a CI job's build, with RunbookSdk's generator and
/// analyzers and without them: each round one cold build of each (build servers stopped before it, in shuffled order)
/// with the runtime's EventPipe writing the JIT's events, read back from the compiler server's trace. A cold build runs
/// the compiler's precompiled code and has the JIT compile again, in a background worker, every method that turns
/// out hot; what our calls make hot is work a CI job's build pays for us on top of running our code.
/// </summary>
internal static class JitReport
{
    private static readonly BuildReport.Configuration s_withUs = new("+ RunbookSdk generator and analyzers", Generator: true, Analyzers: true);

    public static int Print(int runbooks, int rounds)
    {
        var repository = BuildReport.FindRepository();
        var directory = Path.Combine(Path.GetTempPath(), $"runbook-corpus-{runbooks}-{Path.GetFileName(repository.TrimEnd(Path.DirectorySeparatorChar))}");
        BuildReport.WriteProject(directory, repository, runbooks);
        BuildReport.WriteToolsProps(directory, repository);
        BuildReport.Run(directory, "build", "-c", "Release", "-nologo", "-v:q");
        Console.WriteLine($"corpus: {runbooks} runbooks in {directory}");

        var traces = Path.Combine(Path.GetTempPath(), $"runbook-jit-{Environment.ProcessId}");
        var without = new List<Traced>();
        var withUs = new List<Traced>();
        var shuffle = new Random(9);
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var configuration in new[] { BuildReport.s_baseline, s_withUs }.OrderBy(_ => shuffle.Next()).ToList())
            {
                var traced = TracedColdBuild(directory, repository, configuration, Path.Combine(traces, $"{round}-{(configuration == s_withUs ? "with" : "without")}"));
                (configuration == s_withUs ? withUs : without).Add(traced);
                Console.WriteLine($"  round {round}, {configuration.Name}: Csc {traced.CscMilliseconds:F0} ms, {traced.Events.Count:N0} methods compiled by the JIT");
            }
        }

        Directory.Delete(traces, recursive: true);
        PrintComparison(without, withUs);
        return 0;
    }

    /// <summary>A cold build traced, and the JIT's work in its compiler server.</summary>
    private sealed record Traced(double CscMilliseconds, List<JitEvent> Events);

    private static Traced TracedColdBuild(string directory, string repository, BuildReport.Configuration configuration, string traces)
    {
        Directory.CreateDirectory(traces);
        BuildReport.Run(directory, "build-server", "shutdown");
        var output = BuildReport.Build(directory, repository, configuration, reportAnalyzer: false, JitTrace.Environment(traces));
        // The compiler server writes its trace as it exits.
        BuildReport.Run(directory, "build-server", "shutdown");
        WaitForTracesToSettle(traces);
        return new Traced(BuildReport.CscMilliseconds(output), JitTrace.CompilerServer(traces).Events);
    }

    /// <summary>Until no trace in the folder grew for a second: a process may still be writing its rundown.</summary>
    private static void WaitForTracesToSettle(string traces)
    {
        long Size() => Directory.GetFiles(traces).Sum(file => new FileInfo(file).Length);
        for (var (size, checks) = (Size(), 0); checks < 30; checks++)
        {
            Thread.Sleep(1000);
            var now = Size();
            if (now == size && size > 0) return;
            size = now;
        }
    }

    private static void PrintComparison(List<Traced> without, List<Traced> withUs)
    {
        Console.WriteLine();
        Console.WriteLine($"The JIT in the compiler server of a CI job's build, median of {without.Count} rounds (builds traced, so slower than untimed ones):");
        Console.WriteLine($"  {"",-58} {"without RunbookSdk",22} {"with it",22}");
        Console.WriteLine($"  {"Csc task time",-58} {Median(without, t => t.CscMilliseconds),19:N0} ms {Median(withUs, t => t.CscMilliseconds),19:N0} ms");
        Row("everything the JIT compiled", t => JitWork.Of(t.Events));
        Row("on its busiest thread (the runtime's tier-up worker)", t => t.Events.GroupBy(e => e.Thread).Select(JitWork.Of).MaxBy(work => work.Milliseconds));
        Console.WriteLine("  by tier:");
        foreach (var tier in JitComparison.ByTier([]).Select(row => row.Tier))
            Row("  " + tier, t => JitComparison.ByTier(t.Events).Single(row => row.Tier == tier).Work);
        Console.WriteLine("  by whose code:");
        foreach (var owner in withUs.SelectMany(t => t.Events).Select(e => e.Owner).Distinct().Order(StringComparer.Ordinal))
            Row("  " + owner, t => JitWork.Of(t.Events.Where(e => e.Owner == owner)));

        // Pairs within a round: which of the compiler's methods only the build with RunbookSdk compiled.
        var onlyWithUs = withUs.Zip(without, (us, bare) => JitComparison.TheirsOnlyWithUs(us.Events, bare.Events)).ToList();
        var median = onlyWithUs.OrderBy(list => list.Sum(e => e.Milliseconds)).ElementAt(onlyWithUs.Count / 2);
        Console.WriteLine($"  the compiler's and the framework's methods that only the build with RunbookSdk compiled: {Work(median.Count, median.Sum(e => e.Milliseconds))} (the round of the median)");
        foreach (var (tier, work) in JitComparison.ByTier(median).Where(row => row.Work.Methods > 0))
            Console.WriteLine($"    {tier,-56} {Work(work.Methods, work.Milliseconds)}");
        Console.WriteLine("    the types with the most JIT time among them:");
        foreach (var type in median.GroupBy(e => e.Method[..e.Method.IndexOf("::", StringComparison.Ordinal)].Split('[')[0])
                     .OrderByDescending(group => group.Sum(e => e.Milliseconds)).Take(12))
            Console.WriteLine($"      {type.Key,-86} {Work(type.Count(), type.Sum(e => e.Milliseconds))}");

        void Row(string name, Func<Traced, JitWork> work)
        {
            string Cell(List<Traced> traced) => Work((int)Median(traced, t => work(t).Methods), Median(traced, t => work(t).Milliseconds));
            Console.WriteLine($"  {name,-58} {Cell(without),22} {Cell(withUs),22}");
        }
    }

    private static double Median(List<Traced> traced, Func<Traced, double> figure) => BuildReport.Median(traced.Select(figure));

    private static string Work(int methods, double milliseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{methods:N0} / {milliseconds:N0} ms");
}

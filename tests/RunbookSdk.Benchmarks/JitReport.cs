using System.Globalization;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// What the runtime's JIT does in the compiler server during a CI job's build, without RunbookSdk, with its generator,
/// and with its generator and analyzers: each round one cold build of each (build servers stopped before it, in
/// shuffled order) with the runtime's EventPipe writing the JIT's events, read back from the compiler server's trace.
/// A cold build runs the compiler's precompiled code and has the JIT compile again, in a background worker, every
/// method that turns out hot; what our calls make hot is work a CI job's build pays for us on top of running our code.
/// </summary>
internal static class JitReport
{
    private static readonly BuildReport.Configuration[] s_configurations =
    [
        BuildReport.s_baseline,
        new("+ RunbookSdk generator", Generator: true, Analyzers: false),
        new("+ RunbookSdk generator and analyzers", Generator: true, Analyzers: true),
    ];

    public static int Print(int runbooks, int rounds)
    {
        var repository = BuildReport.FindRepository();
        var directory = BuildReport.CorpusDirectory(repository, runbooks);
        BuildReport.WriteProject(directory, repository, runbooks);
        BuildReport.WriteToolsProps(directory, repository);
        BuildReport.Run(directory, "build", "-c", "Release", "-nologo", "-v:q");
        Console.WriteLine($"corpus: {runbooks} runbooks in {directory}");

        var traces = Path.Combine(Path.GetTempPath(), $"runbook-jit-{Environment.ProcessId}");
        // Per configuration, its traced builds in round order: the rounds pair the builds with and without us.
        var traced = s_configurations.ToDictionary(c => c, _ => new List<Traced>());
        var shuffle = new Random(9);
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var configuration in s_configurations.OrderBy(_ => shuffle.Next()).ToList())
            {
                var build = TracedColdBuild(directory, repository, configuration, Path.Combine(traces, $"{round}-{Array.IndexOf(s_configurations, configuration)}"));
                traced[configuration].Add(build);
                Console.WriteLine($"  round {round}, {configuration.Name}: Csc {build.CscMilliseconds:F0} ms, {build.Events.Count:N0} methods compiled by the JIT");
            }
        }

        Directory.Delete(traces, recursive: true);
        PrintComparison(s_configurations.Select(c => (Header: c == BuildReport.s_baseline ? "without RunbookSdk" : c.Name.TrimStart('+', ' '), traced[c])).ToList());
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

    /// <param name="columns">The baseline first, then each configuration with RunbookSdk.</param>
    private static void PrintComparison(List<(string Header, List<Traced> Builds)> columns)
    {
        const int Width = 36;
        Console.WriteLine();
        Console.WriteLine($"The JIT in the compiler server of a CI job's build, median of {columns[0].Builds.Count} rounds (builds traced, so slower than untimed ones);");
        Console.WriteLine("methods compiled / the JIT's time on the thread that compiled them:");
        Console.WriteLine($"  {"",-58}{string.Concat(columns.Select(c => c.Header.PadLeft(Width)))}");
        Console.WriteLine($"  {"Csc task time",-58}{string.Concat(columns.Select(c => $"{Median(c.Builds, t => t.CscMilliseconds),Width - 1:N0} ms"))}");
        Row("everything the JIT compiled", t => JitWork.Of(t.Events));
        Row("on its busiest thread (in a big build, the tier-up worker)", t => t.Events.GroupBy(e => e.Thread).Select(JitWork.Of).MaxBy(work => work.Milliseconds));
        Console.WriteLine("  by tier:");
        foreach (var tier in JitComparison.TierNames)
            Row("  " + tier, t => JitComparison.ByTier(t.Events).Single(row => row.Tier == tier).Work);
        Console.WriteLine("  by whose code:");
        foreach (var owner in columns.SelectMany(c => c.Builds).SelectMany(t => t.Events).Select(e => e.Owner).Distinct().Order(StringComparer.Ordinal))
            Row("  " + owner, t => JitWork.Of(t.Events.Where(e => e.Owner == owner)));

        // Paired within a round: the compiler's methods that only the build with RunbookSdk compiled.
        foreach (var (header, builds) in columns.Skip(1))
        {
            var onlyWithUs = builds.Zip(columns[0].Builds, (us, bare) => JitComparison.TheirsOnlyWithUs(us.Events, bare.Events)).ToList();
            var median = onlyWithUs.OrderBy(list => list.Sum(e => e.Milliseconds)).ElementAt(onlyWithUs.Count / 2);
            Console.WriteLine();
            Console.WriteLine($"  the compiler's and the framework's methods compiled only with {header}: {Work(JitWork.Of(median))} (the round of the median)");
            foreach (var (tier, work) in JitComparison.ByTier(median).Where(row => row.Work.Methods > 0))
                Console.WriteLine($"    {tier,-56} {Work(work)}");
            Console.WriteLine("    the types with the most JIT time among them:");
            foreach (var type in median.GroupBy(e => e.Method[..e.Method.IndexOf("::", StringComparison.Ordinal)].Split('[')[0])
                         .OrderByDescending(group => group.Sum(e => e.Milliseconds)).Take(12))
                Console.WriteLine($"      {type.Key,-86} {Work(JitWork.Of(type))}");
        }

        void Row(string name, Func<Traced, JitWork> work) =>
            Console.WriteLine($"  {name,-58}{string.Concat(columns.Select(c => Work(new JitWork((int)Median(c.Builds, t => work(t).Methods), Median(c.Builds, t => work(t).Milliseconds))).PadLeft(Width)))}");
    }

    private static double Median(List<Traced> traced, Func<Traced, double> figure) => BuildReport.Median(traced.Select(figure));

    private static string Work(JitWork work) =>
        string.Create(CultureInfo.InvariantCulture, $"{work.Methods:N0} / {work.Milliseconds:N0} ms");
}

namespace RunbookSdk.Benchmarks.Tests;

/// <summary>
/// `pool` reads saved build reports as they print their rounds and pairs each figure with the baseline of its own
/// report and round; a report whose rounds cannot be paired is refused, by name.
/// </summary>
public class PooledRoundsTests
{
    private const string Baseline = "compile (baseline: .NET SDK defaults)";
    private const string Both = "+ RunbookSdk generator and analyzers";

    [Fact]
    public void Each_round_is_paired_with_the_baseline_of_its_own_report_and_round()
    {
        var first = Report(csc: [(Baseline, "100, 200"), (Both, "110, 260")]);
        var second = Report(csc: [(Baseline, "50, 40"), (Both, "60, 44")]);

        var pooled = PooledRounds.Pool([("first.txt", first), ("second.txt", second)], out var error);

        Assert.Null(error);
        var (title, configurations) = Assert.Single(pooled);
        Assert.Equal("Csc task time", title);
        var (name, ratios) = Assert.Single(configurations);
        Assert.Equal(Both, name);
        Assert.Equal([1.1, 1.3, 1.2, 1.1], ratios.Select(r => Math.Round(r, 6)));
    }

    [Fact]
    public void A_round_without_a_figure_is_left_out_not_paired_with_another_rounds_baseline()
    {
        var report = Report(csc: [(Baseline, "100, 200, 300"), (Both, "110, -, 330")]);

        var pooled = PooledRounds.Pool([("run.txt", report)], out var error);

        Assert.Null(error);
        Assert.Equal([1.1, 1.1], Assert.Single(Assert.Single(pooled).Configurations).Ratios.Select(r => Math.Round(r, 6)));
    }

    [Fact]
    public void The_compiler_servers_cpu_is_pooled_as_a_section_of_its_own_when_every_report_has_it()
    {
        var withCpu = Report(csc: [(Baseline, "100"), (Both, "120")], cpu: [(Baseline, "1000"), (Both, "1150")]);
        var withoutCpu = Report(csc: [(Baseline, "100"), (Both, "130")]);

        var both = PooledRounds.Pool([("a.txt", withCpu), ("b.txt", withCpu)], out _);
        var mixed = PooledRounds.Pool([("a.txt", withCpu), ("b.txt", withoutCpu)], out _);

        Assert.Equal(["Csc task time", "CPU time of the compiler server"], both.Select(s => s.Title));
        Assert.Equal([1.15, 1.15], both[1].Configurations.Single().Ratios.Select(r => Math.Round(r, 6)));
        Assert.Equal(["Csc task time"], mixed.Select(s => s.Title));
    }

    [Fact]
    public void A_report_whose_rounds_cannot_be_paired_is_refused_by_name()
    {
        var good = Report(csc: [(Baseline, "100, 200"), (Both, "110, 220")]);
        var uneven = Report(csc: [(Baseline, "100, 200"), (Both, "110, 220, 330")]);

        var pooled = PooledRounds.Pool([("good.txt", good), ("uneven.txt", uneven)], out var error);

        Assert.Empty(pooled);
        Assert.Contains("uneven.txt", error);
        Assert.Contains("3 rounds, the baseline 2", error);
    }

    [Fact]
    public void A_report_without_its_baseline_is_refused_by_name()
    {
        var pooled = PooledRounds.Pool([("nobaseline.txt", Report(csc: [(Both, "110")]))], out var error);

        Assert.Empty(pooled);
        Assert.Contains("nobaseline.txt", error);
        Assert.Contains(Baseline, error);
    }

    /// <summary>A report's lines as `build` and `build-cold` print them.</summary>
    private static string Report((string Name, string Runs)[] csc, (string Name, string Runs)[]? cpu = null)
    {
        var text = "corpus: 1000 runbooks in /tmp/corpus\n" +
            "Csc task time, median of 2 runs (dotnet build, compiler server, Release); paired: …\n" +
            string.Concat(csc.Select(c => $"  {c.Name,-44}    12345 ms  ratio 1.10  paired 1.10 [1.00–1.20, 96 %]  (runs: {c.Runs})\n"));
        if (cpu is not null)
        {
            text += "CPU time of the compiler server per build, median of 2 runs:\n" +
                string.Concat(cpu.Select(c => $"  {c.Name,-44}    23456 ms   +1000 ms ( +4.2%)  paired  +4.0% [+1.0%–+8.0%, 96 %]  (runs: {c.Runs})\n"));
        }

        return text + "  compiler-reported time of RunbookSdk's own code with both (ReportAnalyzer, 3 untimed builds): generator 0.05 s\n";
    }
}

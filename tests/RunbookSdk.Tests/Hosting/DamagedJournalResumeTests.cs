using RunbookSdk.Execution;
using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

/// <summary>
/// A journal line that is not a complete event is where a crash cut the run's last event — the file's last line, or
/// the line before the run-started of the run that resumed it — or it is damage. Damage was skipped without a word:
/// a resume then ran again a step whose result the line held, or sent again a POST it recorded, and nobody was told.
/// </summary>
public sealed class DamagedJournalResumeTests
{
    private static TestRun TwoSteps(string marker) => new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Deploy", s => s.Run($"echo deployed >> {p["Marker"]}"))
                .Step("Check", s => s.Run($"exit {p["Fail"]}")))
            .NoRollback("test"))
        .Parameter("Marker", marker)
        .Parameter("Fail", "0");

    [Fact]
    public async Task A_resume_names_a_damaged_line_before_it_runs_anything()
    {
        using var temp = new TempDirectory();
        var marker = temp.File("deploys");
        using var run = TwoSteps(marker);
        var journal = temp.File("run.jsonl");
        Assert.Equal(1, (await Host.RunAsync(run.Catalog(), "run", run.Id, "Fail=1", "--non-interactive", "--journal", journal)).ExitCode);
        // The Deploy step's result, damaged in the middle of the file (a bad disk, an editor).
        var lines = File.ReadAllLines(journal);
        var deployed = Array.FindIndex(lines, l => l.Contains("\"step-finished\"", StringComparison.Ordinal) && l.Contains("Deploy", StringComparison.Ordinal));
        lines[deployed] = lines[deployed][..40];
        File.WriteAllLines(journal, lines);

        var resumed = await Host.RunAsync(run.Catalog(), "run", run.Id, "Fail=0", "--non-interactive", "--resume", journal);

        Assert.Contains($"warning: in the journal '{journal}', line {deployed + 1} is not a complete event and not where a crash cut one short", resumed.Output, StringComparison.Ordinal);
        Assert.True(resumed.Output.IndexOf("warning: in the journal", StringComparison.Ordinal) < resumed.Output.IndexOf("Running 'test-runbook'", StringComparison.Ordinal),
            "the warning comes before the run starts");
        Assert.Equal([deployed + 1], ResumeState.Read(journal).DamagedLines);
    }

    [Fact]
    public async Task A_line_a_crash_cut_short_is_no_damage_at_the_end_nor_before_the_resumed_run()
    {
        using var temp = new TempDirectory();
        using var run = TwoSteps(temp.File("deploys"));
        var journal = temp.File("run.jsonl");
        Assert.Equal(1, (await Host.RunAsync(run.Catalog(), "run", run.Id, "Fail=1", "--non-interactive", "--journal", journal)).ExitCode);
        File.AppendAllText(journal, "{\"time\":\"2026-01-15T03:0"); // kill -9 in the middle of a write

        var first = await Host.RunAsync(run.Catalog(), "run", run.Id, "Fail=1", "--non-interactive", "--resume", journal);
        File.AppendAllText(journal, "{\"time\":\"2026-01-15T03:1");
        var second = await Host.RunAsync(run.Catalog(), "run", run.Id, "Fail=0", "--non-interactive", "--resume", journal);

        Assert.DoesNotContain("warning: in the journal", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning: in the journal", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Empty(ResumeState.Read(journal).DamagedLines);
    }

    [Fact]
    public async Task A_journal_whose_run_started_line_is_damaged_says_so()
    {
        using var temp = new TempDirectory();
        using var run = TwoSteps(temp.File("deploys"));
        var journal = temp.File("run.jsonl");
        Assert.Equal(1, (await Host.RunAsync(run.Catalog(), "run", run.Id, "Fail=1", "--non-interactive", "--journal", journal)).ExitCode);
        var lines = File.ReadAllLines(journal);
        lines[0] = lines[0][20..];
        File.WriteAllLines(journal, lines);

        var resumed = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--resume", journal);

        Assert.Equal(2, resumed.ExitCode);
        Assert.Contains($"records no run that can be read: line 1 is not a complete event; the run-started that begins a run may be what it held.", resumed.Output, StringComparison.Ordinal);
    }
}

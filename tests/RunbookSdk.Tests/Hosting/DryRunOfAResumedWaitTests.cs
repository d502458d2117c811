using RunbookSdk.Execution;
using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

/// <summary>
/// <c>--dry-run --resume JOURNAL</c> of a run stopped in a wait: the live resume waits only the rest of it (incident
/// time kept passing) when nothing runs before it, and the dry run says so. Before, it showed the whole wait — "Wait
/// 30 seconds" of a wait with 10 seconds left —, so the plan the engineer read was not the wait the resume waited.
/// </summary>
public sealed class DryRunOfAResumedWaitTests
{
    /// <summary>Runs, then cuts the journal where the wait started: the runner was killed in it.</summary>
    private static async Task<ResumeState> StoppedInTheWait(TestRun run)
    {
        await run.RunAsync(TestRun.NonInteractive);
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.Take(Array.FindIndex(lines, l => l.Contains("\"wait-started\"", StringComparison.Ordinal)) + 1));
        return ResumeState.Read(run.JournalPath);
    }

    private static async Task<string> DryRun(TestRun run, ResumeState resume)
    {
        var console = new PlainConsole();
        await new DryRunPrinter(console.Console) { Resume = resume, LiveOptions = TestRun.NonInteractive with { Clock = run.Clock } }
            .ExecuteAsync(run.Bind(), CancellationToken.None);
        return console.Output;
    }

    [Fact]
    public async Task A_wait_the_journal_stopped_in_is_shown_with_the_rest_the_resume_waits()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy", s => s.Execute("deploy", _ => Task.CompletedTask))
                .Step("Settle", s => s.Wait(TimeSpan.FromMinutes(10), "warms up")))
            .NoRollback("test"));
        var resume = await StoppedInTheWait(run);
        // The test clock ran the whole wait at once (to 03:10); the engineer looks 4 minutes after the wait began.
        run.Clock.Advance(TimeSpan.FromMinutes(-6));

        var planned = await DryRun(run, resume);

        Assert.True(planned.Contains("[the earlier run started this wait at 2026-01-15 03:00:00 UTC: the resume waits only the rest of its time, 6 minutes left now]", StringComparison.Ordinal), planned);
        // What the live resume does.
        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });
        Assert.Contains("and nothing ran since: 6 minutes left.", resumed.Output);
    }

    [Theory]
    // Found on call in the sandbox: "12.659 seconds left"; a longer wait read "342.659 seconds left".
    [InlineData(12.659, "13 seconds")]
    [InlineData(342.659, "5:43")]
    public async Task The_rest_of_a_wait_is_said_in_whole_seconds_as_the_clock_shows_time(double secondsLeft, string said)
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy", s => s.Execute("deploy", _ => Task.CompletedTask))
                .Step("Settle", s => s.Wait(TimeSpan.FromMinutes(10), "warms up")))
            .NoRollback("test"));
        var resume = await StoppedInTheWait(run);
        run.Clock.Advance(-TimeSpan.FromSeconds(secondsLeft));

        var planned = await DryRun(run, resume);

        Assert.True(planned.Contains($"the resume waits only the rest of its time, {said} left now]", StringComparison.Ordinal), planned);
        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });
        Assert.Contains($"and nothing ran since: {said} left.", resumed.Output);
    }

    [Fact]
    public async Task A_wait_after_an_action_the_resume_runs_again_is_shown_whole()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy and settle", s => s.Execute("deploy", _ => Task.CompletedTask).Wait(TimeSpan.FromMinutes(10), "warms up")))
            .NoRollback("test"));
        var resume = await StoppedInTheWait(run);
        run.Clock.Advance(TimeSpan.FromMinutes(-6));

        var planned = await DryRun(run, resume);

        Assert.DoesNotContain("the rest of its time", planned);
        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });
        Assert.DoesNotContain("nothing ran since", resumed.Output);
    }
}

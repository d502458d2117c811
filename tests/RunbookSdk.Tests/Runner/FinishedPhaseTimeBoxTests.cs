using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A resume's time-box warnings are about the phases still to work on: found on call in the sandbox, a resume five
/// minutes after the run stopped warned "Phase 'Diagnose' is past its time box (0-5 minutes)" of a phase finished in
/// its first second.
/// </summary>
public sealed class FinishedPhaseTimeBoxTests
{
    [Fact]
    public async Task A_resume_says_nothing_of_the_time_box_of_a_phase_the_earlier_run_finished()
    {
        var fail = true;
        using var run = new TestRun(rb => rb
            .Phase("Diagnose", TimeBox.Minutes(0, 5), p => p.Step("Look", s => s.Execute("looks", _ => Task.CompletedTask)))
            .Phase("Mitigate", TimeBox.Minutes(5, 15), p => p
                .Step("Fail over", s => s.Execute("fails over", _ => fail ? throw new InvalidOperationException("replica not ready") : Task.CompletedTask)))
            .NoRollback("test"));
        Assert.Equal(1, (await run.RunAsync()).ExitCode);

        fail = false;
        run.Clock.Advance(TimeSpan.FromMinutes(20));
        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.DoesNotContain("Phase 'Diagnose' is past its time box", resumed.Output);
        // The phase still being worked on is past its own, and says so.
        Assert.Contains("Phase 'Mitigate' is past its time box (5-15 minutes)", resumed.Output);
        var resumedEvents = resumed.Journal.SkipWhile(e => e.Name != "run-started" || e["resumedFrom"] is null);
        Assert.Equal(["Mitigate"], resumedEvents.Where(e => e.Name == "time-box-exceeded").Select(e => e["phase"]));
    }
}

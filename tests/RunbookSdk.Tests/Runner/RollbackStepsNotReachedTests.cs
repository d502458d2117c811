using System.Text.RegularExpressions;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A rollback step that fails ends the rollback there: the steps after it assume it worked. Its <c>rollback-finished</c>
/// (<c>result: failed</c>) had no word of them, while <c>run-finished</c> names the phase steps not reached: the record
/// ended with the failed step, and the next morning nobody could tell which undo was left. It now names them
/// (<c>notReached</c>: key, number, title, as <c>run-finished</c>'s), and the closing words say them.
/// </summary>
public sealed class RollbackStepsNotReachedTests
{
    [Fact]
    public async Task A_failed_rollback_step_journals_and_says_the_rollback_steps_after_it_not_run()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Scale up", s => s.Run("exit 1")))
            .Rollback(r => r
                .Step("Undo the config", s => s.Run("exit 7"))
                .Step("Scale back", s => s.Run("true"))
                .Step("Announce the rollback", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));

        var result = await run.RunAsync();

        Assert.Equal(RunStatus.RollbackFailed, result.Outcome.Status);
        var finished = result.Events("rollback-finished").Single();
        Assert.Equal("failed", finished["result"]);
        Assert.Equal(
            [("rollback/step-2:Scale back", "R.2", "Scale back"), ("rollback/step-3:Announce the rollback", "R.3", "Announce the rollback")],
            finished.Steps("notReached"));
        // The keys are the ones a rollback step's own records carry.
        Assert.Contains(result.Events("step-started"), e => e["key"] == "rollback/step-1:Undo the config");
        Assert.Contains("Not done: rollback step(s) R.2 'Scale back', R.3 'Announce the rollback'. They were not run after R.1 'Undo the config' failed: "
            + "each assumes the steps before it worked.", Regex.Replace(result.Output, @"\s+", " "));
    }

    [Fact]
    public async Task A_rollback_that_failed_at_its_last_step_names_none_not_run()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Scale up", s => s.Run("exit 1")))
            .Rollback(r => r.Step("Scale back", s => s.Run("true")).Step("Undo the config", s => s.Run("exit 7")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));

        var result = await run.RunAsync();

        Assert.Equal(RunStatus.RollbackFailed, result.Outcome.Status);
        Assert.Null(result.Events("rollback-finished").Single()["notReached"]);
        Assert.DoesNotContain("Not done: rollback step(s)", result.Output);
    }

    [Fact]
    public async Task A_journal_of_a_failed_rollback_written_without_the_steps_not_run_reads_as_before()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Scale up", s => s.Run("exit 1")))
            .Rollback(r => r.Step("Undo the config", s => s.Run("exit 7")).Step("Scale back", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        Assert.Equal(4, (await run.RunAsync()).ExitCode);
        var listed = (await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output;
        var resumeState = ResumeState.Read(run.JournalPath);

        // As a runner before this one wrote it: no notReached in rollback-finished.
        File.WriteAllLines(run.JournalPath, File.ReadAllLines(run.JournalPath).Select(line => line.Contains("\"rollback-finished\"", StringComparison.Ordinal)
            ? Regex.Replace(line, @",""notReached"":\[[^\]]*\]", "")
            : line));
        Assert.DoesNotContain("notReached", File.ReadAllLines(run.JournalPath).Single(l => l.Contains("\"rollback-finished\"", StringComparison.Ordinal)));

        // runs named the rollback step not done from the field; without it, the line is as it was.
        Assert.Contains("; rollback not done: R.2 'Scale back'; resume: ", Regex.Replace(listed, @"\s+", " "));
        var olderListed = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");
        Assert.Equal(Regex.Replace(listed, @"\s+", " ").Replace("; rollback not done: R.2 'Scale back'", "", StringComparison.Ordinal), olderListed);
        Assert.DoesNotContain("rollback not done", olderListed);
        var older = ResumeState.Read(run.JournalPath);
        Assert.Equal(resumeState.CompletedSteps, older.CompletedSteps);
        Assert.Equal(resumeState.UndoneByRollback, older.UndoneByRollback);
    }

    [Fact]
    public async Task Runs_names_the_rollback_steps_a_failed_rollback_left_not_done()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Scale up", s => s.Run("exit 1")).Step("Soak", s => s.Run("true")))
            .Rollback(r => r
                .Step("Undo the config", s => s.Run("exit 7"))
                .Step("Scale back", s => s.Run("true"))
                .Step("Announce the rollback", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        Assert.Equal(4, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);

        var listed = await Host.RunAsync(run.Catalog(), "runs", run.JournalPath);

        Assert.Equal(0, listed.ExitCode);
        // Beside the phase steps not reached, in words that say they are undo left undone, not steps still to do.
        Assert.Contains("last step R.1 'Undo the config': failed stopped: RollbackFailed; not reached: 1.2 'Soak'; "
            + "rollback not done: R.2 'Scale back', R.3 'Announce the rollback'; resume: dotnet", Regex.Replace(listed.Output, @"\s+", " "));
    }

    [Fact]
    public async Task Runs_shortens_a_long_list_of_rollback_steps_not_done_as_it_does_the_steps_not_reached()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Scale up", s => s.Run("exit 1")))
            .Rollback(r => r
                .Step("Undo the config", s => s.Run("exit 7"))
                .Step("Scale back", s => s.Run("true"))
                .Step("Restore the cache", s => s.Run("true"))
                .Step("Reopen traffic", s => s.Run("true"))
                .Step("Announce the rollback", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        Assert.Equal(4, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);

        var said = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        Assert.Contains("stopped: RollbackFailed; rollback not done: R.2 'Scale back', R.3 'Restore the cache', R.4 'Reopen traffic' and 1 more; resume: ", said);
        Assert.DoesNotContain("Announce the rollback", said);
    }

    [Fact]
    public async Task Runs_names_the_rollback_steps_an_operator_stopped_rollback_left_not_done_shortened_alike()
    {
        // The journal has long named them (rollback-finished, result: stopped, notRun as "R.2 'Scale back'"), but runs
        // said only "stopped: Aborted": the engineer taking over could not tell which undo was left to do by hand.
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Scale up", s => s.Run("exit 1")).Step("Soak", s => s.Run("true")))
            .Rollback(r => r
                .Step("Undo the config", s => s.Run("true"))
                .Step("Restore the database", s => s.Run("true").RequiresConfirmation())
                .Step("Scale back", s => s.Run("true"))
                .Step("Reopen traffic", s => s.Run("true"))
                .Step("Announce the rollback", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        run.Prompts.Answer(true).Answer(false);
        var result = await run.RunAsync(TestRun.Interactive);
        Assert.Equal(5, result.ExitCode);
        Assert.Equal("stopped", result.Events("rollback-finished").Single()["result"]);

        var said = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        // The step said no to first (it was not run), then those after it; past three, "and N more", as a failed rollback's.
        Assert.Contains("stopped: Aborted; not reached: 1.2 'Soak'; rollback not done: R.2 'Restore the database', R.3 'Scale back', "
            + "R.4 'Reopen traffic' and 1 more; resume: ", said);
        Assert.DoesNotContain("Announce the rollback", said);
    }
}

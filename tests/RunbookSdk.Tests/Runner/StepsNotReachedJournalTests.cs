using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A run that ends early names, in its closing <c>run-finished</c>, the steps of the phases it never reached
/// (<c>notReached</c>: each step's key, number and title). Before, the record ended with the step that stopped the run,
/// and whoever read it the next morning (or <c>runs</c>, or the incident issue) could not tell a step not reached from
/// a step this version of the runbook does not have.
/// </summary>
public sealed class StepsNotReachedJournalTests
{
    [Fact]
    public async Task A_run_that_fails_in_its_second_step_journals_the_steps_it_never_reached()
    {
        using var run = new TestRun(rb => rb
            .Phase("Diagnose", p => p
                .Step("Look", s => s.Run("true"))
                .Step("Deploy", s => s.Run("exit 3"))
                .Step("Soak", s => s.Run("true")))
            .Phase("Scale", p => p.Step("Scale up", s => s.Run("true")))
            .Rollback(r => r.Step("Undo", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));

        var result = await run.RunAsync();

        Assert.Equal(RunStatus.RolledBack, result.Outcome.Status);
        var finished = result.Events("run-finished").Single();
        // The step that failed was reached (its step-finished says so); the rollback and verification ran.
        Assert.Equal(
            [("phase-1/step-3:Soak", "1.3", "Soak"), ("phase-2/step-1:Scale up", "2.1", "Scale up")],
            finished.Steps("notReached"));
        // Said on the console too, where the engineer reads how the run ended.
        Assert.Contains("Not reached: 1.3 'Soak', 2.1 'Scale up'.", result.Output);
    }

    [Fact]
    public async Task A_step_the_run_stopped_before_it_started_is_not_reached()
    {
        using var run = new TestRun(rb => rb
            .Phase("Deploy", p => p
                .Step("Announce", s => s.Run("true"))
                .Step("Deploy", s => s.Run("true")))
            .Rollback(r => r.Step("Undo", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        using var ctrlC = new CancellationTokenSource();
        // Ctrl+C right after the first step's "ok": the second step is never started.
        var console = new PlainConsole(new CancelOnText("ok (", ctrlC));
        var options = TestRun.NonInteractive with { Clock = run.Clock, JournalPath = run.JournalPath };

        var outcome = await new RunbookRunner(console.Console, options, run.Prompts).ExecuteAsync(run.Bind(), ctrlC.Token);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        var finished = Journal.Read(run.JournalPath).Single(e => e.Name == "run-finished");
        Assert.Equal([("phase-1/step-2:Deploy", "1.2", "Deploy")], finished.Steps("notReached"));
    }

    [Fact]
    public async Task A_run_that_reached_every_step_journals_none_not_reached()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Look", s => s.Run("true")).Step("Deploy", s => s.Run("exit 3")))
            .Rollback(r => r.Step("Undo", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));

        var failedAtLast = await run.RunAsync();

        Assert.Equal(RunStatus.RolledBack, failedAtLast.Outcome.Status);
        Assert.Null(failedAtLast.Events("run-finished").Single()["notReached"]);
        Assert.DoesNotContain("Not reached", failedAtLast.Output);
    }

    [Fact]
    public async Task A_secret_masks_a_title_not_reached_but_not_the_step_s_number()
    {
        using var run = new TestRun((rb, values) => rb
                .Phase("Act", p => p
                    .Step("Deploy", s => s.Run("exit 3"))
                    .Step($"Restart {values["Database"]}", s => s.Run("true")))
                .Rollback(r => r.Step("Undo", s => s.Run("true")))
                .Verification(v => v.Step("Check", s => s.Run("true"))))
            .Parameter("Database", "1", secret: true);

        var result = await run.RunAsync();

        var finished = result.Events("run-finished").Single();
        Assert.Equal([("phase-***/step-2:Restart ***", "1.2", "Restart ***")], finished.Steps("notReached"));
    }

    [Fact]
    public async Task A_resume_of_such_a_journal_reaches_the_steps_and_names_none_it_completed()
    {
        var fail = true;
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Look", s => s.Run("true"))
                .Step("Deploy", s => s.Run(fail ? "exit 3" : "true"))
                .Step("Soak", s => s.Run("exit 4")))
            .NoRollback("test"));
        await run.RunAsync();
        fail = false;

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        // The resume reads the journal as before and stops at 1.3 this time: it reached every step, and 1.1 is done.
        Assert.Equal(["Look: succeeded", "Deploy: failed", "Deploy: succeeded", "Soak: failed"], resumed.StepResults);
        var finished = resumed.Events("run-finished").ToArray();
        Assert.Equal([("phase-1/step-3:Soak", "1.3", "Soak")], finished[0].Steps("notReached"));
        Assert.Null(finished[1]["notReached"]);
    }
}

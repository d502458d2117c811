using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A run that stopped before any step of its phases started changed nothing, so its rollback is not offered (nor, with
/// <c>--non-interactive</c>, performed): it is journaled <c>rollback-skipped</c> with why. Before, declining the first
/// step's confirmation, or Ctrl+C at it, offered the rollback: found on call in the sandbox, where "yes" to the offer
/// sent <c>POST /rollback</c> and undid a deploy the run never made (a real one could undo another team's). Once a
/// step of the phases started, in this run or in one the journal resumes, the rollback is offered as before.
/// </summary>
public sealed class RollbackWithNothingChangedTests
{
    private const string Skipped = "no rollback needed (no step of the phases started: nothing was changed)";

    private static TestRun Runbook(TempDirectory temp, bool deployFails = false) => new(rb => rb
        .Phase("Act", p => p
            .Step("Deploy", s => s.Run(deployFails ? "exit 3" : $"touch {temp.File("deployed")}").RequiresConfirmation())
            .Step("Restart", s => s.Run($"touch {temp.File("restarted")}").RequiresConfirmation()))
        .Rollback(r => r.Step("Undo the deploy", s => s.Run($"touch {temp.File("undone")}"))));

    [Fact]
    public async Task Declining_the_first_step_offers_no_rollback()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);
        run.Prompts.Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(["'Deploy' is destructive. Run it now?"], run.Prompts.Questions);
        Assert.False(File.Exists(temp.File("undone")));
        Assert.Equal(5, result.ExitCode);
        Assert.Contains($"Rollback: {Skipped}.", result.Output);
        Assert.Equal(Skipped, Assert.Single(result.Events("rollback-skipped"))["reason"]);
        Assert.Contains(Skipped, result.Outcome.Reason);
    }

    [Fact]
    public async Task Ctrl_C_at_the_first_step_question_performs_no_rollback()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var outcome = await InterruptingPrompts.RunAsync(run); // answers yes to any question after the Ctrl+C

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.False(File.Exists(temp.File("deployed")));
        Assert.False(File.Exists(temp.File("undone")));
        Assert.Contains(Journal.Read(run.JournalPath), e => e.Name == "rollback-skipped" && e["reason"] == Skipped);
    }

    [Fact]
    public async Task Once_a_step_of_the_phases_started_the_rollback_is_offered_as_before()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);
        run.Prompts.Answer(true).Answer(false).Answer(true);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(["'Deploy' is destructive. Run it now?", "'Restart' is destructive. Run it now?", "Run the rollback section (1 step(s))?"],
            run.Prompts.Questions);
        Assert.True(File.Exists(temp.File("undone")));
        Assert.Empty(result.Events("rollback-skipped"));
        // What there is to undo, said before the offer: the engineer decides on what ran, not by reflex.
        Assert.Contains("Before the stop, this run started 1.1 'Deploy' (marked destructive: 1.1 'Deploy').", result.Output);
    }

    [Fact]
    public async Task The_offer_after_only_steps_not_marked_destructive_says_so()
    {
        using var temp = new TempDirectory();
        using var run = new TestRun(rb => rb
            .Phase("Diagnose", p => p.Step("Check health", s => s.Run("true")))
            .Phase("Mitigate", p => p.Step("Deploy", s => s.Run($"touch {temp.File("deployed")}").RequiresConfirmation()))
            .Rollback(r => r.Step("Undo the deploy", s => s.Run($"touch {temp.File("undone")}"))));
        run.Prompts.Answer(false).Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        var offer = result.Output.IndexOf("Before the stop, this run started 1.1 'Check health' (none of them marked destructive).", StringComparison.Ordinal);
        Assert.True(offer > result.Output.IndexOf("declined", StringComparison.Ordinal), result.Output);
        Assert.Equal("Run the rollback section (1 step(s))?", run.Prompts.Questions[^1]);
        Assert.False(File.Exists(temp.File("undone")));
    }

    [Fact]
    public async Task The_offer_of_a_resume_names_the_steps_the_earlier_run_started_and_which_of_them_are_destructive()
    {
        // Found on call in the sandbox: the resume of a deploy Ctrl+C'd in its soak said "this run started 1.2 'Soak',
        // 1.3 … (none of them marked destructive); the run(s) this resumes started 2 step(s) of the phases (see the
        // journal)", which read as nothing to undo: the deploy those runs made was left for the journal to tell.
        using var temp = new TempDirectory();
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy", s => s.Run($"touch {temp.File("deployed")}").RequiresConfirmation())
                .Step("Soak", s => s.Run($"test -e {temp.File("healthy")}"))
                .Step("Restart", s => s.Run($"touch {temp.File("restarted")}").RequiresConfirmation()))
            .Rollback(r => r.Step("Undo the deploy", s => s.Run($"touch {temp.File("undone")}"))));
        run.Prompts.Answer(true).Answer(false); // the deploy ran, the soak failed; no rollback
        await run.RunAsync(TestRun.Interactive);
        File.WriteAllText(temp.File("healthy"), "");
        run.Prompts.Answer(false).Answer(false); // the soak passes now; the restart is declined, and the rollback too

        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

        Assert.Contains("Before the stop, this run started 1.2 'Soak' (none of them marked destructive); the run(s) this resumes "
            + "started 1.1 'Deploy', 1.2 'Soak' (marked destructive: 1.1 'Deploy').", resumed.Output);
    }

    [Fact]
    public async Task A_resume_that_started_no_step_names_what_the_earlier_run_started()
    {
        using var temp = new TempDirectory();
        using var failed = Runbook(temp, deployFails: true);
        failed.Prompts.Answer(true).Answer(false); // the deploy ran and failed; no rollback
        await failed.RunAsync(TestRun.Interactive);
        failed.Prompts.Answer(false).Answer(false); // the deploy is not run again, nor the rollback

        var resumed = await failed.RunAsync(TestRun.Interactive with { ResumeJournal = failed.JournalPath });

        Assert.Contains("Before the stop, this run started no step of the phases; the run(s) this resumes started 1.1 'Deploy' "
            + "(marked destructive: 1.1 'Deploy').", resumed.Output);
    }

    [Fact]
    public async Task A_resume_stopped_at_its_first_question_rolls_back_what_the_earlier_run_started()
    {
        using var temp = new TempDirectory();
        using var failed = Runbook(temp, deployFails: true);
        failed.Prompts.Answer(true).Answer(false); // the deploy ran and failed (it may have changed things); no rollback
        await failed.RunAsync(TestRun.Interactive);
        Assert.False(File.Exists(temp.File("undone")));
        using var interrupt = new CancellationTokenSource();

        var resumed = await new RunbookRunner(new PlainConsole().Console,
                new RunnerOptions { ResumeJournal = failed.JournalPath, JournalPath = failed.JournalPath, Clock = failed.Clock },
                new InterruptingPrompts(interrupt))
            .ExecuteAsync(failed.Bind(), interrupt.Token);

        Assert.Equal(RunStatus.Cancelled, resumed.Status);
        Assert.True(File.Exists(temp.File("undone")));
    }
}

using RunbookSdk.Execution;
using RunbookSdk.Hosting;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The engineer's SSH session drops (SIGHUP), or the runner gets a SIGTERM, while a question waits outside any started
/// step — a destructive step's confirmation, the rollback offer. The journal ended at the step before, as after a
/// kill -9: no word that the run was ended, nor where. The exit handler now journals the step as interrupted at its
/// question (nothing of it ran), or the rollback offer as interrupted, and a resume asks again. The signal's handler
/// (<see cref="RunnerExit.Now"/>) is called from the prompt, while the question is on screen.
/// </summary>
[Collection(RunnerExitCollection.Name)]
public sealed class RunnerEndedAtQuestionTests
{
    [Fact]
    public async Task A_runner_ended_at_a_confirmation_journals_the_step_interrupted_there_and_a_resume_asks_again()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Mitigate", ph => ph
                    .Step("Announce", s => s.Note("starting"))
                    .Step("Drop the table", s => s.Run($"touch {p["Marker"]}").RequiresConfirmation()))
                .NoRollback("test"));
        run.Parameter("Marker", run.Temp.File("dropped"));
        var prompts = new EndedWhileAsking("'Drop the table' is destructive");
        var options = TestRun.Interactive with { JournalPath = run.JournalPath, Clock = run.Clock };

        var running = new RunbookRunner(new PlainConsole().Console, options, prompts).ExecuteAsync(run.Bind(), CancellationToken.None);
        // A guard against hanging the test suite, not a limit on how fast the run must be.
        var thrown = await Record.ExceptionAsync(() => running.WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.IsType<RunnerEndingException>(thrown);
        Assert.False(File.Exists(run.Temp.File("dropped")), "the step ran after the runner began to go away");
        var journal = Journal.Read(run.JournalPath);
        var choice = journal.Single(e => e.Name == "choice" && e["about"] == "confirmation");
        Assert.Equal("interrupted", choice["choice"]);
        var end = journal.Last(e => e.Name == "step-finished");
        Assert.Equal(("Drop the table", "interrupted", "false", "1.2"), (end["title"], end["result"], end["started"], end["number"]));
        Assert.Equal("the runner was ended (SIGTERM, SIGHUP or a second Ctrl+C) at the confirmation; nothing of the step ran", end["reason"]);
        Assert.DoesNotContain(journal, e => e.Name == "step-started" && e["title"] == "Drop the table");
        Assert.DoesNotContain(journal, e => e.Name == "run-finished");

        // The resume runs the step again, asking its confirmation again.
        run.Prompts.Answer(true);
        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("'Drop the table' is destructive. Run it now?", run.Prompts.Questions);
        Assert.True(File.Exists(run.Temp.File("dropped")));
    }

    [Fact]
    public async Task A_runner_ended_at_the_rollback_offer_journals_the_offer_interrupted()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Deploy", ph => ph.Step("Deploy", s => s.Run("exit 3")))
                .Rollback(r => r.Step("Roll back", s => s.Run($"touch {p["Marker"]}"))));
        run.Parameter("Marker", run.Temp.File("rolled-back"));
        var prompts = new EndedWhileAsking("Run the rollback section");
        var options = TestRun.Interactive with { JournalPath = run.JournalPath, Clock = run.Clock };

        var running = new RunbookRunner(new PlainConsole().Console, options, prompts).ExecuteAsync(run.Bind(), CancellationToken.None);
        var thrown = await Record.ExceptionAsync(() => running.WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.IsType<RunnerEndingException>(thrown);
        Assert.False(File.Exists(run.Temp.File("rolled-back")));
        var journal = Journal.Read(run.JournalPath);
        var offer = journal[^1];
        Assert.Equal(("choice", "rollback", "interrupted"), (offer.Name, offer["about"], offer["choice"]));
        Assert.Equal("the runner was ended (SIGTERM, SIGHUP or a second Ctrl+C) at the rollback offer; the rollback did not start", offer["reason"]);
        Assert.Equal("failed", journal.Single(e => e.Name == "step-finished")["result"]);
    }

    [Fact]
    public async Task A_runner_ended_at_the_rollback_offer_says_the_rollback_was_not_run_and_what_a_resume_really_does()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Deploy", ph => ph.Step("Deploy", s => s.Run($"echo ran >> {p["Runs"]}; exit 3")))
                .Rollback(r => r.Step("Roll back", s => s.Run($"touch {p["Marker"]}"))));
        run.Parameter("Runs", run.Temp.File("runs")).Parameter("Marker", run.Temp.File("rolled-back"));
        var console = new PlainConsole();
        var options = TestRun.Interactive with { JournalPath = run.JournalPath, Clock = run.Clock };

        var running = new RunbookRunner(console.Console, options, new EndedWhileAsking("Run the rollback section")).ExecuteAsync(run.Bind(), CancellationToken.None);
        Assert.IsType<RunnerEndingException>(await Record.ExceptionAsync(() => running.WaitAsync(TimeSpan.FromMinutes(2))));

        // Before: "To go on: …; it continues after the last completed step." — none was completed, and the rollback was left.
        Assert.DoesNotContain("continues after the last completed step", console.Output, StringComparison.Ordinal);
        Assert.Contains("The rollback was not run: what the steps that ran changed is still in place. Not done: rollback step(s) R.1 'Roll back'. "
            + "Do them by hand (the runbook's page shows each), or resume: ", console.Output, StringComparison.Ordinal);
        Assert.Contains(" runs step 1.1 'Deploy' again and, should the run stop again, offers the rollback again.", console.Output, StringComparison.Ordinal);

        // What the words promise is what the resume does: its dry run shows the step to run again, not as completed …
        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run", "--resume", run.JournalPath);
        Assert.Contains("$ echo ran >> ", dry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[completed in the journal", dry.Output, StringComparison.Ordinal);
        // … and the resume runs the step again and, stopped again by it, offers the rollback again (declined here).
        run.Prompts.Answer(false);
        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });
        Assert.Equal(2, File.ReadAllLines(run.Temp.File("runs")).Length);
        Assert.Contains("Run the rollback section (1 step(s))?", run.Prompts.Questions);
        Assert.False(File.Exists(run.Temp.File("rolled-back")), resumed.Output);
    }

    [Fact]
    public async Task A_resume_of_a_journal_ended_at_the_rollback_offer_and_its_dry_run_say_so_before_the_first_step()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Deploy", ph => ph.Step("Deploy", s => s.Run($"echo ran >> {p["Runs"]}; exit 3")))
                .Rollback(r => r.Step("Roll back", s => s.Run($"touch {p["Marker"]}"))));
        run.Parameter("Runs", run.Temp.File("runs")).Parameter("Marker", run.Temp.File("rolled-back"));
        var options = TestRun.Interactive with { JournalPath = run.JournalPath, Clock = run.Clock };
        var running = new RunbookRunner(new PlainConsole().Console, options, new EndedWhileAsking("Run the rollback section")).ExecuteAsync(run.Bind(), CancellationToken.None);
        Assert.IsType<RunnerEndingException>(await Record.ExceptionAsync(() => running.WaitAsync(TimeSpan.FromMinutes(2))));
        const string said = "The journal's run ended at the rollback offer (SIGTERM, SIGHUP or a second Ctrl+C). The rollback was not run: "
            + "what the steps that ran changed is still in place. This resume runs step 1.1 'Deploy' again and, should the run stop again, offers the rollback again.";

        // Before, both said only that no completed step is repeated: the rollback left undone was the closing words' alone.
        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run", "--resume", run.JournalPath);
        Assert.Contains(said, dry.Output, StringComparison.Ordinal);
        Assert.True(dry.Output.IndexOf(said, StringComparison.Ordinal) < dry.Output.IndexOf("Phase 1: Deploy", StringComparison.Ordinal), dry.Output);

        run.Prompts.Answer(false);
        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });
        Assert.Contains(said, resumed.Output, StringComparison.Ordinal);
        Assert.True(resumed.Output.IndexOf(said, StringComparison.Ordinal) < resumed.Output.IndexOf("Phase 1/1: Deploy", StringComparison.Ordinal), resumed.Output);

        // Said of the run that ended at the offer, not of a later one: this resume's end (the offer declined) is its own.
        var again = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run", "--resume", run.JournalPath);
        Assert.DoesNotContain("ended at the rollback offer", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_names_the_rollback_steps_a_run_ended_at_the_rollback_offer_left_not_done_as_its_closing_words_do()
    {
        using var run = new TestRun(rb => rb
                .Phase("Deploy", ph => ph.Step("Deploy", s => s.Run("exit 3")))
                .Rollback(r => r
                    .Step("Undo the deploy", s => s.Run("true"))
                    .Step("Scale back", s => s.Run("true"))
                    .Step("Restore the cache", s => s.Run("true"))
                    .Step("Reopen traffic", s => s.Run("true"))
                    .Step("Tell the team", s => s.Run("true"))));
        var options = TestRun.Interactive with { JournalPath = run.JournalPath, Clock = run.Clock };
        var console = new PlainConsole();
        var running = new RunbookRunner(console.Console, options, new EndedWhileAsking("Run the rollback section")).ExecuteAsync(run.Bind(), CancellationToken.None);
        Assert.IsType<RunnerEndingException>(await Record.ExceptionAsync(() => running.WaitAsync(TimeSpan.FromMinutes(2))));
        Assert.Contains("Not done: rollback step(s) R.1 'Undo the deploy', R.2 'Scale back', R.3 'Restore the cache', R.4 'Reopen traffic', R.5 'Tell the team'.",
            console.Output, StringComparison.Ordinal);

        var said = System.Text.RegularExpressions.Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        // Before: "the rollback was not run, …" and no word of which steps; the first three and how many more keep it a line.
        Assert.Contains("offers the rollback again; rollback not done: R.1 'Undo the deploy', R.2 'Scale back', R.3 'Restore the cache' and 2 more; resume: ",
            said, StringComparison.Ordinal);

        // With no runbook to bind (an app that does not have it), the words stay as they were.
        var unbound = System.Text.RegularExpressions.Regex.Replace((await Host.RunAsync(new RunbookCatalog([], [], ""), "runs", run.JournalPath)).Output, @"\s+", " ");
        Assert.Contains("a resume runs step 1.1 'Deploy' again and offers the rollback again; resume: ", unbound, StringComparison.Ordinal);
        Assert.DoesNotContain("rollback not done", unbound, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_says_a_run_ended_at_the_rollback_offer_left_the_rollback_not_run()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Deploy", ph => ph.Step("Announce", s => s.Note("starting")).Step("Deploy", s => s.Run("exit 3")))
                .Rollback(r => r.Step("Roll back", s => s.Run($"touch {p["Marker"]}"))));
        run.Parameter("Marker", run.Temp.File("rolled-back"));
        var options = TestRun.Interactive with { JournalPath = run.JournalPath, Clock = run.Clock };
        var running = new RunbookRunner(new PlainConsole().Console, options, new EndedWhileAsking("Run the rollback section")).ExecuteAsync(run.Bind(), CancellationToken.None);
        Assert.IsType<RunnerEndingException>(await Record.ExceptionAsync(() => running.WaitAsync(TimeSpan.FromMinutes(2))));

        var listed = await Host.RunAsync(run.Catalog(), "runs", run.JournalPath);
        var said = System.Text.RegularExpressions.Regex.Replace(listed.Output, @"\s+", " ");

        // Before: "no end recorded (its runner was killed, or ended by a signal)", though the journal says the rollback was cut off.
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("last step 1.2 'Deploy': failed ended at the rollback offer (SIGTERM, SIGHUP or a second Ctrl+C): the rollback was not run, "
            + "what the steps that ran changed is still in place; a resume runs step 1.2 'Deploy' again and offers the rollback again; "
            + "rollback not done: R.1 'Roll back'; resume: ", said);
        Assert.DoesNotContain("no end recorded", said, StringComparison.Ordinal);

        // Said of the run cut off at the offer, not of a later one: a resume that declines the offer has an end of its own.
        run.Prompts.Answer(false);
        await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });
        var later = System.Text.RegularExpressions.Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");
        Assert.DoesNotContain("ended at the rollback offer", later, StringComparison.Ordinal);
        Assert.Contains("stopped: ", later, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "rollback declined")]
    [InlineData(false, "rollback offer unanswered")]
    public async Task Runs_says_a_run_whose_rollback_offer_was_declined_or_unanswered_left_the_rollback_not_run_and_names_its_steps(bool declined, string offer)
    {
        using var run = new TestRun(rb => rb
                .Phase("Deploy", ph => ph.Step("Deploy", s => s.Run("exit 3")))
                .Rollback(r => r
                    .Step("Undo the deploy", s => s.Run("true"))
                    .Step("Scale back", s => s.Run("true"))
                    .Step("Restore the cache", s => s.Run("true"))
                    .Step("Reopen traffic", s => s.Run("true"))));
        IOperatorPrompts prompts = declined ? run.Prompts.Answer(false) : new FailingPrompts();
        var console = new PlainConsole();
        var options = TestRun.Interactive with { JournalPath = run.JournalPath, Clock = run.Clock };
        var outcome = await new RunbookRunner(console.Console, options, prompts).ExecuteAsync(run.Bind(), CancellationToken.None);
        Assert.Contains("The rollback was not run: what the steps that ran changed is still in place. Not done: rollback step(s) R.1 'Undo the deploy', "
            + "R.2 'Scale back', R.3 'Restore the cache', R.4 'Reopen traffic'.", console.Output, StringComparison.Ordinal);

        var said = System.Text.RegularExpressions.Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        // Before: "stopped: Failed; resume: …", with no word that the rollback was not run, nor of its steps.
        Assert.Contains($"stopped: {outcome.Status}; {offer}: not run, what the steps that ran changed is still in place; "
            + "rollback not done: R.1 'Undo the deploy', R.2 'Scale back', R.3 'Restore the cache' and 1 more; resume: ", said, StringComparison.Ordinal);

        // With no runbook to bind, the journal still says the rollback was not run; the steps go unnamed.
        var unbound = System.Text.RegularExpressions.Regex.Replace((await Host.RunAsync(new RunbookCatalog([], [], ""), "runs", run.JournalPath)).Output, @"\s+", " ");
        Assert.Contains($"stopped: {outcome.Status}; {offer}: not run, what the steps that ran changed is still in place; resume: ", unbound, StringComparison.Ordinal);
        Assert.DoesNotContain("rollback not done", unbound, StringComparison.Ordinal);

        // Said of the run that did not take the offer, not of a later one: a resume that completes has an end of its own.
        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });
        var later = System.Text.RegularExpressions.Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", "--all", run.JournalPath)).Output, @"\s+", " ");
        Assert.DoesNotContain(offer, later, StringComparison.Ordinal);
        Assert.Contains($"stopped: {resumed.Outcome.Status}", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_keeps_an_operator_stopped_rollbacks_steps_not_done_less_those_a_resume_ended_later_completed()
    {
        using var run = new TestRun(rb => rb
                .Phase("Mitigate", ph => ph.Step("Scale up", s => s.Run("exit 1")))
                .Rollback(r => r
                    .Step("Undo the config", s => s.Run("true"))
                    .Step("Scale back", s => s.Run("true").RequiresConfirmation())
                    .Step("Announce the rollback", s => s.Run("true").RequiresConfirmation())));
        // The operator takes the rollback and stops it at R.2's confirmation: its notRun is "R.2 'Scale back'", "R.3 …".
        run.Prompts.Answer(true).Answer(false);
        Assert.Equal(RunStatus.Aborted, (await run.RunAsync(TestRun.Interactive)).Outcome.Status);
        Assert.Contains("; rollback not done: R.2 'Scale back', R.3 'Announce the rollback'; resume: ",
            System.Text.RegularExpressions.Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " "));

        // The resume runs the rollback again, completes R.2 and is ended (SIGHUP) at R.3's confirmation: no run-finished.
        run.Prompts.Answer(true).Answer(true);
        var options = TestRun.Interactive with { ResumeJournal = run.JournalPath, Clock = run.Clock };
        var resuming = new RunbookRunner(new PlainConsole().Console, options, new EndedWhileAsking("'Announce the rollback'", run.Prompts))
            .ExecuteAsync(run.Bind(), CancellationToken.None);
        Assert.IsType<RunnerEndingException>(await Record.ExceptionAsync(() => resuming.WaitAsync(TimeSpan.FromMinutes(2))));
        var journal = Journal.Read(run.JournalPath);
        Assert.Equal(1, journal.Count(e => e.Name == "step-finished" && e["title"] == "Scale back" && e["result"] == "succeeded"));
        Assert.Equal(1, journal.Count(e => e.Name == "run-finished"));

        var listed = System.Text.RegularExpressions.Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");
        // The stopped rollback's "R.2 'Scale back'" is matched by number and title to the step the resume completed.
        Assert.Contains("; rollback not done: R.3 'Announce the rollback'; resume: ", listed);
        Assert.DoesNotContain("R.2 'Scale back'", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runner_ended_at_a_decision_journals_the_decisions_group_as_every_record_of_a_decision_does()
    {
        using var run = new TestRun(rb => rb
                .Phase("Mitigate", ph => ph
                    .OneOf("Mitigation strategy", o => o
                        .Step("Restart", s => s.Run("true"))
                        .Step("Scale out", s => s.Run("true"))))
                .NoRollback("test"));
        var prompts = new EndedWhileAsking("Choose one: Mitigation strategy");
        var options = TestRun.Interactive with { JournalPath = run.JournalPath, Clock = run.Clock };

        var running = new RunbookRunner(new PlainConsole().Console, options, prompts).ExecuteAsync(run.Bind(), CancellationToken.None);
        var thrown = await Record.ExceptionAsync(() => running.WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.IsType<RunnerEndingException>(thrown);
        var choice = Journal.Read(run.JournalPath).Single(e => e.Name == "choice" && e["about"] == "alternative");
        // Before, this one record of the decision had no group: a review could not tell which decision was cut off.
        Assert.Equal(("interrupted", "Mitigation strategy"), (choice["choice"], choice["group"]));
    }

    /// <summary>
    /// The runner gets its SIGHUP while the question is on screen; then the answer (yes) comes, too late to count. The
    /// questions before it, if any, are <paramref name="before"/>'s to answer.
    /// </summary>
    private sealed class EndedWhileAsking(string question, IOperatorPrompts? before = null) : IOperatorPrompts
    {
        public Task<bool> ConfirmAsync(string asked, CancellationToken cancellationToken)
        {
            if (before is not null && !asked.StartsWith(question, StringComparison.Ordinal)) return before.ConfirmAsync(asked, cancellationToken);
            Assert.StartsWith(question, asked);
            RunnerExit.Now();
            return Task.FromResult(true);
        }

        public Task<int?> ChooseAsync(string asked, IReadOnlyList<string> options, CancellationToken cancellationToken)
        {
            Assert.StartsWith(question, asked);
            RunnerExit.Now();
            return Task.FromResult<int?>(0);
        }

        public Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"unexpected instruction: {instruction}");
    }
}

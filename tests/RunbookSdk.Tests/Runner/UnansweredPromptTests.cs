using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// docs/runner.md, Semantics 5: a question the prompts cannot answer (a front end's IOperatorPrompts throwing, standard
/// input failing) is never a yes. The step asked about does not run, the run goes on as when the operator declines, and
/// the journal says why and ends with run-finished. Before, the exception ended the run on the spot: no rollback
/// offer's outcome, no verification, no run-finished.
/// </summary>
public sealed class UnansweredPromptTests
{
    [Fact]
    public async Task A_destructive_step_whose_confirmation_cannot_be_answered_does_not_run_and_the_run_ends_with_verification()
    {
        var ran = new List<string>();
        using var run = LookThenDropWithRollback(ran);
        var prompts = new FailingPrompts();

        var result = await RunAsync(run, prompts);

        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal(["look", "check"], ran); // no drop, and the rollback offer nobody accepted ran nothing
        Assert.Equal(2, prompts.Questions.Count); // the confirmation, then the rollback offer
        Assert.Contains(result.Journal, e => e.Name == "choice" && e["about"] == "confirmation" && e["choice"] == "unanswered"
            && e["reason"]!.Contains("the confirmation could not be answered (IOException: Input/output error)", StringComparison.Ordinal));
        Assert.Contains(result.Journal, e => e.Name == "choice" && e["about"] == "rollback" && e["choice"] == "unanswered");
        Assert.Contains(result.Journal, e => e.Name == "verification-finished" && e["result"] == "succeeded");
        Assert.Equal("run-finished", result.Journal[^1].Name);
        Assert.Contains("The confirmation could not be answered (IOException: Input/output error). No answer is no yes", result.Output);
        Assert.Contains("Run ABORTED: a question to the operator could not be answered", result.Output);
    }

    [Fact]
    public async Task A_rollback_offer_nobody_answered_closes_naming_the_rollback_steps_not_done()
    {
        var ran = new List<string>();
        using var run = LookThenDropWithRollback(ran);

        var result = await RunAsync(run, new FailingPrompts());

        // As after a "no" at the offer: what ran is still in place, and the rollback is the engineer's to do.
        Assert.Contains("The rollback was not run: what the steps that ran changed is still in place. Not done: rollback step(s) R.1 'Restore'. "
            + $"Do them by hand (the runbook's page shows each), or resume: run test-runbook --resume \"{run.JournalPath}\" runs step 1.2 'Drop the table' again", result.Output);
        Assert.DoesNotContain("To continue after the last completed step", result.Output);
    }

    [Fact]
    public async Task A_condition_that_cannot_be_answered_stops_the_run_rather_than_skipping_the_step()
    {
        var ran = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p
                .Step("Drain", s => s.Execute("drain", _ => Record(ran, "drain")).OnlyIf("the node is still in the pool"))
                .Step("Reboot", s => s.Execute("reboot", _ => Record(ran, "reboot"))))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => Record(ran, "check")))));

        var result = await RunAsync(run, new FailingPrompts());

        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal(["check"], ran); // "no" would have skipped the drain and rebooted a node in the pool
        Assert.Contains(result.Journal, e => e.Name == "choice" && e["about"] == "condition" && e["choice"] == "unanswered");
        Assert.Equal("run-finished", result.Journal[^1].Name);
    }

    [Fact]
    public async Task A_manual_instruction_that_cannot_be_acknowledged_stops_the_run_with_the_rollback_offered()
    {
        var ran = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p
                .Step("Fail over the DNS", s => s.Instruction("Point api.example.com at the standby"))
                .Step("Warm the cache", s => s.Execute("warm", _ => Record(ran, "warm"))))
            .Rollback(r => r.Step("Restore", s => s.Execute("restore", _ => Record(ran, "restore"))))
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => Record(ran, "check")))));

        var result = await RunAsync(run, new FailingPrompts());

        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal(["check"], ran);
        Assert.Contains(result.Journal, e => e.Name == "choice" && e["about"] == "manual" && e["choice"] == "unanswered");
        Assert.Equal("run-finished", result.Journal[^1].Name);
    }

    [Fact]
    public async Task A_resume_question_that_cannot_be_answered_does_not_send_again()
    {
        var ran = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p.Step("Fail over", s => s.Execute("fail over", _ => Record(ran, "fail over"))))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => Record(ran, "check")))));
        // The earlier run died in the code: a resume asks before running it again.
        File.WriteAllLines(run.JournalPath,
        [
            """{"time":"2026-12-06T03:00:00+00:00","event":"run-started","runbook":"test-runbook","incidentStart":"2026-12-06T03:00:00+00:00","parameters":{}}""",
            """{"time":"2026-12-06T03:00:01+00:00","event":"step-started","key":"phase-1/step-1:Fail over","section":"phase-1","title":"Fail over","destructive":false}""",
            """{"time":"2026-12-06T03:00:01+00:00","event":"code-starting","key":"phase-1/step-1:Fail over","action":0,"code":"fail over"}""",
        ]);

        var result = await RunAsync(run, new FailingPrompts(), new RunnerOptions { ResumeJournal = run.JournalPath });

        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal(["check"], ran);
        Assert.Contains(result.Journal, e => e.Name == "choice" && e["about"] == "resend" && e["choice"] == "unanswered");
        Assert.Equal("run-finished", result.Journal[^1].Name);
    }

    [Fact]
    public async Task A_secret_prompt_that_cannot_be_answered_refuses_the_run_naming_the_variable_to_set()
    {
        var seen = new List<string>();
        using var run = SecretUsingRunbook.Create(seen);
        var console = new PlainConsole();

        // "error: Input/output error" (exit 1) named neither the secret nor where to put it.
        var outcome = await new RunbookRunner(console.Console, new RunnerOptions { JournalPath = run.JournalPath, Clock = run.Clock }, new FailingPrompts())
            .ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(RunStatus.NotStarted, outcome.Status);
        Assert.Contains("Missing secret parameter 'ApiToken': set the environment variable RUNBOOK_SECRET_APITOKEN", outcome.Reason);
        Assert.Contains("The prompt for 'ApiToken' could not be answered (IOException: Input/output error).", outcome.Reason);
        Assert.Empty(seen);
        Assert.False(File.Exists(run.JournalPath));
    }

    [Fact]
    public async Task A_decision_answered_with_an_option_it_does_not_have_runs_none_of_its_options_and_ends_the_run_with_verification()
    {
        var ran = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p.OneOf("Remedy", o => o
                .Step("Clear the cache", s => s.Execute("clear", _ => Record(ran, "clear")))
                .Step("Scale out", s => s.Execute("scale", _ => Record(ran, "scale")))))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => Record(ran, "check")))));

        // A front end answering the number it showed (from 1), not the index: 2 of two options. The exception this
        // threw after the prompt ended the run outside any step: no verification, no run-finished.
        var result = await RunAsync(run, new OptionNumberPrompts());

        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal(["check"], ran);
        Assert.Contains(result.Journal, e => e.Name == "choice" && e["about"] == "alternative" && e["choice"] == "unanswered"
            && e["reason"]!.Contains("answered option index 2 of 'Remedy', which has 2 options (indexes 0 to 1, or null for none of them)", StringComparison.Ordinal));
        Assert.Equal("run-finished", result.Journal[^1].Name);
    }

    [Fact]
    public async Task A_rollback_stopped_at_a_question_nobody_answered_does_not_say_the_operator_stopped_it()
    {
        var ran = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p.Step("Migrate", s => s.Execute("migrate", _ => throw new InvalidOperationException("migration failed"))))
            .Rollback(r => r.Step("Restore the database", s => s.Execute("restore", _ => Record(ran, "restore")).RequiresConfirmation()))
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => Record(ran, "check")))));

        // The rollback offer is answered (yes); the restore's confirmation then cannot be.
        var result = await RunAsync(run, new FailingPrompts(answers: 1));

        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal(["check"], ran);
        Assert.DoesNotContain("by the operator", result.Output, StringComparison.Ordinal);
        Assert.Contains("Rollback STOPPED at a question nobody could answer, at step R.1 'Restore the database'", result.Output);
        Assert.Contains("Run ABORTED: THE ROLLBACK STOPPED at a question nobody could answer: it is incomplete.", result.Output);
        Assert.Contains(result.Journal, e => e.Name == "rollback-finished" && e["result"] == "stopped"
            && e["reason"]!.StartsWith("the rollback stopped, its question unanswered, at step R.1", StringComparison.Ordinal));
        Assert.Equal("run-finished", result.Journal[^1].Name);
    }

    /// <summary>A front end that answers a decision with the number it showed rather than the index.</summary>
    private sealed class OptionNumberPrompts : IOperatorPrompts
    {
        public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken) => Task.FromResult(true);
        public Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken) => Task.FromResult(new ManualAcknowledgement(ManualChoice.Done));
        public Task<int?> ChooseAsync(string question, IReadOnlyList<string> options, CancellationToken cancellationToken) => Task.FromResult<int?>(options.Count);
    }

    /// <summary>A look, then a destructive drop that asks to be confirmed, with a rollback and a verification: each records that it ran in <paramref name="ran"/>.</summary>
    private static TestRun LookThenDropWithRollback(List<string> ran) => new(rb => rb
        .Phase("Fix", p => p
            .Step("Look", s => s.Execute("look", _ => Record(ran, "look")))
            .Step("Drop the table", s => s.Execute("drop", _ => Record(ran, "drop")).RequiresConfirmation()))
        .Rollback(r => r.Step("Restore", s => s.Execute("restore", _ => Record(ran, "restore"))))
        .Verification(v => v.Step("Check", s => s.Execute("check", _ => Record(ran, "check")))));

    private static Task Record(List<string> ran, string what)
    {
        ran.Add(what);
        return Task.CompletedTask;
    }

    private static async Task<RunResult> RunAsync(TestRun run, IOperatorPrompts prompts, RunnerOptions? options = null)
    {
        var console = new PlainConsole();
        var outcome = await new RunbookRunner(console.Console, (options ?? new RunnerOptions()) with { JournalPath = run.JournalPath, Clock = run.Clock }, prompts)
            .ExecuteAsync(run.Bind(), CancellationToken.None);
        return new RunResult(outcome, console.Output, Journal.Read(run.JournalPath));
    }
}

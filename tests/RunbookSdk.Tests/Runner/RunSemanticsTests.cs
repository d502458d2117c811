using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>The semantics of docs/runner.md: order, stop on failure, rollback, verification, confirmations, exit codes.</summary>
public sealed class RunSemanticsTests
{
    private static Func<StepContext, Task> Record(List<string> log, string name) => _ =>
    {
        log.Add(name);
        return Task.CompletedTask;
    };

    private static Func<StepContext, Task> Fail(List<string> log, string name) => _ =>
    {
        log.Add(name);
        throw new InvalidOperationException($"{name} broke");
    };

    private static TestRun Runbook(List<string> log, bool failMitigation = false, bool failRollback = false, bool failVerification = false, bool withRollback = true) =>
        new(rb =>
        {
            rb.Title("Semantics")
                .Phase("Diagnose", p => p
                    .Step("Look", s => s.Execute("look", Record(log, "look")))
                    .Step("Look again", s => s.Execute("look again", Record(log, "look again"))))
                .Phase("Mitigate", p => p
                    .Step("Fix", s => s.Execute("fix", failMitigation ? Fail(log, "fix") : Record(log, "fix")))
                    .Step("Tidy", s => s.Execute("tidy", Record(log, "tidy"))))
                .Verification(v => v
                    .Step("Check A", s => s.Execute("a", failVerification ? Fail(log, "check a") : Record(log, "check a")))
                    .Step("Check B", s => s.Execute("b", Record(log, "check b"))));
            if (withRollback)
                rb.Rollback(r => r
                    .Step("Undo", s => s.Execute("undo", failRollback ? Fail(log, "undo") : Record(log, "undo")))
                    .Step("Undo more", s => s.Execute("undo more", Record(log, "undo more"))));
        });

    [Fact]
    public async Task Phases_run_in_order_and_verification_runs_after_a_successful_run()
    {
        var log = new List<string>();
        using var run = Runbook(log);

        var result = await run.RunAsync();

        Assert.Equal(RunStatus.Succeeded, result.Outcome.Status);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["look", "look again", "fix", "tidy", "check a", "check b"], log);
        Assert.Contains("Run succeeded", result.Output);
    }

    [Fact]
    public async Task A_failed_step_stops_forward_progress_and_a_non_interactive_run_rolls_back_then_verifies()
    {
        var log = new List<string>();
        using var run = Runbook(log, failMitigation: true);

        var result = await run.RunAsync();

        Assert.Equal(["look", "look again", "fix", "undo", "undo more", "check a", "check b"], log);
        Assert.Equal(RunStatus.RolledBack, result.Outcome.Status);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("step 2.1 'Fix' failed: InvalidOperationException: fix broke", result.Outcome.Reason);
        Assert.Equal("rollback", result.Events("choice").Single()["about"]);
        Assert.Equal("--non-interactive", result.Events("choice").Single()["by"]);
    }

    [Fact]
    public async Task A_failed_rollback_stops_the_rollback_and_has_its_own_exit_code()
    {
        var log = new List<string>();
        using var run = Runbook(log, failMitigation: true, failRollback: true);

        var result = await run.RunAsync();

        Assert.Equal(["look", "look again", "fix", "undo", "check a", "check b"], log);
        Assert.Equal(RunStatus.RollbackFailed, result.Outcome.Status);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("ROLLBACK FAILED", result.Output);
    }

    [Fact]
    public async Task A_failed_rollback_names_whom_to_escalate_to_now()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Fix", s => s.Run("exit 1")))
            .Rollback(r => r.Step("Undo", s => s.Run("exit 1"))))
            .Handbook(hb => hb
                .Escalation(e => e
                    .Level("On-call engineer", TimeSpan.Zero, "oncall@example.com")
                    .Level("Engineering manager", TimeSpan.FromMinutes(15), "+1 555 0100")
                    .Level("CTO", TimeSpan.FromMinutes(30))));

        var result = await run.RunAsync();

        Assert.Equal(RunStatus.RollbackFailed, result.Outcome.Status);
        // "escalate now" alone left the engineer to look up whom, with the system in a state no section describes.
        Assert.Contains("ESCALATE NOW, without waiting for the levels' times: On-call engineer: oncall@example.com; "
            + "Engineering manager: +1 555 0100 (due after 15 minutes); CTO (due after 30 minutes)", result.Output);
    }

    [Fact]
    public async Task A_completed_rollback_whose_verification_failed_says_the_system_is_still_unhealthy_and_whom_to_escalate_to()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Fix", s => s.Run("exit 1")))
            .Rollback(r => r.Step("Undo", s => s.Run("exit 0")))
            .Verification(v => v.Step("Health is green", s => s.Run("exit 1"))))
            .Handbook(hb => hb
                .Escalation(e => e
                    .Level("On-call engineer", TimeSpan.Zero, "oncall@example.com")
                    .Level("Engineering manager", TimeSpan.FromMinutes(15), "+1 555 0100")));

        var result = await run.RunAsync();

        Assert.Equal(RunStatus.RolledBack, result.Outcome.Status);
        Assert.Equal(3, result.ExitCode);
        // Only a resume offered read as the incident being over, with the checks saying the system is still down.
        Assert.Contains("The rollback completed, but the verification after it FAILED ('Health is green': exit code 1, expected 0): the system is still unhealthy.", result.Output);
        Assert.Contains("ESCALATE NOW, without waiting for the levels' times: On-call engineer: oncall@example.com; "
            + "Engineering manager: +1 555 0100 (due after 15 minutes)", result.Output);
    }

    [Fact]
    public async Task A_completed_rollback_whose_verification_passed_does_not_ask_to_escalate()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Fix", s => s.Run("exit 1")))
            .Rollback(r => r.Step("Undo", s => s.Run("exit 0")))
            .Verification(v => v.Step("Health is green", s => s.Run("exit 0"))));

        var result = await run.RunAsync();

        Assert.Equal(RunStatus.RolledBack, result.Outcome.Status);
        Assert.DoesNotContain("still unhealthy", result.Output);
        Assert.DoesNotContain("ESCALATE NOW", result.Output);
    }

    [Fact]
    public async Task Declining_a_destructive_rollback_step_stops_the_rollback_as_the_operators_choice_not_a_failure()
    {
        var log = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Fix", s => s.Execute("fix", Fail(log, "fix"))))
            .Rollback(r => r
                .Step("Undo", s => s.Execute("undo", Record(log, "undo")))
                .Step("Restore the database", s => s.Execute("restore", Record(log, "restore")).RequiresConfirmation())
                .Step("Warm the cache", s => s.Execute("warm", Record(log, "warm"))))
            .Verification(v => v.Step("Check", s => s.Execute("check", Record(log, "check")))));
        run.Prompts.Answer(true).Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(["fix", "undo", "check"], log);
        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal(5, result.ExitCode);
        Assert.DoesNotContain("ROLLBACK FAILED", result.Output);
        Assert.DoesNotContain("escalate", result.Output);
        Assert.Contains("Rollback STOPPED by the operator at step R.2 'Restore the database': the operator declined the destructive step. The rollback steps before R.2 ran; not run: R.2 'Restore the database', R.3 'Warm the cache'.", result.Output);
        Assert.Contains($"Not done: rollback step(s) R.2 'Restore the database', R.3 'Warm the cache'. Do them by hand (the runbook's page shows each), or resume: run test-runbook --resume \"{run.JournalPath}\" runs step 1.1 'Fix' again", result.Output);
        Assert.Contains("the operator stopped the rollback at step R.2 'Restore the database'", result.Outcome.Reason);
        var decision = result.Events("choice").Last();
        Assert.Equal(("rollback/step-2:Restore the database", "confirmation", "declined", "operator"),
            (decision["key"], decision["about"], decision["choice"], decision["by"]));
        var finished = result.Events("rollback-finished").Single();
        Assert.Equal("stopped", finished["result"]);
        Assert.Equal(["R.2 'Restore the database'", "R.3 'Warm the cache'"], finished.Fields.GetProperty("notRun").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Aborting_a_manual_rollback_step_stops_the_rollback_the_same_way()
    {
        var log = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Fix", s => s.Execute("fix", Fail(log, "fix"))))
            .Rollback(r => r.Step("Fail over back", s => s.Instruction("Switch traffic back to the primary region")))
            .Verification(v => v.Step("Check", s => s.Execute("check", Record(log, "check")))));
        run.Prompts.Answer(true).Answer(ManualChoice.Abort);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal((RunStatus.Aborted, 5), (result.Outcome.Status, result.ExitCode));
        Assert.Contains("Rollback STOPPED by the operator at step R.1 'Fail over back': the operator aborted at a manual instruction. No rollback step ran", result.Output);
        Assert.Equal("stopped", result.Events("rollback-finished").Single()["result"]);
        Assert.Equal(["fix", "check"], log);
    }

    [Fact]
    public async Task The_console_numbers_rollback_and_verification_steps_as_the_page_does()
    {
        var log = new List<string>();
        using var run = Runbook(log, failMitigation: true, failRollback: true);

        var result = await run.RunAsync();

        // The generated page heads these steps "### R.1 Undo" and "### V.2 Check B".
        Assert.Contains("R.1  Undo", result.Output);
        Assert.Contains("V.2  Check B", result.Output);
        Assert.Contains("rollback step R.1 'Undo' failed", result.Outcome.Reason);
        Assert.Contains("rollback step R.1 'Undo' failed", result.Events("rollback-finished").Single()["reason"]);
        Assert.DoesNotContain("R1", result.Output);
    }

    [Fact]
    public async Task A_failure_without_a_rollback_section_exits_1_after_verification()
    {
        var log = new List<string>();
        using var run = Runbook(log, failMitigation: true, withRollback: false);

        var result = await run.RunAsync();

        Assert.Equal(["look", "look again", "fix", "check a", "check b"], log);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no rollback defined", result.Outcome.Reason);
    }

    [Fact]
    public async Task Every_verification_step_runs_and_a_failed_check_fails_a_successful_run()
    {
        var log = new List<string>();
        using var run = Runbook(log, failVerification: true);

        var result = await run.RunAsync();

        Assert.Equal(["look", "look again", "fix", "tidy", "check a", "check b"], log);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("verification failed: 'Check A'", result.Outcome.Reason);
    }

    [Fact]
    public async Task Interactively_the_rollback_is_offered_and_may_be_declined()
    {
        var log = new List<string>();
        using var run = Runbook(log, failMitigation: true);
        run.Prompts.Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(["look", "look again", "fix", "check a", "check b"], log);
        Assert.Equal(["Run the rollback section (2 step(s))?"], run.Prompts.Questions);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the operator declined the rollback", result.Outcome.Reason);
    }

    [Fact]
    public async Task A_declined_rollback_closes_saying_what_the_run_changed_is_still_in_place_and_which_rollback_steps_are_not_done()
    {
        var log = new List<string>();
        using var run = Runbook(log, failMitigation: true);
        run.Prompts.Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(1, result.ExitCode);
        // "To continue after the last completed step" alone read as if the run had left nothing behind.
        Assert.Contains("The rollback was not run: what the steps that ran changed is still in place. Not done: rollback step(s) R.1 'Undo', R.2 'Undo more'. "
            + $"Do them by hand (the runbook's page shows each), or resume: run test-runbook --resume \"{run.JournalPath}\" runs step 2.1 'Fix' again "
            + "and, should the run stop again, offers the rollback again.", result.Output);
        Assert.DoesNotContain("To continue after the last completed step", result.Output);
    }

    [Fact]
    public async Task A_destructive_step_asks_first_and_a_no_aborts_without_running_it()
    {
        var log = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Drop the cache", s => s.Execute("drop", Record(log, "drop")).RequiresConfirmation()))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Execute("check", Record(log, "check")))));
        run.Prompts.Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(["check"], log);
        Assert.Equal(["'Drop the cache' is destructive. Run it now?"], run.Prompts.Questions);
        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal(5, result.ExitCode);
        var choice = result.Events("choice").Single();
        Assert.Equal(("declined", "operator"), (choice["choice"], choice["by"]));
        Assert.DoesNotContain(result.Events("step-started"), e => e["title"] == "Drop the cache");
    }

    [Fact]
    public async Task Yes_accepts_confirmations_and_journals_who_accepted()
    {
        var log = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Drop the cache", s => s.Execute("drop", Record(log, "drop")).RequiresConfirmation()))
            .NoRollback("test"));

        var result = await run.RunAsync(new RunnerOptions { NonInteractive = true, AssumeYes = true });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["drop"], log);
        Assert.Equal("--yes", result.Events("choice").Single()["by"]);
    }

    [Fact]
    public async Task A_non_interactive_run_that_needs_a_person_refuses_to_start_and_runs_nothing()
    {
        var log = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Look", s => s.Execute("look", Record(log, "look")))
                .Step("Call the vendor", s => s.Instruction("Phone the vendor"))
                .Step("Drop the cache", s => s.Execute("drop", Record(log, "drop")).RequiresConfirmation()))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Empty(log);
        Assert.Equal(RunStatus.NotStarted, result.Outcome.Status);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'Call the vendor' has a manual instruction: pass --skip-manual", result.Outcome.Reason);
        Assert.Contains("'Drop the cache' is destructive and needs a confirmation: pass --yes", result.Outcome.Reason);
        Assert.False(File.Exists(run.JournalPath));
    }

    [Fact]
    public async Task Skip_manual_skips_manual_steps_and_journals_the_skip()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Call the vendor", s => s.Instruction("Phone the vendor")))
            .NoRollback("test"));

        var result = await run.RunAsync(new RunnerOptions { NonInteractive = true, SkipManual = true });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Call the vendor: skipped"], result.StepResults);
        Assert.Equal("--skip-manual", result.Events("choice").Single()["by"]);
    }

    [Theory]
    [InlineData(ManualChoice.Done, 0, "Call the vendor: succeeded")]
    [InlineData(ManualChoice.Skip, 0, "Call the vendor: skipped")]
    [InlineData(ManualChoice.Abort, 5, "Call the vendor: aborted")]
    public async Task A_manual_step_is_acknowledged_as_done_skipped_or_abort(ManualChoice choice, int exitCode, string recorded)
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Call the vendor", s => s.Instruction("Phone the vendor")))
            .NoRollback("test"));
        run.Prompts.Answer(choice, choice == ManualChoice.Skip ? "vendor is closed" : null);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal([recorded], result.StepResults);
        Assert.Equal(["Phone the vendor"], run.Prompts.Questions);
        if (choice == ManualChoice.Skip) Assert.Equal("vendor is closed", result.Events("choice").Single()["reason"]);
    }

    [Fact]
    public async Task A_monitor_asks_the_operator_whether_the_signal_looked_healthy()
    {
        using var run = new TestRun(rb => rb
            .Phase("Watch", p => p.Step("Watch errors", s => s.Monitor("the error rate", TimeSpan.FromMinutes(10))))
            .NoRollback("test"));
        run.Prompts.Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Did the error rate look healthy?"], run.Prompts.Questions);
        Assert.True(run.Clock.Elapsed >= TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task A_monitor_the_operator_judged_is_journaled_as_an_action_with_the_verdict_and_secrets_masked()
    {
        using var run = new TestRun((rb, values) => rb
            .Phase("Watch", p => p
                .Step("Watch errors", s => s.Monitor("the error rate", TimeSpan.FromMinutes(10)))
                .Step("Watch the token's calls", s => s.Monitor($"calls made with {values["ApiToken"]}", TimeSpan.FromMinutes(1))))
            .NoRollback("test"));
        run.Parameter("ApiToken", "tok-s3cr3t", secret: true);
        run.Prompts.Answer(true);
        run.Prompts.Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        var actions = result.Events("action").ToArray();
        Assert.Equal(2, actions.Length);
        Assert.Equal(("monitor", "the error rate", "healthy", "600000"), (actions[0]["kind"], actions[0]["what"], actions[0]["observed"], actions[0]["durationMs"]));
        Assert.Equal(("monitor", "unhealthy"), (actions[1]["kind"], actions[1]["observed"]));
        Assert.DoesNotContain("tok-s3cr3t", File.ReadAllText(run.JournalPath));
    }

    [Fact]
    public async Task A_monitor_watched_unattended_keeps_secrets_out_of_the_journal()
    {
        using var run = new TestRun((rb, values) => rb
            .Phase("Watch", p => p.Step("Watch the token's calls", s => s.Monitor($"calls made with {values["ApiToken"]}", TimeSpan.FromMinutes(1))))
            .NoRollback("test"));
        run.Parameter("ApiToken", "tok-s3cr3t", secret: true);

        var result = await run.RunAsync();

        Assert.Equal("unattended", Assert.Single(result.Events("action"))["observed"]);
        Assert.DoesNotContain("tok-s3cr3t", File.ReadAllText(run.JournalPath));
    }

    [Fact]
    public async Task Delegate_steps_get_parameters_outputs_of_earlier_steps_and_a_masked_logger()
    {
        string? seen = null;
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Read version", s => s.Run("echo 1.4.2"))
                .Step("Use it", s => s.Execute("use", ctx =>
                {
                    seen = $"{ctx.Parameters["Region"]} {ctx.Outputs["Read version"]}";
                    ctx.Log($"token is {ctx.Parameters["Token"]}");
                    ctx.SetOutput("answer", "42");
                    return Task.CompletedTask;
                })))
            .NoRollback("test"))
            .Parameter("Region", "eu-west-1")
            .Parameter("Token", "tok-5ecret", secret: true);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("eu-west-1 1.4.2", seen);
        Assert.Contains("token is ***", result.Output);
        Assert.Equal("token is ***", result.Events("log").Single()["message"]);
        Assert.DoesNotContain("tok-5ecret", result.Output);
    }

    [Fact]
    public async Task Waits_and_escalation_follow_the_incident_clock()
    {
        using var run = new TestRun(rb => rb
            .Severity(Severity.P1)
            .Phase("Settle", TimeBox.Minutes(0, 5), p => p.Step("Let it settle", s => s.Wait(TimeSpan.FromMinutes(40), "caches warm up")))
            .NoRollback("test"))
            .Handbook(hb => hb
                .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.FromMinutes(10)))
                .Escalation(e => e
                    .Level("On-call engineer", TimeSpan.Zero, "oncall@example.com")
                    .Level("Engineering manager", TimeSpan.FromMinutes(15), "+1 555 0100")
                    .Level("CTO", TimeSpan.FromMinutes(30))
                    .Level("Board", TimeSpan.FromHours(2))));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        var escalations = result.Events("escalation").ToArray();
        Assert.Equal(["On-call engineer", "Engineering manager", "CTO"], escalations.Where(e => e["who"] is not null).Select(e => e["who"]));
        Assert.Single(escalations, e => e["who"] is null);
        Assert.Contains("ESCALATE (immediately): On-call engineer: oncall@example.com", result.Output);
        Assert.Contains("ESCALATE (after 15 minutes): Engineering manager: +1 555 0100", result.Output);
        Assert.Contains("The P1 (Critical) response time of 10 minutes has passed.", result.Output);
        Assert.DoesNotContain("Board", result.Output);
        // Each level is announced once the clock has passed it, not before.
        foreach (var e in escalations.Where(e => e["who"] == "CTO"))
            Assert.True(long.Parse(e["elapsedMs"]!, System.Globalization.CultureInfo.InvariantCulture) >= 30 * 60 * 1000);
        Assert.Contains("Phase 'Settle' is past its time box (0-5 minutes)", result.Output);
        Assert.Equal(TimeSpan.FromMinutes(40), run.Clock.Elapsed);
    }

    [Fact]
    public async Task Snippets_and_notes_are_shown_and_never_executed()
    {
        using var run = new TestRun(rb => rb
            .Phase("Read", p => p.Step("Query", s => s
                .Snippet("bash", "touch /definitely/not/run")
                .Note("Look at the dashboard")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Snippet (bash, reference only, not executed)", result.Output);
        Assert.Empty(result.Events("action"));
    }
}

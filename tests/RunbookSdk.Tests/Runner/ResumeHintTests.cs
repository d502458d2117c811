using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The footer's resume hint must say what a resume will do. After a completed rollback a resume starts over from the
/// first step (the rollback undid the completed ones), so "continue after the last completed step" would lead the
/// engineer to run a destructive first step again believing it is skipped.
/// </summary>
public sealed class ResumeHintTests
{
    [Fact]
    public async Task After_an_interrupt_that_was_rolled_back_the_hint_says_a_resume_starts_over()
    {
        using var run = new TestRun(rb => rb
            .Phase("Deploy", p => p
                .Step("Deploy the new version", s => s.Execute("deploy", _ => Task.CompletedTask).RequiresConfirmation())
                .Step("Soak", s => s.Execute("soak", ctx => Task.Delay(Timeout.Infinite, ctx.CancellationToken))))
            .Rollback(r => r.Step("Roll back", s => s.Execute("roll back", _ => Task.CompletedTask)))
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => Task.CompletedTask))));
        using var ctrlC = new CancellationTokenSource();
        var running = run.RunAsync(new RunnerOptions { NonInteractive = true, AssumeYes = true }, ctrlC.Token);
        while (!running.IsCompleted && !JournalShows(run.JournalPath, "\"title\":\"Soak\""))
            await Task.Delay(20);
        ctrlC.Cancel();
        // A guard against hanging the test suite, not a limit on how fast the run must be.
        var result = await running.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(130, result.ExitCode);
        Assert.DoesNotContain("To continue after the last completed step", result.Output);
        Assert.Contains("The rollback undid the completed steps: a resume starts over from the first step", result.Output);
        // What the hint says is what a resume does: the destructive first step is asked for again.
        Assert.DoesNotContain(ResumeState.Read(run.JournalPath).CompletedSteps, key => key.StartsWith("phase-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_failed_step_that_was_rolled_back_the_hint_says_a_resume_starts_over()
    {
        // The commonest rollback (exit 3) closed with no hint at all, while docs/runner.md promised this one.
        using var run = new TestRun(rb => rb
            .Phase("Deploy", p => p
                .Step("Deploy the new version", s => s.Execute("deploy", _ => Task.CompletedTask))
                .Step("Smoke test", s => s.Execute("smoke", _ => throw new InvalidOperationException("smoke test failed"))))
            .Rollback(r => r.Step("Roll back", s => s.Execute("roll back", _ => Task.CompletedTask))));

        var result = await run.RunAsync(new RunnerOptions { NonInteractive = true });

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("The rollback undid the completed steps: a resume starts over from the first step: run test-runbook --resume", result.Output);
        Assert.DoesNotContain("To continue after the last completed step", result.Output);
    }

    [Fact]
    public async Task The_hint_of_a_run_given_a_webhook_names_it_for_the_resume_without_its_path()
    {
        // Pasted, the hint resumed without --webhook: the notifications still to come were only printed, without a word.
        // The webhook's path is its credential (a Slack incoming webhook's): only its host is shown and journaled.
        using var run = new TestRun(rb => rb
            .Phase("Deploy", p => p
                .Step("Smoke test", s => s.Execute("smoke", _ => throw new InvalidOperationException("smoke test failed"))))
            .NoRollback("test"));

        var result = await run.RunAsync(new RunnerOptions { NonInteractive = true, WebhookUrl = new Uri("https://hooks.example.com:8443/services/T1/B2/hook-credential") });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"To continue after the last completed step: run test-runbook --resume \"{run.JournalPath}\" --webhook WEBHOOK_URL\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("WEBHOOK_URL in the resume command: put there the --webhook URL the run posted its notifications to (at https://hooks.example.com:8443)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hook-credential", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hook-credential", File.ReadAllText(run.JournalPath), StringComparison.Ordinal);
        Assert.Equal("https://hooks.example.com:8443", ResumeState.Read(run.JournalPath).WebhookHost);
    }

    [Fact]
    public async Task With_the_output_in_a_file_the_run_says_how_it_ended_and_how_to_resume_on_the_terminal_too()
    {
        // `run … > run.log`: the hint went to the log alone; the engineer at the terminal never saw how to resume.
        using var run = new TestRun(rb => rb
            .Phase("Deploy", p => p.Step("Smoke test", s => s.Execute("smoke", _ => throw new InvalidOperationException("smoke test failed"))))
            .NoRollback("test"));
        var terminal = new PlainConsole();

        var result = await run.RunAsync(new RunnerOptions { NonInteractive = true, Terminal = terminal.Console });

        Assert.Equal(1, result.ExitCode);
        var hint = $"To continue after the last completed step: run test-runbook --resume \"{run.JournalPath}\"";
        Assert.Contains(hint, result.Output, StringComparison.Ordinal);
        Assert.Contains("Run FAILED.", terminal.Output, StringComparison.Ordinal);
        Assert.Contains($"journal {run.JournalPath}", terminal.Output, StringComparison.Ordinal);
        Assert.Contains(hint, terminal.Output, StringComparison.Ordinal);
        // Only the closing words: the steps and their output are in the log.
        Assert.DoesNotContain("Smoke test", terminal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resume_of_a_run_that_succeeded_says_so_before_it_checks_again()
    {
        var checks = 0;
        using var run = new TestRun(rb => rb
            .Phase("Deploy", p => p.Step("Deploy the new version", s => s.Execute("deploy", _ => Task.CompletedTask)))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => { checks++; return Task.CompletedTask; }))));

        var first = await run.RunAsync(new RunnerOptions { NonInteractive = true });
        var resumed = await run.RunAsync(new RunnerOptions { NonInteractive = true, ResumeJournal = run.JournalPath });

        Assert.Equal(0, first.ExitCode);
        Assert.DoesNotContain("already succeeded", first.Output, StringComparison.Ordinal);
        // Before, the resume started without a word, as if the journal were of a run that had stopped.
        Assert.Contains("The journal's run already succeeded: this resume repeats no completed step and runs the verification again", resumed.Output);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(2, checks);
    }

    [Fact]
    public async Task Run_finished_says_how_long_the_resume_itself_took_beside_the_incident_time()
    {
        var fail = true;
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p
                .Step("Drain", s => s.Wait(TimeSpan.FromMinutes(5), "let it drain"))
                .Step("Restart", s => s.Wait(TimeSpan.FromMinutes(2), "let it settle").Execute("restart", _ => fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask))
                .Step("Watch", s => s.Wait(TimeSpan.FromMinutes(3), "watch the error rate")))
            .NoRollback("test"));

        await run.RunAsync(new RunnerOptions { NonInteractive = true });
        fail = false;
        run.Clock.Advance(TimeSpan.FromMinutes(30)); // the engineer looked into it before resuming
        var resumed = await run.RunAsync(new RunnerOptions { NonInteractive = true, ResumeJournal = run.JournalPath });

        Assert.Equal(0, resumed.ExitCode);
        var finished = resumed.Journal.Last(e => e.Name == "run-finished");
        // elapsedMs alone (incident time, 40 minutes) read as the resume's length; it took the 3-minute watch (the
        // settle the earlier run waited out is not waited again).
        Assert.Equal(TimeSpan.FromMinutes(3).TotalMilliseconds, finished.Fields.GetProperty("runMs").GetInt64());
        Assert.Equal(TimeSpan.FromMinutes(40).TotalMilliseconds, finished.Fields.GetProperty("elapsedMs").GetInt64());
    }

    [Fact]
    public async Task After_an_interrupt_without_rollback_the_hint_says_a_resume_continues()
    {
        using var run = new TestRun(rb => rb
            .Phase("Deploy", p => p
                .Step("Deploy the new version", s => s.Execute("deploy", _ => Task.CompletedTask))
                .Step("Soak", s => s.Execute("soak", ctx => Task.Delay(Timeout.Infinite, ctx.CancellationToken))))
            .NoRollback("test"));
        using var ctrlC = new CancellationTokenSource();
        var running = run.RunAsync(new RunnerOptions { NonInteractive = true }, ctrlC.Token);
        while (!running.IsCompleted && !JournalShows(run.JournalPath, "\"title\":\"Soak\""))
            await Task.Delay(20);
        ctrlC.Cancel();
        var result = await running.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("To continue after the last completed step: run test-runbook --resume", result.Output);
    }

    [Fact]
    public async Task After_only_the_verification_failed_the_hint_says_a_resume_checks_again_and_repeats_no_step()
    {
        // "To continue after the last completed step" after a run whose every step was done read as if steps were left.
        var checks = 0;
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p.Step("Restart the service", s => s.Execute("restart", _ => Task.CompletedTask)))
            .NoRollback("test")
            .Verification(v => v.Step("Healthy", s => s.Execute("check", _ => ++checks == 1 ? throw new InvalidOperationException("still 503") : Task.CompletedTask))));

        var result = await run.RunAsync(new RunnerOptions { NonInteractive = true });

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("To continue after the last completed step", result.Output);
        Assert.Contains("Every step is done; the verification failed. Once what it found is put right, check again: run test-runbook --resume", result.Output);
        Assert.Contains("repeats no step and runs the verification again", result.Output);
        // What the hint says is what a resume does.
        var resumed = await run.RunAsync(new RunnerOptions { NonInteractive = true, ResumeJournal = run.JournalPath });
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(2, checks);
        Assert.Single(Journal.Read(run.JournalPath), e => e.Name == "step-started" && e["title"] == "Restart the service");
    }

    /// <summary>Reads the journal as `tail -f` would, beside the run that writes it.</summary>
    private static bool JournalShows(string path, string text)
    {
        if (!File.Exists(path)) return false;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd().Contains(text, StringComparison.Ordinal);
    }
}

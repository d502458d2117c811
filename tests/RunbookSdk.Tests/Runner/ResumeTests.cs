using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>Resuming from a journal: completed steps are never repeated, verification always runs again.</summary>
public sealed class ResumeTests
{
    private static TestRun Runbook(Dictionary<string, int> runs, Func<bool> secondFails) => new(rb => rb
        .Phase("Act", p => p
            .Step("Destroy", s => s.Execute("destroy", Count(runs, "Destroy")).RequiresConfirmation())
            .Step("Flaky", s => s.Execute("flaky", ctx =>
            {
                Count(runs, "Flaky")(ctx);
                return secondFails() ? throw new InvalidOperationException("not yet") : Task.CompletedTask;
            })))
        .NoRollback("test")
        .Verification(v => v.Step("Check", s => s.Execute("check", Count(runs, "Check")))));

    private static Func<StepContext, Task> Count(Dictionary<string, int> runs, string name) => _ =>
    {
        runs[name] = runs.GetValueOrDefault(name) + 1;
        return Task.CompletedTask;
    };

    [Fact]
    public async Task A_resumed_run_skips_completed_steps_reruns_the_failed_one_and_verifies_again()
    {
        var runs = new Dictionary<string, int>();
        var fail = true;
        using var run = Runbook(runs, () => fail);
        var options = new RunnerOptions { NonInteractive = true, AssumeYes = true };

        var first = await run.RunAsync(options);
        fail = false;
        var second = await run.RunAsync(options with { ResumeJournal = run.JournalPath });

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, runs["Destroy"]);
        Assert.Equal(2, runs["Flaky"]);
        Assert.Equal(2, runs["Check"]);
        Assert.Contains("already completed in the resumed journal: not repeated", second.Output);
        Assert.Single(second.Events("step-skipped"));
        Assert.Equal(2, second.Events("run-started").Count());
    }

    [Fact]
    public async Task A_resume_of_a_journal_the_runbook_changed_since_names_the_steps_it_no_longer_has()
    {
        var title = "Drain the node";
        var fail = true;
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step(title, s => s.Run("true"))
                .Step("Restart", s => s.Run(fail ? "exit 1" : "true")))
            .NoRollback("test"));
        var options = new RunnerOptions { NonInteractive = true };
        await run.RunAsync(options);

        // The runbook was edited between the failed run and its resume: the completed step has another title now.
        title = "Drain the node gracefully";
        fail = false;
        var resumed = await run.RunAsync(options with { ResumeJournal = run.JournalPath });

        Assert.Equal(0, resumed.ExitCode);
        // It runs again, as before; but no longer in silence behind "0 completed step(s) are not repeated".
        Assert.Contains("The journal records steps this runbook does not have: 1.1 'Drain the node' (completed). The runbook changed since", resumed.Output);
    }

    [Fact]
    public async Task A_resume_and_its_dry_run_say_their_opening_warnings_in_one_order_what_is_dangerous_first()
    {
        var title = "Drain the node";
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step(title, s => s.Run($"echo {p["Region"]}")))
            .NoRollback("test"));
        run.Parameter("Region", "eu-west-1");
        Assert.Equal(0, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);
        // Edited since, and resumed with another region: three warnings before the first step.
        title = "Drain the node gracefully";
        string[] inOrder =
        [
            "The journal records steps this runbook does not have: 1.1 'Drain the node' (completed).",
            "Region is 'us-east-1' in this resume; the journal's run had 'eu-west-1'.",
            "The journal's run already succeeded: this resume repeats no completed step and runs the verification again.",
        ];

        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run", "--resume", run.JournalPath, "Region=us-east-1");
        var live = await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", run.JournalPath, "Region=us-east-1", "--non-interactive");

        // Before, the dry run said the run already succeeded before the region changed, the live resume after it.
        foreach (var output in new[] { dry.Output, live.Output })
        {
            var at = inOrder.Select(line => output.IndexOf(line, StringComparison.Ordinal)).ToArray();
            Assert.All(at, position => Assert.True(position >= 0, output));
            Assert.True(at[0] < at[1] && at[1] < at[2], output);
        }
    }

    [Fact]
    public async Task A_line_cut_by_a_crash_is_ignored_and_the_next_event_starts_on_a_new_line()
    {
        var runs = new Dictionary<string, int>();
        var fail = true;
        using var run = Runbook(runs, () => fail);
        var options = new RunnerOptions { NonInteractive = true, AssumeYes = true };
        await run.RunAsync(options);
        File.AppendAllText(run.JournalPath, "{\"time\":\"2026-01-15T03:00:00Z\",\"event\":\"step-fin");

        fail = false;
        var state = ResumeState.Read(run.JournalPath);
        var console = new Support.PlainConsole();
        var outcome = await new RunbookRunner(console.Console, options with { ResumeJournal = run.JournalPath, JournalPath = run.JournalPath, Clock = run.Clock }, run.Prompts)
            .ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal("test-runbook", state.RunbookId);
        Assert.Contains(state.CompletedSteps, key => key.EndsWith(":Destroy", StringComparison.Ordinal));
        Assert.DoesNotContain(state.CompletedSteps, key => key.EndsWith(":Flaky", StringComparison.Ordinal));
        // The event after the cut line starts on its own line, so it is read back.
        Assert.Contains(File.ReadLines(run.JournalPath), line => line.StartsWith("{", StringComparison.Ordinal) && line.Contains("\"resumedFrom\"", StringComparison.Ordinal));
        Assert.Equal(RunStatus.Succeeded, outcome.Status);
        Assert.Equal(1, runs["Destroy"]);
    }

    [Fact]
    public async Task A_journal_of_another_runbook_is_refused()
    {
        var runs = new Dictionary<string, int>();
        using var first = Runbook(runs, () => false);
        await first.RunAsync(new RunnerOptions { NonInteractive = true, AssumeYes = true });
        using var other = new TestRun(rb => rb.Phase("P", p => p.Step("S", s => s.Note("n"))).NoRollback("test")) { Id = "other-runbook" };

        var result = await other.RunAsync(new RunnerOptions { NonInteractive = true, ResumeJournal = first.JournalPath });

        Assert.Equal(RunStatus.NotStarted, result.Outcome.Status);
        Assert.Contains("belongs to runbook 'test-runbook', not 'other-runbook'", result.Outcome.Reason);
    }

    [Fact]
    public async Task Resuming_a_resumed_run_from_its_own_journal_does_not_repeat_a_completed_destructive_step()
    {
        var runs = new Dictionary<string, int>();
        using var run = Runbook(runs, () => true);
        var options = new RunnerOptions { NonInteractive = true, AssumeYes = true };
        var second = run.Temp.File("second.jsonl");
        var third = run.Temp.File("third.jsonl");

        await run.RunAsync(options);
        await run.RunAsync(options with { ResumeJournal = run.JournalPath, JournalPath = second });
        await run.RunAsync(options with { ResumeJournal = second, JournalPath = third });

        Assert.Equal(1, runs["Destroy"]);
        Assert.Equal(3, runs["Flaky"]);
    }

    [Fact]
    public async Task A_rollback_after_a_resumed_run_ran_a_phase_step_again_repeats_the_rollback_steps_completed_before()
    {
        // Run 1: the deploy fails, "Undo the deploy" succeeds, "Clear the cache" fails. The resumed run deploys again
        // and its canary fails: the new rollback must undo this run's deploy, not skip the undo as completed.
        var deploys = 0;
        var undone = 0;
        var cacheWorks = false;
        using var run = new TestRun(rb => rb
            .Phase("Change", p => p
                .Step("Deploy", s => s.Execute("deploy", _ => ++deploys == 1 ? throw new InvalidOperationException("deploy failed") : Task.CompletedTask))
                .Step("Canary", s => s.Execute("canary", _ => throw new InvalidOperationException("canary unhealthy"))))
            .Rollback(r => r
                .Step("Undo the deploy", s => s.Execute("undo", _ => { undone++; return Task.CompletedTask; }))
                .Step("Clear the cache", s => s.Execute("clear", _ => cacheWorks ? Task.CompletedTask : throw new InvalidOperationException("cache down")))));
        var options = new RunnerOptions { NonInteractive = true };

        var first = await run.RunAsync(options);
        cacheWorks = true;
        var second = await run.RunAsync(options with { ResumeJournal = run.JournalPath });

        Assert.Equal(RunStatus.RollbackFailed, first.Outcome.Status);
        Assert.Equal(2, deploys);
        Assert.Equal(2, undone);
        Assert.Equal(RunStatus.RolledBack, second.Outcome.Status);
        Assert.Empty(second.Events("step-skipped"));
    }

    [Fact]
    public async Task A_line_that_is_json_but_no_event_and_a_parameter_that_is_not_text_do_not_stop_a_resume()
    {
        var runs = new Dictionary<string, int>();
        var fail = true;
        using var run = Runbook(runs, () => fail);
        var options = new RunnerOptions { NonInteractive = true, AssumeYes = true };
        await run.RunAsync(options);
        var edited = run.Temp.File("edited.jsonl");
        File.Copy(run.JournalPath, edited);
        File.AppendAllText(edited, "\"operator note: paused for the vendor call\"\n[1,2]\n{\"event\":\"run-started\",\"parameters\":{\"Retries\":3}}\n");

        fail = false;
        var second = await run.RunAsync(options with { ResumeJournal = edited, JournalPath = run.Temp.File("second.jsonl") });

        Assert.Equal(RunStatus.Succeeded, second.Outcome.Status);
        Assert.Equal(1, runs["Destroy"]);
    }

    [Fact]
    public async Task A_run_interrupted_inside_code_resumes_with_the_outputs_completed_steps_set_and_says_which_it_cannot_give_back()
    {
        var deploys = 0;
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var interrupt = true;
        string? version = null, secretRead = null;
        using var run = new TestRun(rb => rb
                .Phase("Act", p => p
                    .Step("Deploy", s => s.Execute("deploy", ctx =>
                    {
                        deploys++;
                        ctx.SetOutput("version", "1.4.2");
                        ctx.SetOutput("auth", $"Bearer {ctx.Parameters["Token"]}");
                        return Task.CompletedTask;
                    }))
                    .Step("Canary", s => s.Execute("canary", async ctx =>
                    {
                        if (interrupt)
                        {
                            inside.SetResult();
                            await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                        }
                        version = ctx.Outputs["version"];
                        try { secretRead = ctx.Outputs["auth"]; }
                        catch (KeyNotFoundException e) { secretRead = e.Message; }
                    })))
                .NoRollback("test"))
            .Parameter("Token", "tok-5ecret", secret: true);
        var options = new RunnerOptions { NonInteractive = true };

        using var ctrlC = new CancellationTokenSource();
        var first = run.RunAsync(options, ctrlC.Token);
        await inside.Task.WaitAsync(TimeSpan.FromMinutes(1));
        ctrlC.Cancel();
        var interrupted = await first.WaitAsync(TimeSpan.FromMinutes(1));
        interrupt = false;
        // The canary's code was interrupted before it finished: running it again is the engineer's decision.
        var resumed = await run.RunAsync(options with { ResumeJournal = run.JournalPath, ResendRequests = true });

        Assert.Equal(130, interrupted.ExitCode);
        Assert.Equal("interrupted by the operator (Ctrl+C); the code stopped when asked", interrupted.Events("step-finished").Last()["reason"]);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(1, deploys);
        Assert.Equal("1.4.2", version);
        Assert.Contains("The output 'auth' is not available to this resumed run", secretRead);
        Assert.Contains("held a secret", secretRead);
        // Resuming the resumed run's record finds the outputs again, the lost one still marked.
        var again = ResumeState.Read(run.JournalPath);
        Assert.Equal([("version", "1.4.2", false), ("auth", "Bearer ***", true)],
            again.Outputs.Skip(2).Select(o => (o.Name, o.Value, o.Masked)));
    }

    [Fact]
    public async Task A_parameter_journaled_masked_must_be_given_again_and_is_then_used_as_given()
    {
        var seen = new List<string>();
        var fail = true;
        using var run = new TestRun((rb, values) => rb
                .Phase("P", p => p.Step("Use target", s => s.Execute("use", ctx =>
                {
                    seen.Add(ctx.Parameters["Target"]);
                    return fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask;
                })))
                .NoRollback("test"))
            .Parameter("Password", "", secret: true)
            .Parameter("Target", "");
        var journal = run.Temp.File("j.jsonl");
        await Support.Host.RunAsync(run.Catalog(), "run", run.Id, "Password=prod", "Target=db-prod-01", "--non-interactive", "--journal", journal);
        fail = false;

        var refused = await Support.Host.RunAsync(run.Catalog(), "run", run.Id, "Password=prod", "--resume", journal, "--non-interactive");
        var resumed = await Support.Host.RunAsync(run.Catalog(), "run", run.Id, "Password=prod", "Target=db-prod-01", "--resume", journal, "--non-interactive");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("parameter 'Target': the journal holds its value masked", refused.Output);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(["db-prod-01", "db-prod-01"], seen);
    }

    [Fact]
    public async Task A_wait_the_run_died_in_waits_only_the_rest_of_its_time_on_resume()
    {
        var runs = new Dictionary<string, int>();
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy", s => s.Execute("deploy", Count(runs, "Deploy")))
                .Step("Settle", s => s.Wait(TimeSpan.FromHours(2), "caches warm up")))
            .NoRollback("test"));
        var options = new RunnerOptions { NonInteractive = true };
        await run.RunAsync(options);
        // kill -9 half an hour into the wait: the journal ends where the wait started.
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.Take(Array.FindIndex(lines, l => l.Contains("\"wait-started\"", StringComparison.Ordinal)) + 1));
        var until = DateTimeOffset.Parse(Journal.Read(run.JournalPath).Single(e => e.Name == "wait-started")["until"]!, System.Globalization.CultureInfo.InvariantCulture);
        run.Clock.Advance(until - TimeSpan.FromMinutes(90) - run.Clock.GetUtcNow());
        var before = run.Clock.GetUtcNow();

        var resumed = await run.RunAsync(options with { ResumeJournal = run.JournalPath });

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(1, runs["Deploy"]);
        Assert.Equal(TimeSpan.FromMinutes(90), run.Clock.GetUtcNow() - before);
        Assert.Contains("90 minutes left", resumed.Output);
    }

    [Fact]
    public async Task A_wait_given_another_duration_on_resume_waits_from_when_it_began_for_the_new_duration()
    {
        using var run = new TestRun((rb, values) => rb
                .Phase("Act", p => p
                    .Step("Deploy", s => s.Execute("deploy", _ => Task.CompletedTask))
                    .Step("Settle", s => s.Wait(TimeSpan.FromMinutes(int.Parse(values["Minutes"], System.Globalization.CultureInfo.InvariantCulture)), "caches warm up")))
                .NoRollback("test"))
            .Parameter("Minutes", "10");
        var options = new RunnerOptions { NonInteractive = true };
        await run.RunAsync(options);
        // kill -9 three minutes into the 10-minute wait; the engineer resumes with a longer settle time.
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.Take(Array.FindIndex(lines, l => l.Contains("\"wait-started\"", StringComparison.Ordinal)) + 1));
        var began = DateTimeOffset.Parse(Journal.Read(run.JournalPath).Single(e => e.Name == "wait-started")["time"]!, System.Globalization.CultureInfo.InvariantCulture);
        run.Clock.Advance(began + TimeSpan.FromMinutes(3) - run.Clock.GetUtcNow());
        var before = run.Clock.GetUtcNow();

        var resumed = await run.RunAsync(options with { ResumeJournal = run.JournalPath }, arguments: new Dictionary<string, string> { ["Minutes"] = "60" });

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(TimeSpan.FromMinutes(57), run.Clock.GetUtcNow() - before);
        Assert.Contains("57 minutes left", resumed.Output);
    }

    [Fact]
    public async Task A_wait_after_a_step_that_ran_again_waits_its_whole_time_on_resume()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy and settle", s => s.Execute("deploy", _ => Task.CompletedTask).Wait(TimeSpan.FromHours(2))))
            .NoRollback("test"));
        var options = new RunnerOptions { NonInteractive = true };
        await run.RunAsync(options);
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.Take(Array.FindIndex(lines, l => l.Contains("\"wait-started\"", StringComparison.Ordinal)) + 1));
        var before = run.Clock.GetUtcNow();

        var resumed = await run.RunAsync(options with { ResumeJournal = run.JournalPath });

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(TimeSpan.FromHours(2), run.Clock.GetUtcNow() - before);
    }
}

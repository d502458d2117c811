using RunbookSdk.Execution;

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
}

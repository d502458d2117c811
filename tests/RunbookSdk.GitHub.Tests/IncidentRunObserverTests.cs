using RunbookSdk.Execution;
using RunbookSdk.GitHub.Incidents;
using RunbookSdk.Model;

namespace RunbookSdk.GitHub.Tests;

/// <summary>The run observer adapter: runner events become the incident issue, its timeline and the post-incident report.</summary>
public sealed class IncidentRunObserverTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 2, 59, 0, TimeSpan.Zero);
    private readonly FakeGitHub _github = new();

    [Fact]
    public async Task RunnerEventsBecomeTheIssueTheTimelineAndThePostIncidentReport()
    {
        var observer = IncidentRunObserver.ForRepository(new GitHubConnection("octo/ops", "ghs_test", _github.ApiUrl));

        await observer.RunStartedAsync(new RunStartedEvent("payments-api-down", "Payments API down", "P1", Start, Start, ["5XX above 5%"], "j.jsonl"), CancellationToken.None);
        await observer.StepFinishedAsync(new StepFinishedEvent("phase-1", "Assess", "Check health", "failed", "HTTP 503", Start.AddMinutes(1), TimeSpan.FromSeconds(2)), CancellationToken.None);
        await observer.RunEndedAsync(new RunEndedEvent(RunStatus.RolledBack, 3, "step 1.1 failed", Start.AddMinutes(4), [new ChecklistStagePlan("Within 24 hours", ["Write the timeline"])]), CancellationToken.None);

        Assert.Empty(observer.Problems);
        Assert.Equal("GitHub incident issue", ((IRunObserver)observer).Name);
        var issue = Assert.Single(_github.Writes, r => r.Path == "/repos/octo/ops/issues");
        Assert.Equal("[P1] Payments API down (payments-api-down)", issue.Body!["title"]!.GetValue<string>());
        var comments = _github.Writes.Where(r => r.Path == "/repos/octo/ops/issues/42/comments").Select(r => r.Body!["body"]!.GetValue<string>()).ToArray();
        Assert.Equal(2, comments.Length);
        Assert.Contains("Assess › Check health: **failed**", comments[0], StringComparison.Ordinal);
        Assert.Contains("- **Outcome:** failed and rolled back (exit code 3) – step 1.1 failed", comments[1], StringComparison.Ordinal);
        Assert.Contains("- [ ] Write the timeline", comments[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_post_incident_report_names_the_steps_the_run_did_not_reach()
    {
        // The report ended at the step that stopped the run: whoever took the incident up from the issue could not tell
        // what was left undone without the runbook beside it.
        var observer = IncidentRunObserver.ForRepository(new GitHubConnection("octo/ops", "ghs_test", _github.ApiUrl));
        await observer.RunStartedAsync(new RunStartedEvent("payments-api-down", "Payments API down", "P1", Start, Start, [], "j.jsonl"), CancellationToken.None);

        await observer.RunEndedAsync(new RunEndedEvent(RunStatus.Failed, 1, "step 1.2 'Deploy' failed", Start.AddMinutes(4), [])
        {
            // As the runner hands them over: masked. A title that mentions a team is no page to it.
            NotReached = [new StepNotReached("1.3", "Restart ***"), new StepNotReached("2.1", "Tell @payments-team")],
        }, CancellationToken.None);

        Assert.Empty(observer.Problems);
        var report = Assert.Single(_github.Writes, r => r.Path == "/repos/octo/ops/issues/42/comments").Body!["body"]!.GetValue<string>();
        Assert.Contains("- **Outcome:** failed (exit code 1) – step 1.2 'Deploy' failed\n- **Not reached:** 1.3 'Restart ***', 2.1 'Tell @\u200Bpayments-team'\n\n",
            report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_post_incident_report_names_the_rollback_steps_a_failed_rollback_left_not_done()
    {
        // The report said the rollback failed, but not which undo was left: the system was neither as the run left it
        // nor as it was before, and whoever took the incident up from the issue could not tell what to undo by hand.
        var observer = IncidentRunObserver.ForRepository(new GitHubConnection("octo/ops", "ghs_test", _github.ApiUrl));
        await observer.RunStartedAsync(new RunStartedEvent("payments-api-down", "Payments API down", "P1", Start, Start, [], "j.jsonl"), CancellationToken.None);

        await observer.RunEndedAsync(new RunEndedEvent(RunStatus.RollbackFailed, 4, "rollback step R.1 'Undo the config' failed", Start.AddMinutes(4), [])
        {
            NotReached = [new StepNotReached("1.2", "Soak")],
            // As the runner hands them over: masked, and a title that mentions a team is no page to it.
            RollbackNotReached = [new StepNotReached("R.2", "Restore ***"), new StepNotReached("R.3", "Tell @payments-team")],
        }, CancellationToken.None);

        Assert.Empty(observer.Problems);
        var report = Assert.Single(_github.Writes, r => r.Path == "/repos/octo/ops/issues/42/comments").Body!["body"]!.GetValue<string>();
        Assert.Contains("- **Not reached:** 1.2 'Soak'\n- **Rollback not done:** R.2 'Restore ***', R.3 'Tell @\u200Bpayments-team'\n\n",
            report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_post_incident_report_names_the_rollback_steps_an_operator_stopped_rollback_left_not_done()
    {
        // As the runner hands over a rollback stopped by the operator's "no" at R.2 (ObserverTests): the step said no to
        // and those after it, in the words a failed rollback's are said in.
        var observer = IncidentRunObserver.ForRepository(new GitHubConnection("octo/ops", "ghs_test", _github.ApiUrl));
        await observer.RunStartedAsync(new RunStartedEvent("payments-api-down", "Payments API down", "P1", Start, Start, [], "j.jsonl"), CancellationToken.None);

        await observer.RunEndedAsync(new RunEndedEvent(RunStatus.Aborted, 5, "the operator stopped the rollback at step R.2 'Restore ***'", Start.AddMinutes(4), [])
        {
            RollbackNotReached = [new StepNotReached("R.2", "Restore ***"), new StepNotReached("R.3", "Announce the rollback")],
        }, CancellationToken.None);

        Assert.Empty(observer.Problems);
        var report = Assert.Single(_github.CommentBodies);
        Assert.Contains("- **Outcome:** aborted by the operator (exit code 5) – the operator stopped the rollback at step R.2 'Restore ***'\n"
            + "- **Rollback not done:** R.2 'Restore ***', R.3 'Announce the rollback'\n\n", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Not reached", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_reached_every_step_reports_none_not_reached()
    {
        var observer = IncidentRunObserver.ForRepository(new GitHubConnection("octo/ops", "ghs_test", _github.ApiUrl));
        await observer.RunStartedAsync(new RunStartedEvent("payments-api-down", "Payments API down", "P1", Start, Start, [], "j.jsonl"), CancellationToken.None);

        await observer.RunEndedAsync(new RunEndedEvent(RunStatus.Succeeded, 0, null, Start.AddMinutes(4), []), CancellationToken.None);

        var report = Assert.Single(_github.CommentBodies);
        Assert.Contains("- **Outcome:** succeeded (exit code 0)\n\n### Timeline", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Not reached", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Rollback not done", report, StringComparison.Ordinal);
    }

    public void Dispose() => _github.Dispose();
}

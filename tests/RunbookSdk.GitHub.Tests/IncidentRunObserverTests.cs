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

    public void Dispose() => _github.Dispose();
}

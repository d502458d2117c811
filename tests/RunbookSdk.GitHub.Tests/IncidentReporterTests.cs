using RunbookSdk.GitHub.Incidents;

namespace RunbookSdk.GitHub.Tests;

/// <summary>Incident issues: opened with title and severity label, a timeline comment per step, the post-incident report at the end; failures queued, never thrown.</summary>
public sealed class IncidentReporterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 2, 59, 0, TimeSpan.Zero);
    private readonly FakeGitHub _github = new();

    private GitHubIncidentReporter Reporter() => new(new GitHubConnection("octo/ops", "ghs_test", _github.ApiUrl));

    private static IncidentStart Incident() => new("payments-api-down", "Payments API down", "P1", Start, ["5XX above 5%"]);

    private static IncidentEnd End() => new("completed", Start.AddMinutes(12), [("Immediate (0-24 hours)", ["Write the timeline", "Notify stakeholders"])]);

    [Fact]
    public async Task OpensALabelledIssueCommentsEachStepAndPostsThePostIncidentReport()
    {
        var reporter = Reporter();

        await reporter.StartAsync(Incident());
        await reporter.StepAsync(new IncidentStep("Assess", "Check health", "succeeded", Start.AddMinutes(1), "HTTP 503"));
        await reporter.StepAsync(new IncidentStep("Mitigate", "Restart", "succeeded", Start.AddMinutes(5), null));
        await reporter.EndAsync(End());

        Assert.Empty(reporter.Problems);
        var writes = _github.Writes.Select(r => $"{r.Method} {r.Path}").ToArray();
        Assert.Equal(
        [
            "POST /repos/octo/ops/labels",
            "POST /repos/octo/ops/issues",
            "POST /repos/octo/ops/issues/42/comments",
            "POST /repos/octo/ops/issues/42/comments",
            "POST /repos/octo/ops/issues/42/comments",
        ], writes);
        var issue = _github.Writes[1].Body!;
        Assert.Equal("[P1] Payments API down (payments-api-down)", issue["title"]!.GetValue<string>());
        Assert.Equal(["incident", "P1"], issue["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("P1", _github.Writes[0].Body!["name"]!.GetValue<string>());
        var comments = _github.Writes.Skip(2).Select(r => r.Body!["body"]!.GetValue<string>()).ToArray();
        Assert.StartsWith("**2025-03-01 03:00:00 UTC** · Assess › Check health: **succeeded**", comments[0], StringComparison.Ordinal);
        Assert.Contains("HTTP 503", comments[0], StringComparison.Ordinal);
        Assert.Contains("## Post-incident report", comments[2], StringComparison.Ordinal);
        Assert.Contains("- **Duration:** 00:12:00", comments[2], StringComparison.Ordinal);
        Assert.Contains("| 2025-03-01 03:04:00 UTC | Mitigate | Restart | succeeded |", comments[2], StringComparison.Ordinal);
        Assert.Contains("- [ ] Notify stakeholders", comments[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExistingSeverityLabelIsNotCreatedAgain()
    {
        var first = Reporter();
        await first.StartAsync(Incident());
        var second = Reporter();
        await second.StartAsync(Incident() with { StartedAt = Start.AddHours(1) });

        Assert.Single(_github.Writes, r => r.Path.EndsWith("/labels", StringComparison.Ordinal));
        Assert.Equal(43, second.IssueNumber);
    }

    [Fact]
    public async Task GitHubDownDuringTheRunIsRetriedAtTheEndInOrder()
    {
        var reporter = Reporter();
        _github.Fail = r => r.Method == "GET" ? null : FakeGitHub.Error(502, "Bad Gateway");

        await reporter.StartAsync(Incident());
        await reporter.StepAsync(new IncidentStep("Assess", "Check health", "failed", Start.AddMinutes(1), null));
        Assert.Null(reporter.IssueNumber);
        Assert.Contains("502", reporter.Problems[0], StringComparison.Ordinal);

        _github.Fail = null;
        await reporter.EndAsync(End());

        Assert.Equal(42, reporter.IssueNumber);
        var posts = _github.Requests.Where(r => r.Method == "POST" && !r.Path.EndsWith("/labels", StringComparison.Ordinal)).Select(r => r.Path).ToArray();
        Assert.Equal(["/repos/octo/ops/issues", "/repos/octo/ops/issues/42/comments", "/repos/octo/ops/issues/42/comments"], posts);
        var comments = _github.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/issues/42/comments", StringComparison.Ordinal)).Select(r => r.Body!["body"]!.GetValue<string>()).ToArray();
        Assert.Equal(2, comments.Length);
        Assert.Contains("Check health: **failed**", comments[0], StringComparison.Ordinal);
        Assert.Contains("Post-incident report", comments[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHubDownForTheWholeRunNeverThrowsAndSaysWhatWasLost()
    {
        var reporter = Reporter();
        _github.Fail = _ => FakeGitHub.Error(401, "Bad credentials");

        await reporter.StartAsync(Incident());
        await reporter.StepAsync(new IncidentStep("Assess", "Check health", "succeeded", Start, null));
        await reporter.EndAsync(End());

        Assert.Null(reporter.IssueNumber);
        Assert.Contains(reporter.Problems, p => p.Contains("401", StringComparison.Ordinal));
        Assert.Contains(reporter.Problems, p => p.Contains("post-incident", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStepWithAHugeOutputStillGetsItsTimelineCommentWithTheEndOfTheOutput()
    {
        var reporter = Reporter();
        // curl of a health endpoint that answers with one 100 kB line of JSON, then the line that matters.
        var detail = "expected status 200, got 503\n{\"checks\":[" + string.Concat(Enumerable.Repeat("{\"name\":\"db\",\"ok\":true},", 4_000)) + "]}\nupstream payments-db: connection refused";

        await reporter.StartAsync(Incident());
        await reporter.StepAsync(new IncidentStep("Assess", "Check health", "failed", Start.AddMinutes(1), detail));
        await reporter.StepAsync(new IncidentStep("Mitigate", "Restart", "succeeded", Start.AddMinutes(5), null));

        Assert.Empty(reporter.Problems);
        var comments = _github.Writes.Where(r => r.Path.EndsWith("/issues/42/comments", StringComparison.Ordinal)).Select(r => r.Body!["body"]!.GetValue<string>()).ToArray();
        Assert.Equal(2, comments.Length);
        Assert.True(comments[0].Length <= FakeGitHub.MaxBodyLength, comments[0].Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("expected status 200, got 503", comments[0], StringComparison.Ordinal);
        Assert.Contains("upstream payments-db: connection refused", comments[0], StringComparison.Ordinal);
        Assert.Contains("characters cut", comments[0], StringComparison.Ordinal);
        Assert.Contains("Restart: **succeeded**", comments[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandOutputInTheReasonAndStepTextCannotPingPeopleReferenceIssuesOrHideTheReport()
    {
        var reporter = Reporter();
        // A failing deploy script's last stderr line ends up in the run's reason; a symptom quotes an alert.
        var incident = new IncidentStart("payments-api-down", "Payments API down", "P1", Start, ["alert from @sre-bot: see #12"]);
        var reason = "step 2.1 'Deploy' failed: exit code 1: error: notify @everyone and @octo/payments, see #123 <!-- unterminated";

        await reporter.StartAsync(incident);
        await reporter.StepAsync(new IncidentStep("Mitigate", "Ping @octo/oncall", "failed", Start.AddMinutes(1), null));
        await reporter.EndAsync(new IncidentEnd("failed", Start.AddMinutes(12), [("Immediate", ["Write the timeline"])], reason));

        var bodies = _github.Writes.Select(r => r.Body?["body"]?.GetValue<string>()).OfType<string>().ToArray();
        var report = bodies[^1];
        foreach (var body in bodies)
        {
            Assert.DoesNotMatch(@"(^|[^\w`])@[A-Za-z0-9]", body);
            Assert.DoesNotMatch(@"(^|[^\w&`])#[0-9]", body);
            Assert.DoesNotContain("<!--", body, StringComparison.Ordinal);
        }
        Assert.Contains("- [ ] Write the timeline", report, StringComparison.Ordinal);
        Assert.Contains("everyone", report, StringComparison.Ordinal);
        Assert.Contains("123", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASeverityLabelTheTokenCannotReadOrCreateStillOpensTheIssue()
    {
        var reporter = Reporter();
        // A fine-grained token with issues: write but without the labels part, or an org that forbids creating labels.
        _github.Fail = r => r.Path.Contains("/labels", StringComparison.Ordinal) ? FakeGitHub.Error(403, "Resource not accessible by integration") : null;

        await reporter.StartAsync(Incident());
        await reporter.StepAsync(new IncidentStep("Assess", "Check health", "succeeded", Start.AddMinutes(1), null));

        Assert.Equal(42, reporter.IssueNumber);
        Assert.Single(_github.Writes, r => r.Path.EndsWith("/issues/42/comments", StringComparison.Ordinal));
        Assert.Contains(reporter.Problems, p => p.Contains("label", StringComparison.Ordinal) && p.Contains("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARateLimitStopsTheRetriesAtTheEndInsteadOfHammeringAndSaysWhatWasNotDelivered()
    {
        var reporter = Reporter();
        await reporter.StartAsync(Incident());
        _github.Fail = r => r.Method == "POST" ? FakeGitHub.RateLimited() : null;
        var before = _github.Requests.Count;

        for (var i = 1; i <= 200; i++)
            await reporter.StepAsync(new IncidentStep("Mitigate", $"Drain node {i}", "succeeded", Start.AddMinutes(1), null));
        await reporter.EndAsync(End());

        // Every further request within the hour is refused too, and each one counts against the secondary limits.
        Assert.True(_github.Requests.Count - before <= 3, $"{_github.Requests.Count - before} requests while rate-limited");
        Assert.True(reporter.Problems.Count <= 5, string.Join("\n", reporter.Problems));
        Assert.Contains(reporter.Problems, p => p.Contains("201", StringComparison.Ordinal) && p.Contains("not delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AResumedRunContinuesTheIncidentIssueOfTheRunItResumes()
    {
        var first = Reporter();
        await first.StartAsync(Incident());
        await first.StepAsync(new IncidentStep("Assess", "Check health", "succeeded", Start.AddMinutes(1), null));

        // The process was killed; `run --resume journal` starts a new process whose incident clock is the journal's first start.
        var resumed = Reporter();
        await resumed.StartAsync(Incident() with { RunStartedAt = Start.AddMinutes(29) });
        await resumed.StepAsync(new IncidentStep("Mitigate", "Restart", "succeeded", Start.AddMinutes(30), null));
        await resumed.EndAsync(End() with { EndedAt = Start.AddMinutes(31) });

        Assert.Single(_github.Writes, r => r.Path == "/repos/octo/ops/issues");
        Assert.Equal(42, resumed.IssueNumber);
        Assert.Empty(resumed.Problems);
        var comments = _github.Writes.Where(r => r.Path == "/repos/octo/ops/issues/42/comments").Select(r => r.Body!["body"]!.GetValue<string>()).ToArray();
        Assert.Equal(4, comments.Length);
        // The timeline says the run was resumed, and when, before the resumed run's first step.
        Assert.StartsWith("**2025-03-01 03:28:00 UTC** · **Run resumed**", comments[1], StringComparison.Ordinal);
        Assert.Contains("journal", comments[1], StringComparison.Ordinal);
        Assert.Contains("Restart: **succeeded**", comments[2], StringComparison.Ordinal);
        Assert.Contains("Since the run resumed at 2025-03-01 03:28:00 UTC", comments[3], StringComparison.Ordinal);

        // Another incident of the same runbook (a later start) gets its own issue.
        var next = Reporter();
        await next.StartAsync(Incident() with { StartedAt = Start.AddHours(5) });
        Assert.Equal(43, next.IssueNumber);
    }

    [Fact]
    public async Task AResumedRunFindsItsIssueBehindAHundredNewerIncidents()
    {
        var first = Reporter();
        await first.StartAsync(Incident());
        // A busy organisation: alerting opened 120 incident issues since this incident started.
        for (var i = 0; i < 120; i++) _github.AddIssue($"[P3] Disk usage high on node-{i}", "Opened by alerting.", "incident", "P3");

        var resumed = Reporter();
        await resumed.StartAsync(Incident() with { RunStartedAt = Start.AddMinutes(29) });

        Assert.Equal(42, resumed.IssueNumber);
        Assert.Single(_github.Writes, r => r.Path == "/repos/octo/ops/issues");
    }

    [Fact]
    public async Task ALongRunsPostIncidentReportStillFitsACommentWithItsLastStepsAndTheChecklist()
    {
        var reporter = Reporter();
        await reporter.StartAsync(Incident());
        // Draining a fleet node by node: 700 steps with descriptive titles.
        for (var i = 1; i <= 700; i++)
            await reporter.StepAsync(new IncidentStep("Mitigate", $"Drain node payments-worker-{i:000} in eu-west-1 and wait until its queue is empty", "succeeded", Start.AddSeconds(i), null));
        var reason = "step 2.700 failed: " + new string('x', 70_000);

        await reporter.EndAsync(End() with { Reason = reason });

        Assert.Empty(reporter.Problems);
        var report = _github.Writes.Last(r => r.Path == "/repos/octo/ops/issues/42/comments").Body!["body"]!.GetValue<string>();
        Assert.StartsWith("## Post-incident report", report, StringComparison.Ordinal);
        Assert.True(report.Length <= FakeGitHub.MaxBodyLength, report.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("payments-worker-700", report, StringComparison.Ordinal);
        Assert.Contains("are left out to fit a comment", report, StringComparison.Ordinal);
        Assert.Contains("- [ ] Notify stakeholders", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunbookWithAVeryLongTitleStillGetsItsIssueWithSeverityAndId()
    {
        var reporter = Reporter();
        // A title written as a sentence, with an emoji just where the cut falls (256 less "[P1] ", " (payments-api-down)" and "…").
        var title = "Payments API returns 5XX for card authorisations in eu-west-1 when " + string.Concat(Enumerable.Repeat("the upstream acquirer times out and ", 6));
        var incident = Incident() with { Title = title.Insert(256 - 5 - 20 - 1 - 1, "😱") };

        await reporter.StartAsync(incident);
        await reporter.StepAsync(new IncidentStep("Assess", "Check health", "succeeded", Start.AddMinutes(1), null));

        Assert.Empty(reporter.Problems);
        Assert.Equal(42, reporter.IssueNumber);
        var sent = _github.Writes.Single(r => r.Path == "/repos/octo/ops/issues").Body!["title"]!.GetValue<string>();
        Assert.True(sent.Length <= FakeGitHub.MaxTitleLength, sent.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("[P1] Payments API returns 5XX", sent, StringComparison.Ordinal);
        Assert.EndsWith("… (payments-api-down)", sent, StringComparison.Ordinal);
        Assert.Equal(sent, System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(sent)));
    }

    [Fact]
    public async Task ACallWhoseTokenIsAlreadyCancelledSendsNothing()
    {
        var reporter = Reporter();
        await reporter.StartAsync(Incident());
        var before = _github.Requests.Count;

        await reporter.StepAsync(new IncidentStep("Assess", "Check health", "failed", Start.AddMinutes(1), null), new CancellationToken(canceled: true));

        Assert.Equal(before, _github.Requests.Count);
        Assert.Contains(reporter.Problems, p => p.Contains("Stopped waiting for GitHub", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACancelledCallEndsItsRequestInsteadOfRunningOnInTheBackground()
    {
        var reporter = Reporter();
        await reporter.StartAsync(Incident());
        var arrived = new TaskCompletionSource();
        var answer = new TaskCompletionSource();
        _github.Hold = r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal) && arrived.TrySetResult() ? answer.Task : Task.CompletedTask;
        using var stop = new CancellationTokenSource();
        try
        {
            var step = reporter.StepAsync(new IncidentStep("Assess", "Check health", "failed", Start.AddMinutes(1), null), stop.Token);
            await arrived.Task;
            stop.Cancel();

            // GitHub has not answered: the call came back because the token ended its request.
            await step;
            Assert.False(answer.Task.IsCompleted);
            Assert.Contains(reporter.Problems, p => p.Contains("Stopped waiting for GitHub", StringComparison.Ordinal) && p.Contains("Check health", StringComparison.Ordinal));
        }
        finally
        {
            answer.TrySetResult();
        }
    }

    [Fact]
    public async Task WhenTheRunnerStopsWaitingTheQueuedUpdatesAreNotSentAndTheProblemSaysWhich()
    {
        var reporter = Reporter();
        await reporter.StartAsync(Incident());
        _github.Fail = r => r.Method == "POST" ? FakeGitHub.Error(502, "Bad Gateway") : null;
        await reporter.StepAsync(new IncidentStep("Assess", "Check health", "failed", Start.AddMinutes(1), null));
        _github.Fail = null;
        var before = _github.Requests.Count;

        await reporter.EndAsync(End(), new CancellationToken(canceled: true));

        Assert.Equal(before, _github.Requests.Count);
        Assert.Contains(reporter.Problems, p => p.Contains("2 incident update(s) were not delivered", StringComparison.Ordinal) && p.Contains("post-incident", StringComparison.Ordinal));
    }

    public void Dispose() => _github.Dispose();
}

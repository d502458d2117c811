using System.Text.Json.Nodes;
using RunbookSdk.Validation;
using RunbookSdk.GitHub.PullRequests;

namespace RunbookSdk.GitHub.Tests;

/// <summary>The real Octokit client against the fake GitHub API: one comment, upserted; check run annotations in batches of 50; errors reported.</summary>
public sealed class PullRequestReporterTests : IDisposable
{
    private readonly FakeGitHub _github = new();
    private readonly InstantClock _clock = new();

    private PullRequestReporter Reporter(string? token = "ghs_test", TimeSpan? requestTimeout = null) =>
        new(new GitHubConnection("octo/ops", token, _github.ApiUrl)
        {
            Retry = new Http.GitHubRetryOptions { TimeProvider = _clock, RequestTimeout = requestTimeout ?? Http.GitHubRetryOptions.Default.RequestTimeout },
        });

    [Fact]
    public async Task FirstRunCreatesTheCommentAndTheSecondRunUpdatesTheSameOne()
    {
        var first = await Reporter().ReportAsync(Results.Failing(), 7);
        var second = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.True(first.Succeeded, string.Join("\n", first.Problems));
        Assert.True(first.CommentCreated);
        Assert.False(second.CommentCreated);
        Assert.Equal(first.CommentId, second.CommentId);
        var commentWrites = _github.Writes.Where(r => r.Path.Contains("/comments", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["POST /repos/octo/ops/issues/7/comments", $"PATCH /repos/octo/ops/issues/comments/{first.CommentId}"], commentWrites.Select(r => $"{r.Method} {r.Path}"));
        var updated = commentWrites[1].Body!["body"]!.GetValue<string>();
        Assert.StartsWith(PullRequestReporter.Marker + "\n## Runbook validation: passed", updated, StringComparison.Ordinal);
        Assert.Equal("Token ghs_test", _github.Requests[0].Authorization);
    }

    [Fact]
    public async Task AnOtherPersonsCommentIsLeftAlone()
    {
        _github.AddComment("LGTM, but please add a rollback");

        var report = await Reporter().ReportAsync(Results.Failing(), 7);

        Assert.True(report.CommentCreated);
        Assert.DoesNotContain(_github.Writes, r => r.Method == "PATCH" && r.Path.Contains("/issues/comments/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APersonsCommentThatStartsWithTheMarkerIsNeverOverwritten()
    {
        // A reviewer pasted the last report to discuss it; the paste starts with the hidden marker.
        _github.AddComment(PullRequestReporter.Marker + "\n## Runbook validation: failed ❌\n\nWhy does RB0002 fire here?", "octocat");

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.True(report.CommentCreated);
        Assert.DoesNotContain(_github.Writes, r => r.Method == "PATCH" && r.Path.Contains("/issues/comments/", StringComparison.Ordinal));
        Assert.Contains("Why does RB0002 fire here?", _github.CommentBodies[0], StringComparison.Ordinal);
        Assert.Equal(2, _github.CommentBodies.Count);
    }

    [Fact]
    public async Task AnotherBotsCommentWithTheMarkerIsLeftAloneAndOurOwnIsUpdated()
    {
        _github.AddComment(PullRequestReporter.Marker + "\nmirrored by another app", "mirror-app[bot]");
        _github.AddComment(PullRequestReporter.Marker + "\n## Runbook validation: failed ❌");

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.False(report.CommentCreated);
        Assert.Equal("mirrored by another app", _github.CommentBodies[0].Split('\n')[1]);
        Assert.Contains("Runbook validation: passed", _github.CommentBodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenGitHubCannotSayWhoTheTokenIsOnlyABotsReportIsUpdated()
    {
        _github.ViewerLogin = null;
        _github.AddComment(PullRequestReporter.Marker + "\nquoted by a person", "octocat");
        _github.AddComment(PullRequestReporter.Marker + "\n## Runbook validation: failed ❌");

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.False(report.CommentCreated);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal(PullRequestReporter.Marker + "\nquoted by a person", _github.CommentBodies[0]);
        Assert.Contains("Runbook validation: passed", _github.CommentBodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckRunIsCreatedOnThePullRequestHeadAndAnnotationsAreSentInBatchesOf50()
    {
        var report = await Reporter().ReportAsync(Results.Failing(findings: 119), 7);

        Assert.Equal(120, report.Annotations);
        var create = Assert.Single(_github.Writes, r => r.Method == "POST" && r.Path == "/repos/octo/ops/check-runs");
        Assert.Equal(_github.HeadSha, create.Body!["head_sha"]!.GetValue<string>());
        Assert.Equal("runbook validate", create.Body["name"]!.GetValue<string>());
        var updates = _github.Writes.Where(r => r.Method == "PATCH" && r.Path == $"/repos/octo/ops/check-runs/{report.CheckRunId}").ToArray();
        Assert.Equal([50, 50, 20], updates.Select(u => u.Body!["output"]!["annotations"]!.AsArray().Count));
        Assert.Equal("completed", updates[^1].Body!["status"]!.GetValue<string>());
        Assert.Equal("failure", updates[^1].Body!["conclusion"]!.GetValue<string>());
        Assert.Null(updates[0].Body!["conclusion"]);

        var annotations = updates.SelectMany(u => u.Body!["output"]!["annotations"]!.AsArray()).ToArray();
        var first = annotations[0]!;
        Assert.Equal("runbooks/Payments/PaymentsHandbook.cs", annotations.Last()!["path"]!.GetValue<string>());
        Assert.Equal(15, annotations.Last()!["start_line"]!.GetValue<int>());
        Assert.Equal("warning", annotations.Last()!["annotation_level"]!.GetValue<string>());
        Assert.Equal("runbooks/Payments/QueueStuck1.cs", first["path"]!.GetValue<string>());
        Assert.Equal(6, first["start_line"]!.GetValue<int>());
        Assert.Equal("failure", first["annotation_level"]!.GetValue<string>());
        Assert.Equal("RB0002", first["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task AGivenHeadShaIsUsedWithoutAskingForThePullRequest()
    {
        await Reporter().ReportAsync(Results.Passing(), 7, headSha: "abc123");

        Assert.DoesNotContain(_github.Requests, r => r.Path.Contains("/pulls/", StringComparison.Ordinal));
        var update = Assert.Single(_github.Writes, r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal));
        Assert.Equal("success", update.Body!["conclusion"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenThatMayNotCreateCheckRunsStillGetsTheComment()
    {
        _github.Fail = r => r.Path.EndsWith("/check-runs", StringComparison.Ordinal) ? FakeGitHub.Error(403, "Resource not accessible by integration") : null;

        var report = await Reporter().ReportAsync(Results.Failing(), 7);

        Assert.NotNull(report.CommentId);
        Assert.Null(report.CheckRunId);
        var problem = Assert.Single(report.Problems);
        Assert.Contains("403", problem, StringComparison.Ordinal);
        Assert.Contains("check run (it needs `checks: write`", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_run_that_fails_for_an_outage_does_not_blame_the_tokens_permissions()
    {
        // Every attempt fails, the look-up for one created anyway included: GitHub is down for check runs.
        _github.Fail = r => r.Path.Contains("/check-runs", StringComparison.Ordinal) ? FakeGitHub.Error(503, "Service Unavailable") : null;

        var report = await Reporter().ReportAsync(Results.Failing(), 7);

        Assert.NotNull(report.CommentId);
        Assert.Null(report.CheckRunId);
        var problem = Assert.Single(report.Problems);
        Assert.StartsWith("GitHub is failing (503), could not create the check run; retry later", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("checks: write", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APullRequestFromAForkSaysWhyTheReadOnlyTokenWasRefused()
    {
        // pull_request from a fork: GITHUB_TOKEN is read-only whatever the workflow's permissions say.
        _github.Fail = r => r.Method != "GET" ? FakeGitHub.Error(403, "Resource not accessible by integration") : null;

        var report = await Reporter().ReportAsync(Results.Failing(), 7);

        Assert.Equal(2, report.Problems.Count);
        Assert.All(report.Problems, p => Assert.Contains("pull request from a fork", p, StringComparison.Ordinal));
        Assert.All(report.Problems, p => Assert.Contains("job summary", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadCredentialsAreReportedNotThrown()
    {
        _github.Fail = _ => FakeGitHub.Error(401, "Bad credentials");

        var report = await Reporter("expired").ReportAsync(Results.Failing(), 7);

        Assert.Null(report.CommentId);
        Assert.Equal(2, report.Problems.Count);
        Assert.All(report.Problems, p => Assert.Contains("401", p, StringComparison.Ordinal));
        Assert.Contains("GITHUB_TOKEN", report.Problems[0], StringComparison.Ordinal);
        Assert.DoesNotContain(_github.Requests, r => r.Method != "GET");
    }

    [Fact]
    public async Task RateLimitSaysWhenItResets()
    {
        _github.Fail = _ => FakeGitHub.RateLimited();

        var report = await Reporter().ReportAsync(Results.Failing(), 7);

        Assert.False(report.Succeeded);
        Assert.Contains("rate limit exceeded", report.Problems[0], StringComparison.Ordinal);
        Assert.Contains("2030-01-01 00:00:00 UTC", report.Problems[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("primary")]
    [InlineData("secondary")]
    public async Task A_check_run_refused_for_a_rate_limit_does_not_blame_the_tokens_permissions(string limit)
    {
        // Both limits are 403s, and Octokit's exceptions for them derive from ForbiddenException: the check run's
        // problem said it "needs `checks: write`", sending people to change a workflow whose permissions were right.
        _github.Fail = r => r.Path.Contains("/check-runs", StringComparison.Ordinal)
            ? limit == "primary" ? FakeGitHub.RateLimited() : FakeGitHub.Error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.")
            : null;

        var report = await Reporter().ReportAsync(Results.Failing(), 7);

        Assert.NotNull(report.CommentId);
        var problem = Assert.Single(report.Problems);
        Assert.Contains("rate limit", problem, StringComparison.Ordinal);
        Assert.Contains("could not create the check run", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("checks: write", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_GitHub_that_does_not_answer_is_a_timeout_said_as_such_not_a_cancellation()
    {
        // Before: each call waited Octokit's 100 s and the log said "GitHub could not be reached (The operation was
        // canceled.)", as if someone had cancelled the job.
        var never = new TaskCompletionSource();
        _github.Hold = _ => never.Task;
        try
        {
            var report = await Reporter(requestTimeout: TimeSpan.FromMilliseconds(300)).ReportAsync(Results.Failing(), 7, _github.HeadSha);

            Assert.Null(report.CommentId);
            Assert.Null(report.CheckRunId);
            Assert.Equal(2, report.Problems.Count);
            Assert.StartsWith("GitHub did not answer in time (no answer to GET /api/v3/repos/octo/ops/issues/7/comments within 0.3 s), could not post the report comment", report.Problems[0], StringComparison.Ordinal);
            Assert.StartsWith("GitHub did not answer in time (POST /api/v3/repos/octo/ops/check-runs not sent: GitHub left the last 2 requests unanswered for 0.3 s each), could not create the check run; retry later", report.Problems[1], StringComparison.Ordinal);
            Assert.DoesNotContain(report.Problems, p => p.Contains("cancel", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            never.TrySetResult();
        }
    }

    [Fact]
    public async Task A_GitHub_that_left_two_requests_in_a_row_unanswered_is_not_waited_for_again()
    {
        // Before: the comment, its second look, the check run, its lookup and its second create each waited the whole
        // request timeout — 150 s of a CI job on a GitHub that answered nothing. Now the comment and the check run are
        // each asked once; the lookup and the second create are given up at once, and say why.
        var never = new TaskCompletionSource();
        _github.Hold = _ => never.Task;
        try
        {
            var report = await Reporter(requestTimeout: TimeSpan.FromMilliseconds(300)).ReportAsync(Results.Failing(), 7, _github.HeadSha);

            Assert.Equal(
                ["GET /repos/octo/ops/issues/7/comments", "POST /repos/octo/ops/check-runs"],
                _github.Requests.Select(r => $"{r.Method} {r.Path}"));
            Assert.Contains("not sent: GitHub left the last 2 requests unanswered", report.Problems[1], StringComparison.Ordinal);
        }
        finally
        {
            never.TrySetResult();
        }
    }

    [Fact]
    public async Task A_request_GitHub_answers_between_two_unanswered_ones_keeps_the_reporter_sending()
    {
        // Only two unanswered in a row stop it: a comment list GitHub does not answer (the issues API down) is asked
        // once, and does not keep the check run, which GitHub answers, from being created.
        var never = new TaskCompletionSource();
        _github.Hold = r => r.Method == "GET" && r.Path.EndsWith("/comments", StringComparison.Ordinal) ? never.Task : Task.CompletedTask;
        try
        {
            var report = await Reporter(requestTimeout: TimeSpan.FromMilliseconds(300)).ReportAsync(Results.Failing(), 7, _github.HeadSha);

            Assert.StartsWith("GitHub did not answer in time (no answer to GET", Assert.Single(report.Problems), StringComparison.Ordinal);
            Assert.NotNull(report.CheckRunId);
            Assert.Equal(1, _github.CheckRunCount);
        }
        finally
        {
            never.TrySetResult();
        }
    }

    [Fact]
    public async Task A_check_run_GitHub_created_but_answered_too_late_for_is_completed_not_left_in_progress()
    {
        // A create that timed out may have been carried out: left alone, that run stays "in progress" forever and
        // blocks a required check. It is looked up by its external_id and given its verdict.
        var late = new TaskCompletionSource();
        var first = 0;
        _github.HoldAfterDoing = r => r.Method == "POST" && r.Path.EndsWith("/check-runs", StringComparison.Ordinal) && Interlocked.Increment(ref first) == 1 ? late.Task : Task.CompletedTask;
        try
        {
            var report = await Reporter(requestTimeout: TimeSpan.FromSeconds(1)).ReportAsync(Results.Failing(), 7);

            Assert.True(report.Succeeded, string.Join("\n", report.Problems));
            Assert.Equal(1, _github.CheckRunCount);
            var last = _github.Writes.Last(r => r.Method == "PATCH" && r.Path == $"/repos/octo/ops/check-runs/{report.CheckRunId}");
            Assert.Equal("completed", last.Body!["status"]!.GetValue<string>());
            Assert.Equal("failure", last.Body!["conclusion"]!.GetValue<string>());
        }
        finally
        {
            late.TrySetResult();
        }
    }

    [Fact]
    public async Task A_validation_failure_says_what_GitHub_found_wrong_not_only_Validation_Failed()
    {
        // GitHub's 422 says "Validation Failed" in its message and the reason in its errors list; the log said only
        // "GitHub answered 422 (Validation Failed)", which left the CI maintainer guessing.
        _github.Fail = r => r.Method != "POST" ? null
            : r.Path.EndsWith("/comments", StringComparison.Ordinal) ? Unprocessable(new JsonObject { ["resource"] = "IssueComment", ["code"] = "unprocessable", ["field"] = "data", ["message"] = "Body is too long (maximum is 65536 characters)" })
            : r.Path.EndsWith("/check-runs", StringComparison.Ordinal) ? Unprocessable(new JsonObject { ["resource"] = "CheckRun", ["code"] = "invalid", ["field"] = "head_sha" })
            : null;

        var report = await Reporter().ReportAsync(Results.Failing(), 7, _github.HeadSha);

        Assert.Equal(2, report.Problems.Count);
        Assert.StartsWith("GitHub answered 422 (Validation Failed: Body is too long (maximum is 65536 characters)), could not post the report comment", report.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("GitHub answered 422 (Validation Failed: CheckRun head_sha: invalid), could not create the check run", report.Problems[1], StringComparison.Ordinal);

        static Answer Unprocessable(JsonObject error) => new(422, new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(error),
            ["documentation_url"] = "https://docs.github.com/rest",
            ["status"] = "422",
        });
    }

    [Fact]
    public async Task TooManyRequestsIsARateLimitToo()
    {
        _github.Fail = _ => FakeGitHub.Error(429, "Too many requests") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } };

        var report = await Reporter().ReportAsync(Results.Failing(), 7);

        Assert.Contains("rate limit", report.Problems[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ServerErrorIsReportedAndTheCheckRunIsStillTried()
    {
        _github.Fail = r => r.Path.Contains("/comments", StringComparison.Ordinal) ? FakeGitHub.Error(500, "Server Error") : null;

        var report = await Reporter().ReportAsync(Results.Failing(), 7);

        var problem = Assert.Single(report.Problems);
        Assert.Contains("GitHub is failing (500)", problem, StringComparison.Ordinal);
        Assert.NotNull(report.CheckRunId);
    }

    [Fact]
    public async Task ACommentOnALaterPageIsFoundAndUpdated()
    {
        for (var i = 0; i < 250; i++) _github.AddComment($"review note {i}", "octocat");
        _github.AddComment(PullRequestReporter.Marker + "\n## Runbook validation: failed ❌");

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.False(report.CommentCreated);
        // 251 comments: three pages of 100, not nine of 30, each request counting against the rate limit.
        var pages = _github.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/issues/7/comments", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, pages.Length);
        Assert.All(pages, p => Assert.Contains("per_page=100", p.Query, StringComparison.Ordinal));
        Assert.DoesNotContain(_github.Writes, r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedAnnotationBatchStillCompletesTheCheckRunWithTheVerdict()
    {
        var patches = 0;
        _github.Fail = r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal) && ++patches == 2 ? FakeGitHub.Error(422, "Validation Failed") : null;

        var report = await Reporter().ReportAsync(Results.Failing(findings: 119), 7);

        var problem = Assert.Single(report.Problems);
        Assert.Contains("422", problem, StringComparison.Ordinal);
        Assert.Equal(50, report.Annotations);
        var last = _github.Writes.Last(r => r.Method == "PATCH" && r.Path == $"/repos/octo/ops/check-runs/{report.CheckRunId}");
        Assert.Equal("completed", last.Body!["status"]!.GetValue<string>());
        Assert.Equal("failure", last.Body!["conclusion"]!.GetValue<string>());
        Assert.Contains("annotations", last.Body!["output"]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepositoryOfHundredsOfRunbooksStillShowsWhatIsMissingInTheComment()
    {
        var rows = Enumerable.Range(1, 800)
            .Select(i => new Validation.RunbookRow("Platform", $"platform-service-{i:000}-degraded-latency", $"Service {i} degraded", "P2", true, true, true, false, true, new Dictionary<string, int>(), null))
            .Append(new Validation.RunbookRow("Platform", "zz-payments-queue-stuck", "Payments queue stuck", "P2", true, true, false, false, true, new Dictionary<string, int> { ["RB0002"] = 1 }, Validation.FindingLevel.Error))
            .ToArray();
        var finding = new Validation.Finding("RB0002", Validation.FindingLevel.Error, "Runbook 'zz-payments-queue-stuck' has no rollback", "runbooks/Platform/QueueStuck.cs", 12, 5, "Platform", null);
        var result = new Validation.ValidationResult("/repo", [new Validation.ProjectResult("Platform", "runbooks/Platform/Platform.csproj", rows, [finding], new Validation.DocsDrift("runbooks/Platform/docs", true, [], [], []))]);

        var report = await Reporter().ReportAsync(result, 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        var body = _github.Writes.Single(r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal)).Body!["body"]!.GetValue<string>();
        Assert.True(body.Length <= FakeGitHub.MaxBodyLength, body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("`zz-payments-queue-stuck`", body, StringComparison.Ordinal);
        Assert.Contains("`runbooks/Platform/QueueStuck.cs(12,5)` | Runbook 'zz-payments-queue-stuck' has no rollback", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhyNoProjectWasValidatedIsInTheCommentAndTheCheckRunSummary()
    {
        // The Checks tab said "0 runbooks in 0 projects ... docs current." and nothing about the solution configuration.
        const string reason = "Payments.sln builds no project in its configuration 'Debug|Any CPU' (dotnet build of it builds nothing).";
        var result = new ValidationResult("/repo", []) { NoProjectReason = reason };

        var report = await Reporter().ReportAsync(result, 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Contains("No runbook project found: " + reason, Assert.Single(_github.CommentBodies), StringComparison.Ordinal);
        var completed = _github.Writes.Last(r => r.Method == "PATCH" && r.Path == $"/repos/octo/ops/check-runs/{report.CheckRunId}");
        Assert.Equal("Runbook validation failed", completed.Body!["output"]!["title"]!.GetValue<string>());
        Assert.Contains("No runbook project found: " + reason, completed.Body["output"]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_run_GitHub_will_not_complete_is_said_to_be_left_in_progress()
    {
        // Every update answered 500: the run stayed "in progress" (a required check pending for good) and the report
        // carried one warning among others, in a job that passed.
        _github.Fail = r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal) ? FakeGitHub.Error(500, "Server Error") : null;

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.NotNull(report.CheckRunId);
        Assert.True(report.CheckRunLeftInProgress);
        Assert.Contains(report.Problems, p => p.Contains("stays in progress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_cancelled_after_the_check_run_was_created_completes_it_as_cancelled()
    {
        // Cancelled while GitHub held the first update: the run was left "in progress" for good.
        var arrived = new TaskCompletionSource();
        var answer = new TaskCompletionSource();
        _github.Hold = r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal) && arrived.TrySetResult() ? answer.Task : Task.CompletedTask;
        using var stop = new CancellationTokenSource();
        try
        {
            var reporting = Reporter().ReportAsync(Results.Failing(), 7, cancellationToken: stop.Token);
            await arrived.Task;
            stop.Cancel();

            var report = await reporting;

            Assert.False(report.CheckRunLeftInProgress, string.Join("\n", report.Problems));
            var last = _github.Requests.Last(r => r.Method == "PATCH" && r.Path.EndsWith("/check-runs/" + report.CheckRunId, StringComparison.Ordinal));
            Assert.Equal(("completed", "cancelled"), (last.Body!["status"]!.GetValue<string>(), last.Body["conclusion"]!.GetValue<string>()));
            Assert.Contains(report.Problems, p => p.Contains("cancelled", StringComparison.Ordinal));
        }
        finally
        {
            answer.TrySetResult();
        }
    }

    public void Dispose() => _github.Dispose();
}

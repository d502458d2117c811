using System.Text.Json.Nodes;
using RunbookSdk.GitHub.Http;
using RunbookSdk.GitHub.PullRequests;

namespace RunbookSdk.GitHub.Tests;

/// <summary>
/// A passing report survives GitHub's transient answers: server errors and rate limits are retried after the time
/// GitHub names, within a capped total wait (on a clock that does not sleep), and a create is never sent twice.
/// </summary>
public sealed class PullRequestRetryTests : IDisposable
{
    private readonly FakeGitHub _github = new();
    private readonly InstantClock _clock = new();

    private PullRequestReporter Reporter() =>
        new(new GitHubConnection("octo/ops", "ghs_test", _github.ApiUrl) { Retry = new GitHubRetryOptions { TimeProvider = _clock } });

    private int Count(string method, string pathEnd) => _github.Requests.Count(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    [Fact]
    public async Task OneBadGatewayPerCallStillDeliversTheWholeReport()
    {
        var failed = new HashSet<string>();
        _github.Fail = r => failed.Add(r.Method + " " + r.Path) ? FakeGitHub.Error(502, "Bad Gateway") : null;

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.NotNull(report.CommentId);
        Assert.NotNull(report.CheckRunId);
        // The list is retried by the client; the refused create is retried by looking again first.
        Assert.Equal(3, Count("GET", "/issues/7/comments"));
        Assert.Equal(2, Count("POST", "/issues/7/comments"));
        Assert.Single(_github.CommentBodies);
        Assert.Equal(2, Count("POST", "/check-runs"));
        var patches = _github.Requests.Where(r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, patches.Length);
        Assert.Equal("success", patches[^1].Body!["conclusion"]!.GetValue<string>());
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], _clock.Waits.Take(2));
    }

    [Fact]
    public async Task ACommentGitHubStoredBeforeAnswering502IsUpdatedNotPostedTwice()
    {
        var posts = 0;
        _github.FailAfterDoing = r => r.Method == "POST" && r.Path.EndsWith("/issues/7/comments", StringComparison.Ordinal) && ++posts == 1 ? FakeGitHub.Error(502, "Bad Gateway") : null;

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Single(_github.CommentBodies);
        Assert.Equal(1, Count("POST", "/issues/7/comments"));
        Assert.Equal(report.CommentId, _github.Requests.Where(r => r.Method == "PATCH" && r.Path.Contains("/issues/comments/", StringComparison.Ordinal)).Select(r => (long?)long.Parse(r.Path.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).Single());
    }

    [Fact]
    public async Task ACheckRunGitHubCreatedBeforeAnswering502IsReusedNotLeftInProgressBesideASecond()
    {
        var posts = 0;
        _github.FailAfterDoing = r => r.Method == "POST" && r.Path.EndsWith("/check-runs", StringComparison.Ordinal) && ++posts == 1 ? FakeGitHub.Error(502, "Bad Gateway") : null;

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal(1, Count("POST", "/check-runs"));
        Assert.Equal(1, _github.CheckRunCount);
        var lookup = Assert.Single(_github.Requests, r => r.Method == "GET" && r.Path.EndsWith("/check-runs", StringComparison.Ordinal));
        Assert.Equal($"/repos/octo/ops/commits/{_github.HeadSha}/check-runs", lookup.Path);
        var patch = Assert.Single(_github.Requests, r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal));
        Assert.EndsWith("/check-runs/" + report.CheckRunId, patch.Path, StringComparison.Ordinal);
        Assert.Equal("success", patch.Body!["conclusion"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherJobsInProgressRunOfTheSameNameIsNotTakenForOurs()
    {
        // The same commit validated by a push job and a pull_request job at once: the other job's run is not ours to complete.
        _github.AddCheckRun(_github.HeadSha, PullRequestReporter.CheckName, "another-job");
        _github.AddCheckRun(_github.HeadSha, PullRequestReporter.CheckName, null, appSlug: "other-ci");
        var posts = 0;
        _github.Fail = r => r.Method == "POST" && r.Path.EndsWith("/check-runs", StringComparison.Ordinal) && ++posts == 1 ? FakeGitHub.Error(502, "Bad Gateway") : null;

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal(2, Count("POST", "/check-runs"));
        Assert.Equal(3, _github.CheckRunCount);
        var patch = Assert.Single(_github.Requests, r => r.Method == "PATCH" && r.Path.Contains("/check-runs/", StringComparison.Ordinal));
        Assert.EndsWith("/check-runs/" + report.CheckRunId, patch.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(_github.Requests, r => r.Method == "PATCH" && (r.Path.EndsWith("/check-runs/1000", StringComparison.Ordinal) || r.Path.EndsWith("/check-runs/1001", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TooManyRequestsWaitsTheRetryAfterGitHubNamesThenSucceeds()
    {
        var limited = false;
        _github.Fail = r => !limited && (limited = true) ? FakeGitHub.Error(429, "Too many requests") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } } : null;

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal([TimeSpan.FromSeconds(30)], _clock.Waits);
        Assert.Equal(2, Count("GET", "/issues/7/comments"));
    }

    [Fact]
    public async Task ARateLimitWaitIsSaidAsItStartsWithTheRetryAfterGitHubNamed()
    {
        // A job log silent for a minute on a rate limit looked hung: the wait is said, with its reason and request.
        var said = new List<string>();
        var limited = false;
        _github.Fail = r => !limited && (limited = true) ? FakeGitHub.Error(429, "Too many requests") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } } : null;
        var reporter = new PullRequestReporter(new GitHubConnection("octo/ops", "ghs_test", _github.ApiUrl) { Retry = new GitHubRetryOptions { TimeProvider = _clock, Waiting = said.Add } });

        var report = await reporter.ReportAsync(Results.Passing(), 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal([TimeSpan.FromSeconds(1)], _clock.Waits);
        Assert.Equal(2, Count("GET", "/issues/7/comments"));
        Assert.Equal("rate limit (429) with Retry-After: waiting 1 s before sending GET /api/v3/repos/octo/ops/issues/7/comments again (attempt 2 of 4; at most 60 s of waiting in all).", Assert.Single(said));
    }

    [Fact]
    public async Task ASecondaryRateLimitOnACreateIsWaitedOutAndSentAgain()
    {
        var limited = false;
        _github.Fail = r => r.Method == "POST" && !limited && (limited = true)
            ? new Answer(403, new JsonObject { ["message"] = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", ["documentation_url"] = "https://docs.github.com/rest" })
            : null;

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal([TimeSpan.FromSeconds(60)], _clock.Waits);
        Assert.Equal(2, Count("POST", "/issues/7/comments"));
        Assert.Single(_github.CommentBodies);
    }

    [Fact]
    public async Task APrimaryLimitThatResetsSoonIsWaitedForUntilTheReset()
    {
        var limited = false;
        var reset = InstantClock.Start.AddSeconds(20).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _github.Fail = r => !limited && (limited = true)
            ? FakeGitHub.RateLimited() with { Headers = new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = reset } }
            : null;

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal([TimeSpan.FromSeconds(21)], _clock.Waits);
    }

    [Fact]
    public async Task ALimitThatResetsBeyondTheCapIsReportedWithoutWaiting()
    {
        _github.Fail = _ => FakeGitHub.RateLimited();

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.Contains("rate limit exceeded", report.Problems[0], StringComparison.Ordinal);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task AnOutageIsGivenUpOnWithinTheCapAndReported()
    {
        _github.Fail = _ => FakeGitHub.Error(503, "Service Unavailable");

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.Equal(2, report.Problems.Count);
        Assert.All(report.Problems, p => Assert.Contains("503", p, StringComparison.Ordinal));
        Assert.True(_clock.Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b) <= GitHubRetryOptions.Default.MaxTotalWait);
        // 4 attempts a request at most, and no request after the budget is spent.
        Assert.True(_github.Requests.Count <= 3 * GitHubRetryOptions.Default.MaxAttempts, $"{_github.Requests.Count} requests");
    }

    [Fact]
    public async Task AMissingPermissionIsNotRetried()
    {
        _github.Fail = r => r.Method != "GET" ? FakeGitHub.Error(403, "Resource not accessible by integration") : null;

        var report = await Reporter().ReportAsync(Results.Passing(), 7);

        Assert.Equal(2, report.Problems.Count);
        Assert.Empty(_clock.Waits);
        Assert.Equal(1, Count("POST", "/issues/7/comments"));
        Assert.Equal(1, Count("POST", "/check-runs"));
    }

    public void Dispose() => _github.Dispose();
}

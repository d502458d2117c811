using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// <c>Http(…).Retry(n, backoff)</c>: a health check written right after a rollout, against a real service on 127.0.0.1
/// that answers 503 until it is ready. Without it the check failed on the first 503 and the run rolled back a fix
/// that was about to work.
/// </summary>
public sealed class HttpRetryTests
{
    /// <summary>A service that answers 503 to its first <paramref name="unready"/> requests, then 200 with <c>{"status":"ok"}</c>.</summary>
    private static TestHttpServer Warming(int unready)
    {
        var answered = 0;
        return new TestHttpServer(context => Interlocked.Increment(ref answered) <= unready
            ? TestHttpServer.ReplyAsync(context, 503, """{"status":"starting"}""", "application/json")
            : TestHttpServer.ReplyAsync(context, 200, """{"status":"ok"}""", "application/json"));
    }

    private static TestRun HealthCheck(string url, int attempts) => new TestRun((rb, p) => rb
            .Phase("Verify rollout", ph => ph.Step("Health is green", s => s
                .Http("GET", p["Url"] + "health").ExpectStatus(200).ExpectJson("status", "ok").Retry(attempts, TimeSpan.FromSeconds(5))))
            .NoRollback("test"))
        .Parameter("Url", url);

    [Fact]
    public async Task A_check_that_fails_then_passes_succeeds_after_waiting_the_doubling_back_off()
    {
        using var service = Warming(unready: 2);
        using var run = HealthCheck(service.Url, attempts: 4);

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(3, service.Requests.Count);
        // Every attempt is in the record, with what the service answered.
        Assert.Equal([("1", "503"), ("2", "503"), ("3", "200")], result.Events("action").Select(e => (e["attempt"], e["status"])));
        // 5 s before the second attempt, 10 s before the third, on the incident clock.
        Assert.Equal(TimeSpan.FromSeconds(15), run.Clock.Elapsed);
        Assert.Contains("attempt 1 of 4 failed (status 503, expected 200; JSON status is the string \"starting\", expected ok); retrying in 5 seconds", result.Output);
    }

    [Fact]
    public async Task A_check_that_never_passes_fails_saying_how_often_it_was_tried()
    {
        using var service = Warming(unready: int.MaxValue);
        using var run = HealthCheck(service.Url, attempts: 3);

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(3, service.Requests.Count);
        Assert.Contains("3 attempts failed, the last with: status 503, expected 200; JSON status is the string \"starting\", expected ok", result.Outcome.Reason);
    }

    [Fact]
    public async Task A_service_that_is_not_listening_yet_is_asked_again()
    {
        // The port of a service still starting: connection refused, then (here) still refused. Each refusal is an
        // attempt, journaled as a request that never left.
        using var run = HealthCheck($"http://127.0.0.1:{TestHttpServer.FreePort()}/", attempts: 2);

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        var attempts = result.Events("action").ToList();
        Assert.Equal(["1", "2"], attempts.Select(e => e["attempt"]));
        Assert.All(attempts, e => Assert.NotNull(e["error"]));
        Assert.Contains("2 attempts failed, the last with: request failed: ", result.Outcome.Reason);
    }

    [Fact]
    public async Task A_url_that_cannot_be_sent_is_not_tried_again()
    {
        // Reached in a step that may not run (refused before the run otherwise): the URL's problem does not pass with time.
        using var run = new TestRun((rb, p) => rb
                .Phase("Act", ph => ph.Step("Check", s => s.OnlyIf("the service is up").Http("GET", p["Url"] + "/health").Retry(5, TimeSpan.FromMinutes(1))))
                .NoRollback("test"))
            .Parameter("Url", "");
        run.Prompts.Answer(true);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Events("action"));
        Assert.Equal(TimeSpan.Zero, run.Clock.Elapsed);
    }

    [Fact]
    public async Task A_single_attempt_journals_no_attempt_number()
    {
        using var service = Warming(unready: 0);
        using var run = HealthCheck(service.Url, attempts: 1);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Null(Assert.Single(result.Events("action"))["attempt"]);
    }

    [Fact]
    public async Task The_dry_run_says_the_request_is_retried()
    {
        using var run = HealthCheck("http://127.0.0.1:1/", attempts: 4);
        var console = new PlainConsole();

        await new DryRunPrinter(console.Console).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Contains("retry: 4 attempts in total, first retry after 5 seconds, doubling", console.Output);
    }
}

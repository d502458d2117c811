using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// An HTTP step whose URL cannot be sent — built from a string parameter left empty, so <c>{BaseUrl}/health</c> is
/// <c>/health</c> — is refused before anything runs, live and in the dry run, naming the step and the URL.
/// </summary>
public sealed class HttpUrlPreflightTests
{
    private static TestRun Runbook(List<string> changed, string baseUrl) => new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Restart the worker", s => s.Execute("restart", _ => { changed.Add("restarted"); return Task.CompletedTask; }))
                .Step("Check health", s => s.Http("GET", p["BaseUrl"] + "/health").ExpectStatus(200)))
            .Rollback(r => r.Step("Undo", s => s.Execute("undo", _ => { changed.Add("undone"); return Task.CompletedTask; })))
            .Verification(v => v.Step("Health is green", s => s.Http("GET", p["BaseUrl"] + "/health").ExpectStatus(200))))
        .Parameter("BaseUrl", baseUrl);

    [Theory]
    [InlineData("")]
    [InlineData("localhost:5099")]
    public async Task A_run_with_a_url_that_cannot_be_sent_refuses_before_the_first_step(string baseUrl)
    {
        var changed = new List<string>();
        using var run = Runbook(changed, baseUrl);

        var result = await run.RunAsync();

        // The restart used to run, then the health check failed with "An invalid request URI was provided", then the
        // rollback undid a restart that a typo on the command line had caused.
        Assert.Empty(changed);
        Assert.Equal(1, result.ExitCode);
        var reason = result.Outcome.Reason!;
        Assert.Contains("could not be prepared", reason);
        Assert.Contains($"step 1.2 'Check health' requests GET '{baseUrl}/health'", reason);
        Assert.Contains($"step V.1 'Health is green'", reason);
        Assert.Empty(result.Journal);
    }

    [Fact]
    public async Task The_dry_run_marks_the_step_and_refuses_as_the_live_run_would()
    {
        using var run = Runbook([], "");
        var console = new PlainConsole();

        var outcome = await new DryRunPrinter(console.Console).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("step 1.2 'Check health' requests GET '/health'", outcome.Reason);
        var lines = console.Output.Split('\n').Select(l => l.Trim()).ToList();
        var step = lines.IndexOf("1.2 Check health");
        Assert.True(step > 0, console.Output);
        Assert.StartsWith("[refused: step 1.2 'Check health' requests GET '/health'", lines[step + 1]);
    }

    [Fact]
    public async Task An_absolute_url_runs_as_before()
    {
        var changed = new List<string>();
        using var server = new NonShellStepFailureTests.TestHttpServer(context => NonShellStepFailureTests.TestHttpServer.ReplyAsync(context, 200, "ok"));
        using var run = Runbook(changed, server.Url.TrimEnd('/'));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["restarted"], changed);
    }
}

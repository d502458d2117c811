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

    /// <summary>
    /// A failover to a DR region that not every region has: its step runs only if the operator says so, and its
    /// <c>DrUrl</c> is left empty where there is none. The whole run was refused for a step that was never going to run.
    /// </summary>
    private static TestRun ConditionalFailover(List<string> changed, string drUrl) => new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Restart the worker", s => s.Execute("restart", _ => { changed.Add("restarted"); return Task.CompletedTask; }))
                .Step("Fail over to DR", s => s.OnlyIf("the primary region is down").Http("POST", p["DrUrl"] + "/promote").ExpectStatus(200)))
            .Rollback(r => r.Step("Undo", s => s.Execute("undo", _ => { changed.Add("undone"); return Task.CompletedTask; }))))
        .Parameter("DrUrl", drUrl);

    [Fact]
    public async Task A_conditional_step_with_a_url_that_cannot_be_sent_is_named_at_the_start_and_skipping_it_runs_the_rest()
    {
        var changed = new List<string>();
        using var run = ConditionalFailover(changed, "");
        run.Prompts.Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["restarted"], changed);
        var warning = result.Output.IndexOf("step 1.2 'Fail over to DR' requests POST '/promote'", StringComparison.Ordinal);
        Assert.True(warning >= 0 && warning < result.Output.IndexOf("Restart the worker", StringComparison.Ordinal), result.Output);
        Assert.Contains("if it does, it fails and sends nothing", result.Output);
    }

    [Fact]
    public async Task A_conditional_step_with_a_url_that_cannot_be_sent_fails_when_it_is_run_and_sends_nothing()
    {
        var changed = new List<string>();
        using var run = ConditionalFailover(changed, "");
        run.Prompts.Answer(true).Answer(true);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(["restarted", "undone"], changed);
        Assert.Contains("Fail over to DR: failed", result.StepResults);
        var action = result.Events("action").Single(e => e["kind"] == "http");
        Assert.StartsWith("cannot be sent: '/promote'", action["error"]);
        Assert.Empty(result.Events("request-sending"));
        Assert.Contains("nothing was sent", result.Output);
    }

    [Theory]
    [InlineData(ConditionAnswer.Skip, 0)]
    [InlineData(ConditionAnswer.Hold, 1)]
    public async Task A_flag_that_answers_for_every_condition_decides_whether_the_url_refuses_the_run(ConditionAnswer answer, int exitCode)
    {
        var changed = new List<string>();
        using var run = ConditionalFailover(changed, "");

        var result = await run.RunAsync(TestRun.NonInteractive with { Conditions = answer });

        Assert.Equal(exitCode, result.ExitCode);
        Assert.DoesNotContain("it may not run", result.Output);
        if (answer == ConditionAnswer.Hold)
        {
            Assert.Empty(changed);
            Assert.Contains("step 1.2 'Fail over to DR' requests POST '/promote'", result.Outcome.Reason);
        }
    }

    [Theory]
    [InlineData("Restart only", 0)]
    [InlineData("Fail over", 1)]
    public async Task An_option_with_a_url_that_cannot_be_sent_refuses_the_run_only_when_it_is_chosen(string chosen, int exitCode)
    {
        var changed = new List<string>();
        using var run = new TestRun((rb, p) => rb
                .Phase("Act", ph => ph
                    .OneOf("Mitigation", o => o
                        .Step("Restart only", s => s.Execute("restart", _ => { changed.Add("restarted"); return Task.CompletedTask; }))
                        .Step("Fail over", s => s.Http("POST", p["DrUrl"] + "/promote").ExpectStatus(200))))
                .NoRollback("test"))
            .Parameter("DrUrl", "");

        var result = await run.RunAsync(TestRun.NonInteractive with { Choices = new Dictionary<string, string> { ["Mitigation"] = chosen } });

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(exitCode == 0 ? ["restarted"] : [], changed);
    }

    [Fact]
    public async Task The_dry_run_marks_a_conditional_step_that_cannot_be_sent_without_refusing()
    {
        using var run = ConditionalFailover([], "");
        var console = new PlainConsole();

        var outcome = await new DryRunPrinter(console.Console).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        var lines = console.Output.Split('\n').Select(l => l.Trim()).ToList();
        var step = lines.IndexOf("1.2 Fail over to DR");
        Assert.True(step > 0, console.Output);
        Assert.Contains(lines.Skip(step), l => l.StartsWith("[cannot be sent: step 1.2 'Fail over to DR' requests POST '/promote'", StringComparison.Ordinal));
    }
}

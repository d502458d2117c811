using System.Text.RegularExpressions;
using RunbookSdk.Execution;
using RunbookSdk.Hosting;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A service resumes runs through the API: <see cref="RunbookRunner"/> given <see cref="RunnerOptions.ResumeJournal"/>
/// and a context bound without the values the journal's run had. The CLI's resume takes the journal's values for the
/// parameters not given; the API's kept the runbook's defaults, and the steps still to run ran in another region.
/// </summary>
public sealed class ApiResumeParameterTests
{
    private const string Token = "tok-s3cret-api";

    [Fact]
    public async Task A_resume_through_the_api_takes_the_journals_values_for_the_parameters_not_given()
    {
        using var failOver = new RegionFailOverRunbook();
        var (run, regions, tokens) = (failOver.Run, failOver.Regions, failOver.Tokens);
        var first = await RunAsync(run, run.Bind(new Dictionary<string, string> { ["Region"] = "eu-west-1", ["ApiToken"] = Token }), TestRun.NonInteractive);
        Assert.Equal(RunStatus.Failed, first.Status);
        failOver.Heal();

        // Only the secret is given again: it is never journaled.
        var console = new PlainConsole();
        var resumed = await new RunbookRunner(console.Console, TestRun.NonInteractive with { Clock = run.Clock, JournalPath = run.JournalPath, ResumeJournal = run.JournalPath }, run.Prompts)
            .ExecuteAsync(run.Bind(new Dictionary<string, string> { ["ApiToken"] = Token }), CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, resumed.Status);
        Assert.Equal(["eu-west-1", "eu-west-1", "eu-west-1"], regions);
        Assert.Equal([Token, Token], tokens);
        Assert.DoesNotContain("in this resume; the journal's run had", console.Output);
        var started = Journal.Read(run.JournalPath).Last(e => e.Name == "run-started");
        Assert.Equal("eu-west-1", started.Fields.GetProperty("parameters").GetProperty("Region").GetString());
        Assert.False(started.Fields.TryGetProperty("parametersChanged", out _));
    }

    [Fact]
    public async Task A_parameter_given_to_the_api_resume_is_taken_and_said_as_the_cli_says_it()
    {
        using var run = new TestRun(rb => rb
                .Phase("Mitigate", p => p.Step("Fail over", s => s.Run("exit 1")))
                .NoRollback("test"))
            .Parameter("Region", "us-east-1");
        Assert.Equal(RunStatus.Failed, (await RunAsync(run, run.Bind(new Dictionary<string, string> { ["Region"] = "eu-west-1" }), TestRun.NonInteractive)).Status);

        var console = new PlainConsole();
        await new RunbookRunner(console.Console, TestRun.NonInteractive with { Clock = run.Clock, JournalPath = run.JournalPath, ResumeJournal = run.JournalPath }, run.Prompts)
            .ExecuteAsync(run.Bind(new Dictionary<string, string> { ["Region"] = "ap-south-1" }), CancellationToken.None);

        Assert.Contains("Region is 'ap-south-1' in this resume; the journal's run had 'eu-west-1'.", Regex.Replace(console.Output, @"\s+", " "));
    }

    [Fact]
    public async Task A_journaled_value_that_held_a_secret_must_be_given_again_through_the_api_too()
    {
        using var run = new TestRun(rb => rb
                .Phase("Mitigate", p => p.Step("Fail over", s => s.Run("exit 1")))
                .NoRollback("test"))
            .Parameter("Target", "db-stage-01")
            .Parameter("ApiToken", "", secret: true);
        Assert.Equal(RunStatus.Failed, (await RunAsync(run, run.Bind(new Dictionary<string, string> { ["Target"] = "db-prod-01", ["ApiToken"] = "prod" }), TestRun.NonInteractive)).Status);

        var console = new PlainConsole();
        var resumed = await new RunbookRunner(console.Console, TestRun.NonInteractive with { Clock = run.Clock, JournalPath = run.JournalPath, ResumeJournal = run.JournalPath }, run.Prompts)
            .ExecuteAsync(run.Bind(new Dictionary<string, string> { ["ApiToken"] = "prod" }), CancellationToken.None);

        Assert.Equal(RunStatus.NotStarted, resumed.Status);
        Assert.Contains("parameter 'Target': the journal holds its value masked", resumed.Reason);
    }

    [Fact]
    public async Task The_api_dry_run_of_a_resume_shows_the_journals_values()
    {
        using var run = new TestRun((rb, values) => rb
                .Phase("Mitigate", p => p.Step("Fail over", s => s.Run("echo failing over " + values["Region"] + "; exit 1")))
                .NoRollback("test"))
            .Parameter("Region", "us-east-1");
        Assert.Equal(RunStatus.Failed, (await RunAsync(run, run.Bind(new Dictionary<string, string> { ["Region"] = "eu-west-1" }), TestRun.NonInteractive)).Status);

        var console = new PlainConsole();
        await new DryRunPrinter(console.Console) { Resume = ResumeState.Read(run.JournalPath) }.ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Contains("failing over eu-west-1", console.Output);
        Assert.DoesNotContain("us-east-1", console.Output);
    }

    [Fact]
    public async Task A_required_parameter_not_given_to_the_api_resume_takes_the_journals_value()
    {
        var services = new List<string>();
        var fail = true;
        using var run = new TestRun(rb => rb
                .Phase("Mitigate", p => p
                    .Step("Restart", s => s.Execute("restart", ctx =>
                    {
                        services.Add(ctx.Parameters["Service"]);
                        return fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask;
                    })))
                .NoRollback("test"))
            .Parameter("Service", "", required: true);
        Assert.Equal(RunStatus.Failed, (await RunAsync(run, run.Bind(new Dictionary<string, string> { ["Service"] = "checkout" }), TestRun.NonInteractive)).Status);
        fail = false;

        // As run --resume: the required parameter is left to the journal, which has the value the run had.
        var resumed = await RunAsync(run, run.BindForResume(ResumeState.Read(run.JournalPath)), TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.Equal(RunStatus.Succeeded, resumed.Status);
        Assert.Equal(["checkout", "checkout"], services);
    }

    [Fact]
    public void A_required_parameter_neither_given_nor_journaled_is_still_missing()
    {
        using var run = new TestRun(rb => rb
                .Phase("Mitigate", p => p.Step("Restart", s => s.Run("exit 1")))
                .NoRollback("test"))
            .Parameter("Service", "", required: true);
        File.WriteAllText(run.JournalPath, """{"time":"2026-12-06T02:00:00+00:00","event":"run-started","runbook":"test-runbook","parameters":{}}""" + "\n");

        var e = Assert.Throws<ParameterBindingException>(() => run.BindForResume(ResumeState.Read(run.JournalPath)));
        Assert.Contains("Missing required parameter 'Service'", e.Message);
    }

    [Fact]
    public async Task An_empty_value_the_journal_holds_is_refused_by_the_api_resume_as_by_the_cli()
    {
        var ran = false;
        using var run = new TestRun(rb => rb
                .Phase("Mitigate", p => p.Step("Restart", s => s.Execute("restart", _ =>
                {
                    ran = true;
                    return Task.CompletedTask;
                })))
                .NoRollback("test"))
            .Parameter("Deployment", "web");
        File.WriteAllText(run.JournalPath, """{"time":"2026-12-06T02:00:00+00:00","event":"run-started","runbook":"test-runbook","parameters":{"Deployment":""}}""" + "\n");

        var resumed = await RunAsync(run, run.Bind(), TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.Equal(RunStatus.NotStarted, resumed.Status);
        Assert.Contains("Parameter 'Deployment' was given an empty value", resumed.Reason);
        Assert.False(ran);
    }

    private static async Task<RunOutcome> RunAsync(TestRun run, RunContext context, RunnerOptions options)
    {
        var console = new PlainConsole();
        return await new RunbookRunner(console.Console, options with { Clock = run.Clock, JournalPath = run.JournalPath }, run.Prompts)
            .ExecuteAsync(context, CancellationToken.None);
    }
}

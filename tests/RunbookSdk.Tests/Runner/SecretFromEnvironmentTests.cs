using System.Text.Json;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A secret not given on the command line is read from <c>RUNBOOK_SECRET_&lt;NAME&gt;</c>: a token typed as
/// <c>ApiToken=…</c> on a shared bastion is in everyone's <c>ps</c> output and in shell history. The host is run
/// in-process with its environment given (tests run in parallel, so none sets the process's own).
/// </summary>
public sealed class SecretFromEnvironmentTests
{
    private const string Token = "tok-3nv-s3cret";

    private static TestRun Runbook(List<string> seen) => SecretUsingRunbook.Create(seen);

    private static Dictionary<string, string> Environment(string value) => new() { ["RUNBOOK_SECRET_APITOKEN"] = value };

    private static JsonElement SecretSources(string journal) =>
        Journal.Read(journal).Single(e => e.Name == "run-started").Fields.GetProperty("secretSources");

    [Fact]
    public async Task A_live_run_reads_a_secret_not_given_from_its_environment_variable_and_journals_where_it_came_from_never_the_value()
    {
        var seen = new List<string>();
        using var run = Runbook(seen);
        var journal = run.Temp.File("run.jsonl");

        var result = await Host.RunAsync(run.Catalog(), Environment(Token), "run", run.Id, "--non-interactive", "--journal", journal);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Token], seen);
        Assert.Contains("Authorization: Bearer ***", result.Output);
        Assert.DoesNotContain(Token, result.Output);
        Assert.Equal("environment", SecretSources(journal).GetProperty("ApiToken").GetString());
        Assert.DoesNotContain(Token, File.ReadAllText(journal));
    }

    [Fact]
    public async Task The_command_line_wins_over_the_environment_and_is_journaled_as_cli()
    {
        var seen = new List<string>();
        using var run = Runbook(seen);
        var journal = run.Temp.File("run.jsonl");

        var result = await Host.RunAsync(run.Catalog(), Environment(Token), "run", run.Id, "ApiToken=from-the-cli", "--non-interactive", "--journal", journal);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["from-the-cli"], seen);
        Assert.Equal("cli", SecretSources(journal).GetProperty("ApiToken").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_environment_variable_is_a_missing_secret_and_the_refusal_names_the_variable(string value)
    {
        var seen = new List<string>();
        using var run = Runbook(seen);
        var journal = run.Temp.File("run.jsonl");

        var result = await Host.RunAsync(run.Catalog(), Environment(value), "run", run.Id, "--non-interactive", "--journal", journal);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Missing secret parameter 'ApiToken': set the environment variable RUNBOOK_SECRET_APITOKEN", result.Output);
        Assert.Empty(seen);
        Assert.False(File.Exists(journal));
    }

    [Fact]
    public async Task Only_the_upper_cased_name_with_the_prefix_is_read()
    {
        using var run = Runbook([]);
        var environment = new Dictionary<string, string> { ["ApiToken"] = Token, ["RUNBOOK_SECRET_ApiToken"] = Token, ["APITOKEN"] = Token };

        var result = await Host.RunAsync(run.Catalog(), environment, "run", run.Id, "--non-interactive", "--journal", run.Temp.File("run.jsonl"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Missing secret parameter 'ApiToken'", result.Output);
    }

    [Fact]
    public async Task The_dry_run_shows_a_secret_from_the_environment_as_given_masked_and_names_the_variable()
    {
        using var run = Runbook([]);

        var result = await Host.RunAsync(run.Catalog(), Environment(Token), "run", run.Id, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  ApiToken = ***  (secret, from RUNBOOK_SECRET_APITOKEN)", result.Lines);
        Assert.Contains("Authorization: Bearer ***", result.Output);
        Assert.DoesNotContain("<missing:ApiToken>", result.Output);
        Assert.DoesNotContain(Token, result.Output);
    }

    [Fact]
    public async Task A_resume_reads_the_secret_from_the_environment_again()
    {
        var seen = new List<string>();
        var fail = true;
        using var run = new TestRun((rb, p) => rb
                .Phase("Act", ph => ph.Step("Call the API", s => s.Execute("call", ctx =>
                {
                    seen.Add(ctx.Parameters["ApiToken"]);
                    return fail ? throw new InvalidOperationException("API down") : Task.CompletedTask;
                })))
                .NoRollback("test"))
            .Parameter("ApiToken", "", secret: true);
        var journal = run.Temp.File("run.jsonl");
        var first = await Host.RunAsync(run.Catalog(), Environment(Token), "run", run.Id, "--non-interactive", "--journal", journal);
        fail = false;

        var resumed = await Host.RunAsync(run.Catalog(), Environment(Token), "run", run.Id, "--resume", journal, "--non-interactive");

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal([Token, Token], seen);
        Assert.All(Journal.Read(journal).Where(e => e.Name == "run-started"),
            e => Assert.Equal("environment", e.Fields.GetProperty("secretSources").GetProperty("ApiToken").GetString()));
        Assert.DoesNotContain(Token, File.ReadAllText(journal));
    }

    [Theory]
    [InlineData("--dry-run")]
    [InlineData("--non-interactive")]
    public async Task A_secret_given_on_the_command_line_still_works_with_one_warning_naming_the_variable(string mode)
    {
        var seen = new List<string>();
        using var run = Runbook(seen);

        var result = await Host.RunAsync(run.Catalog(), new Dictionary<string, string>(), "run", run.Id, "ApiToken=" + Token, mode, "--journal", run.Temp.File("run.jsonl"));

        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(result.Lines, l => l.StartsWith("warning: secret", StringComparison.Ordinal));
        Assert.Equal("warning: secret 'ApiToken' was given on the command line, where other users see it in ps output and your shell history keeps it; set the environment variable RUNBOOK_SECRET_APITOKEN instead.", warning);
        Assert.DoesNotContain(Token, result.Output);
    }

    [Fact]
    public async Task A_secret_from_the_environment_draws_no_warning()
    {
        using var run = Runbook([]);

        var result = await Host.RunAsync(run.Catalog(), Environment(Token), "run", run.Id, "--non-interactive", "--journal", run.Temp.File("run.jsonl"));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("warning: secret", result.Output);
    }
}

using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A secret that is empty is a missing secret: a live run with it would send <c>Authorization: Bearer </c>. It is
/// refused before anything runs, as a missing required parameter is, unless the runbook defaults it to a value.
/// </summary>
public sealed class MissingSecretTests
{
    private static TestRun Runbook(List<string> log, string token) => new TestRun(rb => rb
            .Phase("Act", p => p.Step("Call the API", s => s.Execute("call", _ =>
            {
                log.Add("called");
                return Task.CompletedTask;
            })))
            .NoRollback("test"))
        .Parameter("ApiToken", token, secret: true);

    [Theory]
    [InlineData(null)]
    [InlineData("ApiToken=")]
    [InlineData("ApiToken=  ")]
    public async Task An_empty_secret_refuses_the_run_before_anything_runs_and_says_how_to_supply_it(string? given)
    {
        var log = new List<string>();
        using var run = Runbook(log, token: "");
        var journal = run.Temp.File("run.jsonl");

        var result = await Host.RunAsync(run.Catalog(), ["run", run.Id, .. given is null ? Array.Empty<string>() : [given], "--non-interactive", "--journal", journal]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Missing secret parameter 'ApiToken': set the environment variable RUNBOOK_SECRET_APITOKEN (or pass ApiToken=VALUE", result.Output);
        Assert.Empty(log);
        Assert.False(File.Exists(journal));
    }

    [Fact]
    public async Task A_secret_the_runbook_defaults_to_a_value_runs()
    {
        var log = new List<string>();
        using var run = Runbook(log, token: "default-token");

        var result = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--journal", run.Temp.File("run.jsonl"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["called"], log);
    }

    [Fact]
    public async Task The_dry_run_shows_a_missing_secret_inside_a_command_a_header_and_a_URL_as_a_placeholder_naming_it()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Act", ph => ph
                    .Step("Call the API", s => s
                        .Run($"curl -sS -H \"Authorization: Bearer {p["ApiToken"]}\" https://api.example.com/status")
                        .Http("GET", $"https://api.example.com/health?key={p["ApiToken"]}").Header("Authorization", $"Bearer {p["ApiToken"]}")))
                .NoRollback("test"))
            .Parameter("ApiToken", "", secret: true);

        var result = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("$ curl -sS -H \"Authorization: Bearer <missing:ApiToken>\" https://api.example.com/status", result.Output);
        Assert.Contains("GET https://api.example.com/health?key=<missing:ApiToken>", result.Output);
        Assert.Contains("header Authorization: Bearer <missing:ApiToken>", result.Output);
        Assert.DoesNotContain("Bearer \"", result.Output);
    }

    [Fact]
    public async Task The_dry_run_shows_an_empty_secret_as_missing()
    {
        using var run = Runbook([], token: "");

        var result = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  ApiToken = (missing: an interactive live run asks for it before anything runs, echo off, and one that is not interactive refuses to start; set RUNBOOK_SECRET_APITOKEN or pass ApiToken=VALUE)  (secret)", result.Lines);
    }

    [Fact]
    public async Task The_dry_run_says_what_stands_in_for_a_missing_secret_whose_placeholder_the_runbook_refuses()
    {
        using var run = new TestRun((rb, p) =>
            {
                // The runbook's own check of the token's form, which no placeholder word passes.
                if (p["ApiToken"].Length > 0 && !p["ApiToken"].StartsWith("ghp_", StringComparison.Ordinal))
                    throw new ArgumentException("ApiToken is not a GitHub token (ghp_…)");
                rb.Phase("Act", ph => ph.Step("Call the API", s => s.Run($"curl -sS -H \"Authorization: Bearer {p["ApiToken"]}\" https://api.example.com/status")))
                    .NoRollback("test");
            })
            .Parameter("ApiToken", "", secret: true);

        var result = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        // The command reads "Bearer " with nothing after it: the line says that is a stand-in, not what would be sent.
        Assert.Contains("$ curl -sS -H \"Authorization: Bearer \" https://api.example.com/status", result.Output);
        Assert.Contains("  ApiToken = (missing: an interactive live run asks for it before anything runs, echo off, and one that is not interactive refuses to start; set RUNBOOK_SECRET_APITOKEN or pass ApiToken=VALUE"
            + "; the runbook refuses the placeholder <missing:ApiToken>, so where it is used the plan shows it empty in its place, which the live run does not run with)  (secret)", result.Lines);
    }

    [Fact]
    public async Task A_non_interactive_dry_run_ends_with_the_refusal_of_a_missing_secret()
    {
        using var run = Runbook([], token: "");

        var live = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--journal", run.JournalPath);
        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--dry-run");

        // Before, the dry run exited 0 saying "a live run refuses to start without it", and the live run did: exit 2.
        Assert.Equal(2, live.ExitCode);
        Assert.Equal(live.ExitCode, dry.ExitCode);
        Assert.EndsWith(live.Output[live.Output.IndexOf("error: Missing secret parameter 'ApiToken'", StringComparison.Ordinal)..], dry.Output, StringComparison.Ordinal);
        Assert.Contains("  ApiToken = (missing: a --non-interactive live run refuses to start without it; set RUNBOOK_SECRET_APITOKEN or pass ApiToken=VALUE)  (secret)", dry.Lines);
    }
}

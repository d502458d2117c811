using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// An interactive run whose secret neither the command line nor the environment supplied asks for it, echo off,
/// before anything runs, instead of refusing: the engineer types the token where no <c>ps</c> or history sees it.
/// </summary>
public sealed class SecretPromptTests
{
    private const string Token = "tok-typ3d-s3cret";

    private static TestRun Runbook(List<string> seen) => SecretUsingRunbook.Create(seen);

    [Fact]
    public async Task An_interactive_run_asks_for_a_missing_secret_naming_its_variable_and_runs_with_what_was_typed()
    {
        var seen = new List<string>();
        using var run = Runbook(seen);
        run.Prompts.AnswerSecret(Token);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["secret ApiToken (RUNBOOK_SECRET_APITOKEN)"], run.Prompts.Questions);
        Assert.Equal([Token], seen);
        Assert.Contains("Authorization: Bearer ***", result.Output);
        Assert.DoesNotContain(Token, result.Output);
        var started = result.Journal.Single(e => e.Name == "run-started");
        Assert.Equal("prompt", started.Fields.GetProperty("secretSources").GetProperty("ApiToken").GetString());
        Assert.DoesNotContain(Token, File.ReadAllText(run.JournalPath));
    }

    [Fact]
    public async Task An_empty_answer_refuses_the_run_before_anything_runs()
    {
        var seen = new List<string>();
        using var run = Runbook(seen);
        run.Prompts.AnswerSecret("");

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Missing secret parameter 'ApiToken': set the environment variable RUNBOOK_SECRET_APITOKEN", result.Outcome.Reason);
        Assert.Empty(seen);
        Assert.False(File.Exists(run.JournalPath));
    }

    [Fact]
    public async Task A_non_interactive_run_never_asks()
    {
        using var run = Runbook([]);

        var result = await run.RunAsync(TestRun.NonInteractive);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(run.Prompts.Questions);
    }

    [Fact]
    public async Task The_console_prompt_reads_the_secret_without_echoing_it_or_its_length()
    {
        var console = new KeyedConsole(Token + "\r");

        var answer = await new ConsoleOperatorPrompts(console).AskSecretAsync("ApiToken", "RUNBOOK_SECRET_APITOKEN", CancellationToken.None);

        Assert.Equal(Token, answer);
        Assert.Contains("ApiToken (secret; not shown as you type; next time set RUNBOOK_SECRET_APITOKEN):", console.Output);
        Assert.DoesNotContain(Token, console.Output);
        Assert.DoesNotContain("*", console.Output);
    }
}

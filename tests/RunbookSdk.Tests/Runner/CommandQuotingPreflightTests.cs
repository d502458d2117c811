using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A shell step whose command cannot be quoted with the run's values — a value with a blank inside backticks, where no
/// quoting keeps it literal — is refused before anything runs, live and in the dry run, naming the step and why.
/// Before, the steps before it ran (a real file is touched), the step failed with the refusal, and the rollback ran;
/// the dry run showed "(refused: …)" dimmed and exited 0.
/// </summary>
public sealed class CommandQuotingPreflightTests
{
    private static TestRun Runbook(TempDirectory temp, string value, bool conditional = false, bool destructive = false) => new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Restart the worker", s => s.Run($"touch {temp.File("restarted")}"))
                .Step("Show the host", s =>
                {
                    if (conditional) s.OnlyIf("the host is known");
                    s.Run($"echo `echo {p["Host"]}`");
                    if (destructive) s.Run("echo shown").RequiresConfirmation();
                }))
            .Rollback(r => r.Step("Undo", s => s.Run($"touch {temp.File("undone")}"))))
        .Parameter("Host", value);

    private const string Why = "step 1.2 'Show the host' has a command that cannot be quoted with these values: a value inside a backtick substitution";

    [Fact]
    public async Task A_run_with_a_command_that_cannot_be_quoted_refuses_before_the_first_step()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp, "db 1");

        var result = await run.RunAsync(TestRun.NonInteractive);

        Assert.False(File.Exists(temp.File("restarted")));
        Assert.False(File.Exists(temp.File("undone")));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not be prepared", result.Outcome.Reason);
        Assert.Contains(Why, result.Outcome.Reason);
        Assert.Empty(result.Journal);
    }

    [Fact]
    public async Task The_dry_run_marks_the_step_and_refuses_as_the_live_run_would()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp, "db 1");
        var console = new PlainConsole();

        var outcome = await new DryRunPrinter(console.Console).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(Why, outcome.Reason);
        var lines = console.Output.Split('\n').Select(l => l.Trim()).ToList();
        var step = lines.IndexOf("1.2 Show the host");
        Assert.True(step > 0, console.Output);
        Assert.StartsWith($"[refused: {Why}", lines[step + 1]);
    }

    [Fact]
    public async Task A_step_that_may_not_run_is_named_and_fails_only_if_it_runs()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp, "db 1", conditional: true);
        run.Prompts.Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(temp.File("restarted")));
        Assert.Contains($"{Why}", result.Output);
        Assert.Contains("it may not run (a condition or a decision decides); if it does, it fails and runs nothing", result.Output);
    }

    [Fact]
    public async Task A_destructive_step_that_may_not_run_warns_before_its_confirmation_of_the_command_it_cannot_show()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp, "db 1", conditional: true, destructive: true);
        run.Prompts.Answer(true).Answer(false); // the condition holds; the confirmation is declined

        var result = await run.RunAsync(TestRun.Interactive);

        // The confirmation was asked, and on the lines before it the run said what the step would run: the command it
        // can show as '$ …', the one it cannot quote named as such in its place, never a '$' line for it.
        Assert.Contains("'Show the host' is destructive. Run it now?", run.Prompts.Questions);
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        var step = Array.IndexOf(lines, "1.2  Show the host");
        Assert.True(step > 0, result.Output);
        var willRun = lines.Skip(step + 1).Where(l => l.StartsWith("  will run", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            ["  will run a command that cannot be quoted with these values: a value inside a backtick substitution (`...`) cannot be quoted: the shell reads it again as a command. Write $(...) instead",
             "  will run: $ echo shown"],
            willRun);
        Assert.Equal("the operator declined the destructive step", result.Events("step-finished").Single(e => e["title"] == "Show the host")["reason"]);
    }

    [Fact]
    public async Task A_plain_word_runs_as_before()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp, "db1");

        var result = await run.RunAsync(TestRun.NonInteractive);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(temp.File("restarted")));
    }
}

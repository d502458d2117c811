using RunbookSdk.Execution;
using static RunbookSdk.Tests.Runner.UnfinishedCommandOnResumeTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A resumed step the earlier run started without a recorded result was introduced with "…; it runs again." on the
/// line before "Run the step again?", as if the answer were given. The line now names the questions that follow in the
/// run's mode, and says "it runs again" only where it does without one. What the run does is unchanged: each case
/// runs the step again (the answers are yes), as the command's second line in its file shows.
/// </summary>
public sealed class UnfinishedStepWordsOnResumeTests
{
    private const string Started = "This step started in the earlier run but has no recorded result";

    [Theory]
    [InlineData("interactive", $"{Started}: you are asked below whether to run it again.")]
    [InlineData("interactive, conditional", $"{Started}: you are asked below whether its condition holds, then whether to run it again.")]
    [InlineData("interactive, destructive, --resend-requests", $"{Started}: you are asked below to confirm it (it is destructive).")]
    [InlineData("interactive, destructive", $"{Started}: you are asked below whether to run it again, then to confirm it (it is destructive).")]
    [InlineData("interactive, idempotent", $"{Started}; it runs again.")]
    [InlineData("--non-interactive --resend-requests", $"{Started}; it runs again.")]
    [InlineData("--non-interactive --yes --resend-requests, destructive", $"{Started}; it runs again.")]
    public async Task The_line_before_a_resumed_step_says_what_is_asked_or_that_it_runs_again(string mode, string said)
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph.Step("Deploy", s =>
            {
                if (mode.Contains("conditional", StringComparison.Ordinal)) s.OnlyIf("the canary is unhealthy");
                s.Run($"echo deployed >> {p["Deploys"]}");
                if (mode.Contains("destructive", StringComparison.Ordinal)) s.RequiresConfirmation();
                if (mode.Contains("idempotent", StringComparison.Ordinal)) s.Idempotent();
            }))
            .NoRollback("test"));
        run.Parameter("Deploys", run.Temp.File("deploys"));
        await run.RunAsync(TestRun.NonInteractive with { AssumeYes = true, Conditions = ConditionAnswer.Hold });
        DieDuringTheCommand(run);
        var options = (mode.StartsWith("--non-interactive", StringComparison.Ordinal) ? TestRun.NonInteractive : TestRun.Interactive) with
        {
            ResumeJournal = run.JournalPath,
            ResendRequests = mode.Contains("--resend-requests", StringComparison.Ordinal),
            AssumeYes = mode.Contains("--yes", StringComparison.Ordinal),
        };
        // Every question the line names is answered yes, and no other is asked.
        var questions = said.Split(", then ").Length;
        if (said.Contains("asked below", StringComparison.Ordinal))
            for (var i = 0; i < questions; i++) run.Prompts.Answer(true);

        var resumed = await run.RunAsync(options);

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Single(resumed.Output.Split('\n'), line => line.Contains(said, StringComparison.Ordinal));
        Assert.Equal(said.Contains("asked below", StringComparison.Ordinal) ? questions : 0, run.Prompts.Questions.Count);
        Assert.Equal(2, File.ReadAllLines(run.Temp.File("deploys")).Length);
    }
}

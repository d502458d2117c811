using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// C# code (<c>Execute(...)</c>) the run was in when it died may have done its work — it is opaque: a deploy through an
/// SDK, a failover — so a resume does not run it again behind the engineer's back, as it does not run again a command
/// of a destructive step: an interactive resume asks, a non-interactive one refuses to start unless
/// <c>--resend-requests</c> says to. Code that finished before the run died in a later action runs again as before.
/// </summary>
public sealed class UnfinishedCodeOnResumeTests
{
    [Fact]
    public async Task A_non_interactive_resume_does_not_run_again_code_the_run_died_in_without_resend_requests()
    {
        var calls = 0;
        using var run = FailOver(() => calls++);
        await run.RunAsync();
        DieDuringTheCode(run);

        var refused = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.Equal(RunStatus.NotStarted, refused.Outcome.Status);
        Assert.Contains("'Fail over' ran the code 'fails over through the SDK' (it did not finish) in the earlier run", refused.Outcome.Reason);
        Assert.Contains("pass --resend-requests to run it again", refused.Outcome.Reason);
        Assert.Equal(1, calls);

        var resent = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath, ResendRequests = true });

        Assert.True(resent.ExitCode == 0, resent.Output);
        Assert.Equal(2, calls);
        var choice = resent.Events("choice").Single(e => e["about"] == "resend");
        Assert.Equal(("resend", "--resend-requests"), (choice["choice"], choice["by"]));
    }

    [Theory]
    [InlineData(true, 0, 2)]
    [InlineData(false, 5, 1)]
    public async Task An_interactive_resume_asks_before_running_the_code_again_and_journals_the_answer(bool answer, int exitCode, int expectedCalls)
    {
        var calls = 0;
        using var run = FailOver(() => calls++);
        await run.RunAsync();
        DieDuringTheCode(run);
        run.Prompts.Answer(answer);

        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == exitCode, resumed.Output);
        Assert.Equal(expectedCalls, calls);
        Assert.StartsWith("Run the step again? Check first whether what it started took effect", Assert.Single(run.Prompts.Questions));
        Assert.Contains("In the earlier run this step ran the code 'fails over through the SDK' (it did not finish)", resumed.Output);
        var choice = resumed.Events("choice").Single(e => e["about"] == "resend");
        Assert.Equal((answer ? "resend" : "declined", "operator"), (choice["choice"], choice["by"]));
    }

    [Fact]
    public async Task Code_that_finished_before_the_run_died_in_a_later_action_runs_again_unasked()
    {
        var calls = 0;
        using var run = new TestRun((rb, p) => rb
                .Phase("Diagnose", ph => ph
                    .Step("Gather", s => s
                        .Execute("reads the queue depth", _ => { calls++; return Task.CompletedTask; })
                        .Run($"echo gathered >> {p["Log"]}")))
                .NoRollback("test"));
        run.Parameter("Log", run.Temp.File("log"));
        await run.RunAsync();
        // The run died after the code's end was recorded, before the command's end: cut at the command's record.
        var lines = File.ReadAllLines(run.JournalPath);
        var commandEnd = Array.FindIndex(lines, l => l.Contains("\"kind\":\"shell\"", StringComparison.Ordinal));
        File.WriteAllLines(run.JournalPath, lines.Take(commandEnd));

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath, ResendRequests = false });

        // The command the run died in is asked about (it may have changed things); the code is not named.
        Assert.Equal(RunStatus.NotStarted, resumed.Outcome.Status);
        Assert.DoesNotContain("the code", resumed.Outcome.Reason);
        Assert.Equal(1, calls);
    }

    private static TestRun FailOver(Action call) => new(rb => rb
        .Phase("Mitigate", ph => ph
            .Step("Fail over", s => s.Execute("fails over through the SDK", _ => { call(); return Task.CompletedTask; })))
        .NoRollback("test"));

    /// <summary>The run died while the code ran: the journal ends before the code's end (its action) was recorded.</summary>
    private static void DieDuringTheCode(TestRun run)
    {
        var lines = File.ReadAllLines(run.JournalPath);
        var action = Array.FindIndex(lines, l => l.Contains("\"event\":\"action\"", StringComparison.Ordinal));
        Assert.True(action > 0, "no action record");
        File.WriteAllLines(run.JournalPath, lines.Take(action));
    }
}

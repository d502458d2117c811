using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A shell command the run was in when it died may have done its work — <c>curl -X POST …/failover</c>, or any
/// <c>./deploy.sh</c> — as surely as a POST in flight: resuming must not run it again behind the engineer's back. An
/// interactive resume asks, a non-interactive one refuses to start unless <c>--resend-requests</c> says to.
/// </summary>
public sealed class UnfinishedCommandOnResumeTests
{
    [Fact]
    public async Task A_non_interactive_resume_does_not_run_again_a_command_the_run_died_in_without_resend_requests()
    {
        using var service = new CountingService();
        using var run = FailOver(service);
        await run.RunAsync();
        DieDuringTheCommand(run);

        var refused = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.Equal(RunStatus.NotStarted, refused.Outcome.Status);
        Assert.Contains($"'Fail over' ran `curl -sS --fail -X POST --data to=b {service.Url}failover` (no result recorded) in the earlier run", refused.Outcome.Reason);
        Assert.Contains("pass --resend-requests to run it again", refused.Outcome.Reason);
        Assert.Equal(1, service.Posts);

        var resent = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath, ResendRequests = true });

        Assert.True(resent.ExitCode == 0, resent.Output);
        Assert.Equal(2, service.Posts);
        Assert.Equal("--resend-requests", resent.Events("choice").Single(e => e["about"] == "resend")["by"]);
    }

    [Theory]
    [InlineData(true, 0, 2)]
    [InlineData(false, 5, 1)]
    public async Task An_interactive_resume_asks_before_running_the_command_again_and_no_stops_the_run(bool answer, int exitCode, int posts)
    {
        using var service = new CountingService();
        using var run = FailOver(service);
        await run.RunAsync();
        DieDuringTheCommand(run);
        run.Prompts.Answer(answer);

        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == exitCode, resumed.Output);
        Assert.Equal(posts, service.Posts);
        Assert.StartsWith("Run the step again? Check first whether what it started took effect", Assert.Single(run.Prompts.Questions));
        Assert.Contains("In the earlier run this step ran `curl", resumed.Output);
    }

    [Fact]
    public async Task The_question_names_a_retried_command_once_with_how_many_attempts_ran_and_how_the_last_ended()
    {
        // A destructive step: every command it started is asked about, each attempt's too (it listed the command three times).
        // Two attempts fail, the third hangs and is cut off by the operator's Ctrl+C once it printed "attempt-3" (which the
        // command shown before it does not hold).
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph.Step("Fail over", s => s
                .Run($"echo attempt >> {p["Attempts"]}; if [ $(wc -l < {p["Attempts"]}) -ge 3 ]; then echo attempt-$((2+1)); sleep 60; fi; exit 1")
                .Retry(3, TimeSpan.FromSeconds(5))
                .RequiresConfirmation()))
            .NoRollback("test"));
        run.Parameter("Attempts", run.Temp.File("attempts"));
        using (var ctrlC = new CancellationTokenSource())
        {
            var console = new PlainConsole(new CancelOnText("attempt-3", ctrlC));
            var interrupted = await new RunbookRunner(console.Console, TestRun.NonInteractive with { Clock = run.Clock, JournalPath = run.JournalPath, AssumeYes = true }, run.Prompts)
                .ExecuteAsync(run.Bind(), ctrlC.Token);
            Assert.Equal(RunStatus.Cancelled, interrupted.Status);
        }
        run.Prompts.Answer(false);

        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath, AssumeYes = true });

        var command = $"echo attempt >> {run.Temp.File("attempts")}";
        var said = Assert.Single(resumed.Output.Split('\n'), l => l.Contains("In the earlier run this step ran", StringComparison.Ordinal));
        Assert.True(said.Contains("(3 attempts; the last was interrupted: it did not finish); it may have taken effect", StringComparison.Ordinal), said);
        Assert.Equal(1, said.Split(command).Length - 1);
        Assert.Equal(3, File.ReadAllLines(run.Temp.File("attempts")).Length);
    }

    [Fact]
    public async Task A_destructive_step_s_command_the_run_died_in_is_not_run_again_with_yes_alone()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Mitigate", ph => ph
                    .Step("Deploy", s => s.Run($"echo deployed >> {p["Deploys"]}").RequiresConfirmation()))
                .NoRollback("test"));
        run.Parameter("Deploys", run.Temp.File("deploys"));
        var yes = TestRun.NonInteractive with { AssumeYes = true };
        await run.RunAsync(yes);
        DieDuringTheCommand(run);

        var refused = await run.RunAsync(yes with { ResumeJournal = run.JournalPath });
        var resent = await run.RunAsync(yes with { ResumeJournal = run.JournalPath, ResendRequests = true });

        Assert.Equal(RunStatus.NotStarted, refused.Outcome.Status);
        Assert.Contains("'Deploy' ran `echo deployed >> ", refused.Outcome.Reason);
        Assert.True(resent.ExitCode == 0, resent.Output);
        Assert.Equal(2, File.ReadAllLines(run.Temp.File("deploys")).Length);
    }

    public static TheoryData<string> LocalScripts => new()
    {
        "cd {0} && ./deploy.sh",
        "{0}/deploy.sh",
        "bash {0}/deploy.sh",
        "sh {0}/deploy.sh",
    };

    [Theory]
    [MemberData(nameof(LocalScripts))]
    public async Task A_local_script_the_run_died_in_is_not_run_again_unasked_in_a_step_not_marked_destructive(string form)
    {
        using var temp = new Support.TempDirectory();
        File.WriteAllText(temp.File("deploy.sh"), "#!/bin/sh\necho deployed >> \"$(dirname \"$0\")/deploys\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp.File("deploy.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var run = new TestRun((rb, p) => rb
                .Phase("Mitigate", ph => ph.Step("Deploy", s => s.Run(string.Format(form, p["Dir"]))))
                .NoRollback("test"));
        run.Parameter("Dir", temp.Path);
        await run.RunAsync();
        DieDuringTheCommand(run);

        var refused = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });
        run.Prompts.Answer(false);
        var declined = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

        Assert.Equal(RunStatus.NotStarted, refused.Outcome.Status);
        Assert.Contains("'Deploy' ran `", refused.Outcome.Reason);
        Assert.Contains("(no result recorded) in the earlier run", refused.Outcome.Reason);
        Assert.Equal(RunStatus.Aborted, declined.Outcome.Status);
        Assert.StartsWith("Run the step again? Check first whether what it started took effect", Assert.Single(run.Prompts.Questions));
        Assert.Single(File.ReadAllLines(temp.File("deploys")));
    }

    [Fact]
    public async Task A_command_that_ended_before_the_run_died_in_a_later_action_simply_runs_again()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Diagnose", ph => ph.Step("Count the pods", s => s
                    .Run($"echo counted >> {p["Checks"]}")
                    .Wait(TimeSpan.FromSeconds(1), "the count settles")))
                .NoRollback("test"));
        run.Parameter("Checks", run.Temp.File("checks"));
        await run.RunAsync();
        // The run died in the wait, after the command's end was recorded.
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.Take(Array.FindIndex(lines, l => l.Contains("\"wait-started\"", StringComparison.Ordinal))));

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Empty(resumed.Events("choice"));
        Assert.Equal(2, File.ReadAllLines(run.Temp.File("checks")).Length);
    }

    [Fact]
    public async Task A_verification_command_the_run_died_in_simply_runs_again()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Nothing to do", s => s.Note("n")))
            .NoRollback("test")
            .Verification(v => v.Step("Health", s => s.Run("echo healthy"))));
        await run.RunAsync();
        CutBefore(run, Array.FindLastIndex);

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Empty(resumed.Events("choice"));
    }

    private static TestRun FailOver(CountingService service) => new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph
                .Step("Fail over", s => s.Run($"curl -sS --fail -X POST --data to=b {p["Url"]}failover")))
            .NoRollback("test"))
        .Parameter("Url", service.Url);

    /// <summary>The run died while the command ran: the journal ends before the command's end (its action) was recorded.</summary>
    /// <summary>Cuts the journal before the first action's record: as if the run died in the step's first command.</summary>
    internal static void DieDuringTheCommand(TestRun run) => CutBefore(run, Array.FindIndex);

    private static void CutBefore(TestRun run, Func<string[], Predicate<string>, int> find)
    {
        var lines = File.ReadAllLines(run.JournalPath);
        var action = find(lines, l => l.Contains("\"event\":\"action\"", StringComparison.Ordinal));
        Assert.True(action > 0, "no action record");
        File.WriteAllLines(run.JournalPath, lines.Take(action));
    }

    private sealed class CountingService : IDisposable
    {
        private readonly TestHttpServer _server;
        private int _posts;

        public CountingService() => _server = new TestHttpServer(context =>
        {
            if (context.Request.HttpMethod == "POST") Interlocked.Increment(ref _posts);
            return TestHttpServer.ReplyAsync(context, 200, "ok");
        });

        public string Url => _server.Url;
        public int Posts => Volatile.Read(ref _posts);

        public void Dispose() => _server.Dispose();
    }
}

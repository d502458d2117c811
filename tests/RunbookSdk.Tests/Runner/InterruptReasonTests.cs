using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Ctrl+C during a step says what it stopped. A wait interrupted with "its processes were killed" sends the engineer
/// looking for processes the step never started, on the console and in the journal the incident review reads.
/// </summary>
public sealed class InterruptReasonTests
{
    [Fact]
    public async Task Ctrl_C_during_a_wait_does_not_claim_processes_were_killed()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Let it settle", s => s.Wait(TimeSpan.FromHours(1), "the new version warms up")))
            .NoRollback("test"));
        using var ctrlC = new CancellationTokenSource();
        var console = new Support.PlainConsole();
        // The real clock, so the wait really waits until Ctrl+C; it is pressed once the journal shows the wait started.
        var options = TestRun.NonInteractive with { JournalPath = run.JournalPath, Clock = TimeProvider.System };
        var running = Task.Run(() => new RunbookRunner(console.Console, options, run.Prompts).ExecuteAsync(run.Bind(), ctrlC.Token));
        while (!running.IsCompleted && !JournalShows(run.JournalPath, "\"wait-started\""))
            await Task.Delay(20);
        ctrlC.Cancel();
        // A guard against hanging the test suite, not a limit on how fast the run must be.
        var outcome = await running.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        var reason = Journal.Read(run.JournalPath).Last(e => e.Name == "step-finished")["reason"];
        Assert.Equal("interrupted by the operator (Ctrl+C) during the wait", reason);
        Assert.DoesNotContain("processes were killed", console.Output);
    }

    [Fact]
    public async Task Ctrl_C_between_two_attempts_of_a_retried_command_says_no_command_was_running()
    {
        using var temp = new Support.TempDirectory();
        // Fails at once, then waits an hour before its second attempt: Ctrl+C lands in that wait.
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Deploy the known-good version", s => s.Run("exit 7").Retry(3, TimeSpan.FromHours(1))))
            .NoRollback("test"));

        var (journal, output) = await InterruptOnceShownAsync(run, "\"event\":\"action\"");

        var reason = journal.Last(e => e.Name == "step-finished")["reason"];
        Assert.Equal("interrupted by the operator (Ctrl+C) during the wait before attempt 2 of 3; no command was running", reason);
        Assert.DoesNotContain("processes were killed", output);
    }

    [Fact]
    public async Task Ctrl_C_between_two_attempts_of_a_retried_request_says_no_request_was_in_flight()
    {
        using var service = new NonShellStepFailureTests.TestHttpServer(context =>
            NonShellStepFailureTests.TestHttpServer.ReplyAsync(context, 503, """{"status":"starting"}""", "application/json"));
        using var run = new TestRun((rb, p) => rb
                .Phase("Verify rollout", ph => ph.Step("Health is green", s => s
                    .Http("GET", p["Url"] + "health").ExpectStatus(200).Retry(4, TimeSpan.FromHours(1))))
                .NoRollback("test"))
            .Parameter("Url", service.Url);

        var (journal, output) = await InterruptOnceShownAsync(run, "\"event\":\"action\"");

        var reason = journal.Last(e => e.Name == "step-finished")["reason"];
        Assert.Equal("interrupted by the operator (Ctrl+C) during the wait before attempt 2 of 4; no request was in flight", reason);
        Assert.DoesNotContain("the request was cancelled", output);
    }

    [Fact]
    public async Task Ctrl_C_during_a_wait_journals_the_wait_as_an_interrupted_action()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Let it settle", s => s.Wait(TimeSpan.FromHours(1), "the new version warms up")))
            .NoRollback("test"));

        var journal = await InterruptOnceStartedAsync(run, "\"wait-started\"");

        var action = Assert.Single(journal, e => e.Name == "action");
        Assert.Equal(("wait", "the new version warms up", "true"), (action["kind"], action["reason"], action["interrupted"]));
        Assert.Equal("3600000", action["durationMs"]);
        Assert.True(long.Parse(action["waitedMs"]!) < 3_600_000, action.Line);
        Assert.Equal("phase-1/step-1:Let it settle", action["key"]);
    }

    [Fact]
    public async Task Ctrl_C_during_a_monitor_journals_what_was_watched_as_an_interrupted_action()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Watch errors", s => s.Monitor("the error rate", TimeSpan.FromHours(1))))
            .NoRollback("test"));

        var journal = await InterruptOnceStartedAsync(run, "\"step-started\"");

        var action = Assert.Single(journal, e => e.Name == "action");
        Assert.Equal(("monitor", "the error rate", "true"), (action["kind"], action["what"], action["interrupted"]));
        Assert.Equal("3600000", action["durationMs"]);
        Assert.NotNull(action["waitedMs"]);
    }

    /// <summary>Runs on the real clock, so the wait really waits, and presses Ctrl+C once the journal shows <paramref name="started"/>.</summary>
    private static async Task<IReadOnlyList<JournalEvent>> InterruptOnceStartedAsync(TestRun run, string started) =>
        (await InterruptOnceShownAsync(run, started)).Journal;

    /// <summary>As <see cref="InterruptOnceStartedAsync"/>, and also gives what the console showed.</summary>
    private static async Task<(IReadOnlyList<JournalEvent> Journal, string Output)> InterruptOnceShownAsync(TestRun run, string started)
    {
        using var ctrlC = new CancellationTokenSource();
        var console = new Support.PlainConsole();
        var options = TestRun.NonInteractive with { JournalPath = run.JournalPath, Clock = TimeProvider.System };
        var running = Task.Run(() => new RunbookRunner(console.Console, options, run.Prompts).ExecuteAsync(run.Bind(), ctrlC.Token));
        while (!running.IsCompleted && !JournalShows(run.JournalPath, started))
            await Task.Delay(20);
        ctrlC.Cancel();
        // A guard against hanging the test suite, not a limit on how fast the run must be.
        var outcome = await running.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        return (Journal.Read(run.JournalPath), console.Output);
    }

    /// <summary>Reads the journal as `tail -f` would, beside the run that writes it.</summary>
    private static bool JournalShows(string path, string text)
    {
        if (!File.Exists(path)) return false;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd().Contains(text, StringComparison.Ordinal);
    }
}

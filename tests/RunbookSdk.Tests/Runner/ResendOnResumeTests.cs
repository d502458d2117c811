using System.Net;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A POST the run was waiting on when it died may have reached the server (a deploy, a failover). Resuming must not
/// send it again behind the engineer's back: an interactive resume asks, a non-interactive one refuses to start
/// unless <c>--resend-requests</c> says to send it again.
/// </summary>
public sealed class ResendOnResumeTests
{
    [Fact]
    public async Task A_run_killed_while_its_POST_was_in_flight_does_not_resend_it_on_a_non_interactive_resume_without_resend_requests()
    {
        await SandboxApp.EnsureBuiltAsync();
        await using var service = new FaultService();
        using var temp = new TempDirectory();
        var journal = temp.File("journal.jsonl");

        // The sandbox app, a real process: it sends POST /fault, which the service holds; then it is killed (kill -9).
        using (var first = SandboxApp.Start(temp.Path, "run", "sandbox-dependency-fault", $"BaseUrl={service.Url.TrimEnd('/')}", "--non-interactive", "--journal", journal))
        {
            _ = first.StandardOutput.ReadToEndAsync();
            _ = first.StandardError.ReadToEndAsync();
            await service.FirstPostArrived;
            first.Kill();
            await first.WaitForExitAsync();
        }
        Assert.Equal(1, service.Posts);

        var refused = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-dependency-fault", "--resume", journal, "--non-interactive");

        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains("'Switch the fault off' sent POST", refused.Output);
        Assert.Contains("(no answer recorded)", refused.Output);
        Assert.Contains("--resend-requests", refused.Output);
        Assert.Equal(1, service.Posts);

        var resent = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-dependency-fault", "--resume", journal, "--non-interactive", "--resend-requests");

        Assert.True(resent.ExitCode == 0, resent.Output);
        Assert.Equal(2, service.Posts);
        var choice = Journal.Read(journal).Single(e => e.Name == "choice" && e["about"] == "resend");
        Assert.Equal("--resend-requests", choice["by"]);
    }

    [Theory]
    [InlineData(true, 0, 2)]
    [InlineData(false, 5, 1)]
    public async Task An_interactive_resume_asks_before_sending_again_and_no_stops_the_run(bool answer, int exitCode, int posts)
    {
        var count = 0;
        using var service = new TestHttpServer(context =>
        {
            if (context.Request.HttpMethod == "POST") Interlocked.Increment(ref count);
            return TestHttpServer.ReplyAsync(context, 200, "{\"ok\":true}", "application/json");
        });
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph
                .Step("Fail over", s => s.Http("POST", p["Url"] + "failover").Body("{\"to\":\"b\"}").ExpectStatus(200))
                .Step("Check", s => s.Http("GET", p["Url"] + "health")))
            .NoRollback("test"))
            .Parameter("Url", service.Url);
        await run.RunAsync();
        // The run died while the POST was in flight: the journal ends where it was sent.
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.Take(Array.FindIndex(lines, l => l.Contains("\"request-sending\"", StringComparison.Ordinal)) + 1));
        run.Prompts.Answer(answer);

        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == exitCode, resumed.Output);
        Assert.Equal(posts, count);
        Assert.StartsWith("Run the step again and send it again?", run.Prompts.Questions[0]);
        Assert.Contains($"In the earlier run this step sent POST {service.Url}failover (no answer recorded)", resumed.Output);
    }

    [Fact]
    public async Task A_POST_whose_step_failed_without_seeing_its_answer_is_not_sent_again_unasked()
    {
        // The failover API takes longer than the step's time-out: the step fails "no response within …", but the
        // failover happened. Before, the step had a result (failed), so a resume sent the POST again without a word: a
        // second failover. A POST answered 500 is a known answer, and its step simply runs again.
        var posts = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var service = new TestHttpServer(async context =>
        {
            var path = context.Request.Url!.AbsolutePath;
            if (path == "/failover" && Interlocked.Increment(ref posts) == 1) await release.Task;
            await TestHttpServer.ReplyAsync(context, path == "/purge" ? 500 : 200, "{\"ok\":true}", "application/json");
        });
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph
                .Step("Fail over", s => s.Http("POST", p["Url"] + "failover").Body("{\"to\":\"b\"}").Timeout(TimeSpan.FromMilliseconds(300))))
            .NoRollback("test"))
            .Parameter("Url", service.Url);
        using var purge = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph.Step("Purge", s => s.Http("POST", p["Url"] + "purge").Body("{}")))
            .NoRollback("test"))
            .Parameter("Url", service.Url);
        try
        {
            var first = await run.RunAsync();
            Assert.Equal(1, first.ExitCode);
            Assert.Equal("true", first.Events("action").Single()["outcomeUnknown"]);

            var refused = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

            Assert.True(refused.ExitCode == 2, refused.Output);
            Assert.Contains("--resend-requests", refused.Outcome.Reason);
            Assert.Equal(1, posts);

            run.Prompts.Answer(false);
            var declined = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

            Assert.True(declined.ExitCode == 5, declined.Output);
            Assert.Contains($"In the earlier run this step sent POST {service.Url}failover (no answer recorded)", declined.Output);
            Assert.Equal(1, posts);

            Assert.Equal(1, (await purge.RunAsync()).ExitCode);
            var again = await purge.RunAsync(TestRun.NonInteractive with { ResumeJournal = purge.JournalPath });
            Assert.True(again.ExitCode == 1, again.Output);
            Assert.DoesNotContain("--resend-requests", again.Outcome.Reason);
            Assert.Equal(2, again.Events("request-sending").Count());
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task The_question_names_a_retried_POST_once_with_how_many_attempts_were_sent_and_how_the_last_ended()
    {
        // The warning listed the request once per attempt, which read as three failovers.
        using var failover = new RetriedFailover();
        await failover.InterruptInItsThirdAttemptAsync();
        failover.Run.Prompts.Answer(false);

        var resumed = await failover.Run.RunAsync(TestRun.Interactive with { ResumeJournal = failover.Run.JournalPath });

        var said = Assert.Single(resumed.Output.Split('\n'), l => l.Contains("In the earlier run this step sent", StringComparison.Ordinal));
        Assert.True(said.Contains($"sent POST {failover.Url}failover (3 attempts; the last had no answer recorded); it may have reached the server", StringComparison.Ordinal), said);
        Assert.Equal(1, said.Split("failover").Length - 1);
        Assert.Equal(3, failover.Posts);
    }

    [Fact]
    public async Task The_question_counts_every_attempt_of_a_retried_POST_sent_and_says_how_the_last_one_sent_ended()
    {
        // Two attempts got no answer in time, the third was answered 500, and the step failed. The question counted the
        // two unanswered alone and called the second "the last": "(2 attempts; the last had no answer recorded)".
        var posts = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var service = new TestHttpServer(async context =>
        {
            if (Interlocked.Increment(ref posts) <= 2) await release.Task;
            await TestHttpServer.ReplyAsync(context, 500, "{\"error\":\"busy\"}", "application/json");
        });
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph.Step("Fail over", s => s.Http("POST", p["Url"] + "failover").Body("{}")
                .Timeout(TimeSpan.FromMilliseconds(300)).Retry(3, TimeSpan.FromSeconds(5))))
            .NoRollback("test"))
            .Parameter("Url", service.Url);
        try
        {
            var first = await run.RunAsync();
            Assert.True(first.ExitCode == 1, first.Output);
            Assert.Equal(["true", "true", null], first.Events("action").Select(a => a.Fields.TryGetProperty("outcomeUnknown", out _) ? a["outcomeUnknown"] : null));
            run.Prompts.Answer(false);

            var declined = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

            var said = Assert.Single(declined.Output.Split('\n'), l => l.Contains("In the earlier run this step sent", StringComparison.Ordinal));
            Assert.True(said.Contains($"sent POST {service.Url}failover (3 attempts; the last was answered 500; the outcome of 2 of them is unknown); it may have reached the server", StringComparison.Ordinal), said);
            Assert.Equal(3, posts);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task A_journal_written_before_requests_carried_their_attempt_lists_each_POST_it_sent()
    {
        // Nothing in such a journal says the POSTs were attempts of one request: each is listed as it was.
        using var failover = new RetriedFailover();
        await failover.InterruptInItsThirdAttemptAsync();
        var path = failover.Run.JournalPath;
        File.WriteAllLines(path, File.ReadAllLines(path).Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"attempt\":\\d+,", "")));
        Assert.DoesNotContain("\"attempt\"", File.ReadAllText(path));
        failover.Run.Prompts.Answer(false);

        var resumed = await failover.Run.RunAsync(TestRun.Interactive with { ResumeJournal = path });

        var request = $"POST {failover.Url}failover";
        Assert.Contains($"sent {request} (answered 500); {request} (answered 500); {request} (no answer recorded); it may have reached the server", resumed.Output);
    }

    [Fact]
    public async Task A_retried_POST_that_never_connected_is_sent_again_unasked_after_a_Ctrl_C_in_the_wait_before_its_next_attempt()
    {
        // Nothing listens on the port: each attempt is refused its connection, so no request left. The operator's Ctrl+C
        // in the wait before the second attempt interrupted the step, and the resume said the POST "may have reached the
        // server", asked, and a non-interactive resume refused to start.
        var closedPort = TestHttpServer.FreePort();
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph.Step("Fail over", s => s.Http("POST", p["Url"] + "failover").Body("{}").Retry(2, TimeSpan.FromSeconds(5))))
            .NoRollback("test"))
            .Parameter("Url", $"http://127.0.0.1:{closedPort}/");
        using (var ctrlC = new CancellationTokenSource())
        {
            var console = new PlainConsole(new CancelOnText("retrying in", ctrlC));
            var interrupted = await new RunbookRunner(console.Console, TestRun.NonInteractive with { Clock = run.Clock, JournalPath = run.JournalPath }, run.Prompts)
                .ExecuteAsync(run.Bind(), ctrlC.Token);
            Assert.Equal(RunStatus.Cancelled, interrupted.Status);
        }
        Assert.Equal("true", Assert.Single(Journal.Read(run.JournalPath), e => e.Name == "action")["neverSent"]);
        Assert.Empty(ResumeState.Read(run.JournalPath).SentRequests);

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 1, resumed.Output);
        Assert.DoesNotContain("In the earlier run this step sent", resumed.Output);
        var again = resumed.Events("step-finished").Last();
        Assert.Equal("failed", again["result"]);
        Assert.StartsWith("2 attempts failed", again["reason"]);
    }

    /// <summary>
    /// A failover step that retries its POST (<c>Retry(3, …)</c>) against an API that answers 500 twice and holds the
    /// third POST, when the operator's Ctrl+C cuts the step off.
    /// </summary>
    private sealed class RetriedFailover : IDisposable
    {
        private readonly CancellationTokenSource _ctrlC = new();
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TestHttpServer _service;
        private int _posts;

        public RetriedFailover()
        {
            _service = new TestHttpServer(async context =>
            {
                if (context.Request.HttpMethod == "POST" && Interlocked.Increment(ref _posts) == 3)
                {
                    _ctrlC.Cancel();
                    await _release.Task;
                }
                await TestHttpServer.ReplyAsync(context, 500, "{\"error\":\"busy\"}", "application/json");
            });
            Run = new TestRun((rb, p) => rb
                .Phase("Mitigate", ph => ph.Step("Fail over", s => s.Http("POST", p["Url"] + "failover").Body("{\"to\":\"b\"}").Retry(3, TimeSpan.FromSeconds(5))))
                .NoRollback("test"))
                .Parameter("Url", _service.Url);
        }

        public TestRun Run { get; }
        public string Url => _service.Url;
        public int Posts => Volatile.Read(ref _posts);

        public async Task InterruptInItsThirdAttemptAsync()
        {
            var interrupted = await new RunbookRunner(new PlainConsole().Console, TestRun.NonInteractive with { Clock = Run.Clock, JournalPath = Run.JournalPath }, Run.Prompts)
                .ExecuteAsync(Run.Bind(), _ctrlC.Token);
            Assert.Equal(RunStatus.Cancelled, interrupted.Status);
        }

        public void Dispose()
        {
            _release.TrySetResult();
            _service.Dispose();
            Run.Dispose();
            _ctrlC.Dispose();
        }
    }

    [Fact]
    public async Task A_GET_in_flight_is_simply_sent_again()
    {
        using var service = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 200, "ok"));
        using var run = new TestRun((rb, p) => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("GET", p["Url"] + "health").Timeout(TimeSpan.FromSeconds(5))))
            .NoRollback("test"))
            .Parameter("Url", service.Url);
        await run.RunAsync();
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.Take(Array.FindIndex(lines, l => l.Contains("\"step-started\"", StringComparison.Ordinal)) + 1));

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Empty(ResumeState.Read(run.JournalPath).SentRequests);
    }

    /// <summary>
    /// The sandbox service's fault switch, held: the first POST /fault never gets an answer (the run dies waiting),
    /// later ones switch it off; health is green once a POST was answered.
    /// </summary>
    private sealed class FaultService : IAsyncDisposable
    {
        private readonly TaskCompletionSource _firstPost = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TestHttpServer _server;
        private int _posts;
        private volatile bool _off;

        public FaultService() => _server = new TestHttpServer(HandleAsync);

        public string Url => _server.Url;
        public int Posts => Volatile.Read(ref _posts);
        public Task FirstPostArrived => _firstPost.Task;

        private async Task HandleAsync(HttpListenerContext context)
        {
            var path = context.Request.Url!.AbsolutePath;
            if (context.Request.HttpMethod == "POST" && path == "/fault")
            {
                if (Interlocked.Increment(ref _posts) == 1)
                {
                    _firstPost.TrySetResult();
                    await _release.Task;
                    return;
                }
                _off = true;
                await TestHttpServer.ReplyAsync(context, 200, "{\"enabled\": false}", "application/json");
            }
            else if (path == "/fault") await TestHttpServer.ReplyAsync(context, 200, "{\"enabled\": true}", "application/json");
            else if (path == "/health") await TestHttpServer.ReplyAsync(context, _off ? 200 : 503, _off ? "{\"status\":\"ok\"}" : "{\"status\":\"dependency unavailable\"}", "application/json");
            else await TestHttpServer.ReplyAsync(context, 404, "");
        }

        public ValueTask DisposeAsync()
        {
            _release.TrySetResult();
            _server.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

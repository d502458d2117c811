using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A step's key in the journal holds its title, masked like every text the journal holds: a secret whose value is a
/// word of a title (a staging database's password "postgres", a step "Restart postgres") makes the key
/// <c>phase-1/step-1:Restart ***</c>. A resume must still find the step by that key — before, it looked for the
/// title in clear, found nothing, and ran a completed step again and sent a POST again without asking — also when the
/// secret's value changed between the run and its resume (a password rotated mid-incident).
/// </summary>
public sealed class SecretInStepTitleResumeTests
{
    private const string Password = "postgres";

    [Fact]
    public async Task A_completed_step_whose_title_holds_a_secret_is_not_repeated_on_resume()
    {
        var restarts = new Counter();
        using var run = await RestartThenDieAsync(Password, restarts);
        Assert.Contains("Restart ***", File.ReadAllText(run.JournalPath), StringComparison.Ordinal);

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Equal(1, restarts.Count);
        Assert.DoesNotContain(Password, File.ReadAllText(run.JournalPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_POST_in_flight_in_a_step_whose_title_holds_a_secret_is_not_sent_again_unasked()
    {
        using var service = new PostCounter();
        using var run = await FailOverThenDieAsync(service);

        var refused = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains("--resend-requests", refused.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(1, service.Posts);
    }

    /// <summary>
    /// The password rotated mid-incident (a breach) and the run resumed with the new one: the journal's
    /// <c>Restart ***</c> hid the old value, and this run shows the title in clear. The step is the same step.
    /// </summary>
    [Fact]
    public async Task A_completed_step_is_not_repeated_when_the_secret_in_its_title_changed_before_the_resume()
    {
        var restarts = new Counter();
        using var run = await RestartThenDieAsync(Password, restarts);

        var resumed = await run.WithValue("DbPassword", "n3w-Rotated!").RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Equal(1, restarts.Count);
        // The resumed run's records carry the step's key as the journal has it, so a resume of the resume finds it too
        // (its title is in clear now: "postgres" is no longer a secret's value).
        Assert.Equal("phase-1/step-1:Restart ***", Assert.Single(resumed.Events("step-skipped"))["key"]);
    }

    [Fact]
    public async Task A_completed_step_is_not_repeated_when_a_new_secret_value_masks_its_title_on_resume()
    {
        var restarts = new Counter();
        using var run = await RestartThenDieAsync("0ld-Value!", restarts);

        var resumed = await run.WithValue("DbPassword", Password).RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Equal(1, restarts.Count);
    }

    [Fact]
    public async Task A_POST_in_flight_is_not_sent_again_unasked_when_the_secret_in_its_title_changed_before_the_resume()
    {
        using var service = new PostCounter();
        using var run = await FailOverThenDieAsync(service);

        var refused = await run.WithValue("DbPassword", "n3w-Rotated!").RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains("--resend-requests", refused.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(1, service.Posts);
    }

    /// <summary>A run of "Restart postgres" with the password <paramref name="password"/>, which died right after the restart.</summary>
    private static async Task<TestRun> RestartThenDieAsync(string password, Counter restarts)
    {
        var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph
                .Step("Restart postgres", s => s.Execute("restart", _ => { Interlocked.Increment(ref restarts.Count); return Task.CompletedTask; }))
                .Step("Check", s => s.Execute("check", _ => Task.CompletedTask)))
            .NoRollback("test"))
            .Parameter("DbPassword", password, secret: true);
        await run.RunAsync(TestRun.NonInteractive);
        CutAfterFirst(run, "step-finished");
        return run;
    }

    /// <summary>A run of "Fail postgres over" whose POST was in flight when it died.</summary>
    private static async Task<TestRun> FailOverThenDieAsync(PostCounter service)
    {
        var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph
                .Step("Fail postgres over", s => s.Http("POST", p["Url"] + "failover").ExpectStatus(200)))
            .NoRollback("test"))
            .Parameter("Url", service.Url)
            .Parameter("DbPassword", Password, secret: true);
        await run.RunAsync(TestRun.NonInteractive);
        CutAfterFirst(run, "request-sending");
        return run;
    }

    /// <summary>Leaves the journal as a run that died right after the first record of <paramref name="name"/> left it.</summary>
    private static void CutAfterFirst(TestRun run, string name)
    {
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.Take(Array.FindIndex(lines, l => l.Contains($"\"{name}\"", StringComparison.Ordinal)) + 1));
    }

    private sealed class Counter
    {
        public int Count;
    }

    /// <summary>A service on 127.0.0.1 that answers 200 and counts the POSTs it received.</summary>
    private sealed class PostCounter : IDisposable
    {
        private readonly TestHttpServer _server;
        private int _posts;

        public PostCounter() => _server = new TestHttpServer(context =>
        {
            if (context.Request.HttpMethod == "POST") Interlocked.Increment(ref _posts);
            return TestHttpServer.ReplyAsync(context, 200, "{\"ok\":true}", "application/json");
        });

        public string Url => _server.Url;
        public int Posts => Volatile.Read(ref _posts);

        public void Dispose() => _server.Dispose();
    }
}

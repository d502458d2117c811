using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A step that notifies and then acts, cut off after the webhook took its message: the message is in the channel, and
/// a resume that runs the step again must not post it a second time (the channel, customers too, read the same news
/// twice). One the webhook refused was never delivered and is posted again.
/// </summary>
public sealed class NotificationOnResumeTests
{
    [Fact]
    public async Task A_notification_the_webhook_took_before_the_run_died_is_not_posted_again_on_resume_nor_on_a_second_resume()
    {
        using var server = Webhook();
        using var run = Runbook(server);
        await run.RunAsync();
        Assert.Equal(1, _posts);
        DieAfterTheWebhookAnswered(run.JournalPath);

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Equal(1, _posts);
        Assert.Contains("Notification 'Update' for #status: posted to the webhook in the earlier run, at ", resumed.Output);
        Assert.Contains("not posted again", resumed.Output);

        // The resume journaled when it was posted: a resume of that journal, cut in the same step, knows it too.
        DieAfterTheWebhookAnswered(run.JournalPath, last: true);
        var again = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(1, _posts);
    }

    [Fact]
    public async Task The_dry_run_of_that_resume_says_the_notification_is_not_posted_again()
    {
        using var server = Webhook();
        using var run = Runbook(server);
        await run.RunAsync();
        DieAfterTheWebhookAnswered(run.JournalPath);

        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run", "--resume", run.JournalPath);

        Assert.True(dry.ExitCode == 0, dry.Output);
        // Before, it showed the message "posted to the webhook at 127.0.0.1", which the live resume then did not post.
        Assert.Contains("[posted to the webhook in the earlier run, at ", dry.Output, StringComparison.Ordinal);
        Assert.Contains(": the resume does not post it again]", dry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("posted to the webhook at 127.0.0.1", dry.Output, StringComparison.Ordinal);
        Assert.Equal(1, _posts);
    }

    [Fact]
    public async Task A_notification_the_webhook_refused_is_posted_again_on_resume()
    {
        using var server = Webhook(refuseFirstPost: true);
        using var run = Runbook(server);
        await run.RunAsync();
        DieAfterTheWebhookAnswered(run.JournalPath);

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Equal(2, _posts);
        Assert.Contains("posted to the webhook (200)", resumed.Output);
    }

    // The POSTs the listener received: the webhook's (the step's own request is a GET).
    private int _posts;

    /// <summary>The webhook and the step's service in one listener, counting the posts; the first refused (500) when asked.</summary>
    private TestHttpServer Webhook(bool refuseFirstPost = false) => new(context =>
    {
        if (context.Request.HttpMethod == "POST" && Interlocked.Increment(ref _posts) == 1 && refuseFirstPost) return TestHttpServer.ReplyAsync(context, 500, "down");
        return TestHttpServer.ReplyAsync(context, 200, "ok");
    });

    private static TestRun Runbook(TestHttpServer server) => new TestRun((rb, p) => rb
            .Communication("Update", "{title}: we are failing over", "#status")
            .Phase("Mitigate", ph => ph
                .Step("Tell and fail over", s => s
                    .Notify("Update")
                    .Http("GET", p["Url"] + "failover")))
            .NoRollback("test"))
        .Parameter("Url", server.Url)
        .Parameter("WebhookUrl", server.Url + "hook");

    /// <summary>Cuts the journal after the webhook's answer (the first, or the last): the run died in the step's next action.</summary>
    private static void DieAfterTheWebhookAnswered(string journal, bool last = false)
    {
        var lines = File.ReadAllLines(journal);
        bool IsAnswer(string l) => l.Contains("\"kind\":\"webhook\"", StringComparison.Ordinal) || l.Contains("\"postedBefore\"", StringComparison.Ordinal);
        var at = last ? Array.FindLastIndex(lines, IsAnswer) : Array.FindIndex(lines, IsAnswer);
        Assert.True(at >= 0, string.Join("\n", lines));
        File.WriteAllLines(journal, lines.Take(at + 1));
    }
}

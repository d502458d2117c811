using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A notification the webhook refused was one warning under its step, and the run closed with "Run succeeded: every
/// step done": the customers were never told, and nothing at the end said so. The end of the run names each one.
/// </summary>
public sealed class UndeliveredNotificationTests
{
    [Fact]
    public async Task The_end_of_the_run_names_every_notification_the_webhook_did_not_take()
    {
        var posts = 0;
        using var server = new TestHttpServer(context =>
            TestHttpServer.ReplyAsync(context, Interlocked.Increment(ref posts) == 1 ? 500 : 200, "ok"));
        using var run = new TestRun((rb, p) => rb
            .Communication("customer-update", "{title}: investigating", "#status")
            .Communication("internal", "{title}: working on it", "#incident")
            .Phase("Tell", ph => ph
                .Step("Tell customers", s => s.Notify("customer-update"))
                .Step("Tell the team", s => s.Notify("internal")))
            .NoRollback("test"))
            .Parameter("WebhookUrl", server.Url + "hook");

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(2, posts);
        var end = result.Output[result.Output.IndexOf("Run succeeded", StringComparison.Ordinal)..];
        Assert.Contains("NOT POSTED: the webhook did not take 1 notification(s): 1.1 'Tell customers': 'customer-update' for #status (the webhook answered 500)", end);
        Assert.Contains("Post them by hand", end);
        Assert.DoesNotContain("'internal'", end);
    }

    [Fact]
    public async Task A_run_whose_notifications_all_reached_the_webhook_ends_without_the_warning()
    {
        using var server = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 200, "ok"));
        using var run = new TestRun((rb, p) => rb
            .Communication("internal", "{title}: working on it", "#incident")
            .Phase("Tell", ph => ph.Step("Tell the team", s => s.Notify("internal")))
            .NoRollback("test"))
            .Parameter("WebhookUrl", server.Url + "hook");

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("NOT POSTED", result.Output);
    }
}

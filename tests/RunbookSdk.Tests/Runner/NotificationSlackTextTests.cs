using System.Text.Json;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// What a notification fills in reaches a Slack-style webhook as literal text: a reason pasted from an alert with
/// <c>&lt;!channel&gt;</c>, <c>&gt;</c> or <c>&amp;</c> in it pinged the whole channel or became a link. The
/// template's own Slack syntax is left as its author wrote it, and the console shows the message as written.
/// </summary>
public sealed class NotificationSlackTextTests
{
    [Fact]
    public async Task Filled_in_values_are_escaped_for_slack_and_the_template_s_own_link_is_kept()
    {
        using var server = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 200, "ok"));
        using var run = new TestRun((rb, p) => rb
            .Communication("Update", "{title}: {Reason} (see <https://status.example.com|status page>) 🔥\nNext update soon.", "#status")
            .Phase("Tell", ph => ph.Step("Tell", s => s.Notify("Update")))
            .NoRollback("test"))
            .Parameter("Reason", "<!channel> latency > 2s & \"errors\"")
            .Parameter("WebhookUrl", server.Url + "hook");

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        var hook = Assert.Single(server.Requests, r => r.Method == "POST");
        var text = JsonDocument.Parse(hook.Body).RootElement.GetProperty("text").GetString();
        Assert.Equal("Test runbook: &lt;!channel&gt; latency &gt; 2s &amp; \"errors\" (see <https://status.example.com|status page>) 🔥\nNext update soon.", text);
        Assert.Contains("| Test runbook: <!channel> latency > 2s & \"errors\" (see <https://status.example.com|status page>) 🔥", result.Output);
    }

    [Fact]
    public async Task A_secret_with_slack_characters_inside_a_filled_in_value_is_masked_before_it_is_escaped()
    {
        using var server = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 200, "ok"));
        using var run = new TestRun((rb, p) => rb
            .Communication("Update", "{title}: {Other}", "#status")
            .Phase("Tell", ph => ph.Step("Tell", s => s.Notify("Update")))
            .NoRollback("test"))
            .Parameter("Token", "s<e>c&ret", secret: true)
            .Parameter("Other", "x s<e>c&ret y")
            .Parameter("WebhookUrl", server.Url + "hook");

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        var hook = Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.Equal("Test runbook: x *** y", JsonDocument.Parse(hook.Body).RootElement.GetProperty("text").GetString());
    }
}

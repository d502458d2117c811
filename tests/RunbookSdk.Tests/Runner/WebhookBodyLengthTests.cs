using System.Text;
using System.Text.Json;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A webhook receiver that reads the body by its Content-Length (a small bot on Python's http.server, some proxies)
/// got an empty body from the chunked POST, and posted nothing while the runner said "posted to the webhook (200)".
/// </summary>
public sealed class WebhookBodyLengthTests
{
    [Fact]
    public async Task The_notification_is_posted_with_its_length_not_chunked()
    {
        using var server = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 200, "ok"));
        using var run = new TestRun((rb, p) => rb
            .Communication("Update", "{title}: failing over — ünïcode 🔥", "#status")
            .Phase("Tell", ph => ph.Step("Tell", s => s.Notify("Update")))
            .NoRollback("test"))
            .Parameter("WebhookUrl", server.Url + "hook");

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        var hook = Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.False(hook.Headers.ContainsKey("Transfer-Encoding"), string.Join(", ", hook.Headers));
        Assert.Equal(Encoding.UTF8.GetByteCount(hook.Body).ToString(System.Globalization.CultureInfo.InvariantCulture), hook.Headers["Content-Length"]);
        Assert.StartsWith("application/json", hook.Headers["Content-Type"]);
        using var json = JsonDocument.Parse(hook.Body);
        Assert.Equal("Test runbook: failing over — ünïcode 🔥", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("#status", json.RootElement.GetProperty("channel").GetString());
        Assert.Equal("Update", json.RootElement.GetProperty("template").GetString());
    }
}

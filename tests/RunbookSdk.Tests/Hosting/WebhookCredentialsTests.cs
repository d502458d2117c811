using System.Text;
using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Hosting;

/// <summary>
/// A webhook whose URL carries its credentials (<c>https://bot:password@hooks.example/…</c>), given with
/// <c>--webhook</c> or as the runbook's <c>WebhookUrl</c> parameter: the password is never shown or journaled, and it
/// is sent as Basic credentials, as an HTTP step's URL is.
/// </summary>
public sealed class WebhookCredentialsTests
{
    private const string Password = "hunter2-webhook-pw";

    private static TestRun Runbook() => new TestRun(rb => rb
            .Communication("Investigating", "{title}: looking into it", "#incidents")
            .Phase("Tell", p => p.Step("Tell the team", s => s.Notify("Investigating")))
            .NoRollback("test"))
        .Parameter("WebhookUrl", "");

    /// <summary>A webhook that takes a message only with its Basic credentials, as a chat bridge behind a proxy does.</summary>
    private static TestHttpServer Webhook() => new(context =>
        context.Request.Headers["Authorization"] == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"bot:{Password}"))
            ? TestHttpServer.ReplyAsync(context, 200, "ok")
            : TestHttpServer.ReplyAsync(context, 401, "who are you?"));

    [Theory]
    [InlineData("--webhook")]
    [InlineData("WebhookUrl")]
    public async Task A_webhook_password_is_neither_shown_nor_journaled(string how)
    {
        using var server = Webhook();
        using var run = Runbook();
        var url = server.Url.Replace("http://", $"http://bot:{Password}@", StringComparison.Ordinal) + "hook";
        string[] webhook = how == "--webhook" ? ["--webhook", url] : [$"WebhookUrl={url}"];

        var dry = await Host.RunAsync(run.Catalog(), ["run", run.Id, .. webhook, "--dry-run"]);
        var live = await Host.RunAsync(run.Catalog(), ["run", run.Id, .. webhook, "--non-interactive", "--journal", run.JournalPath]);

        Assert.DoesNotContain(Password, dry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, live.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, File.ReadAllText(run.JournalPath), StringComparison.Ordinal);
        if (how == "WebhookUrl")
        {
            // The parameter is shown, as every parameter is: its password is not.
            Assert.Contains($"WebhookUrl = http://bot:***@", dry.Output, StringComparison.Ordinal);
            Assert.Contains($"bot:***@", File.ReadAllText(run.JournalPath), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--webhook")]
    [InlineData("WebhookUrl")]
    public async Task A_webhook_urls_user_and_password_are_sent_as_basic_credentials(string how)
    {
        // As curl and an HTTP step send them. Before, .NET dropped them: the webhook answered 401, and the message was
        // left to post by hand with nothing saying why.
        using var server = Webhook();
        using var run = Runbook();
        var url = server.Url.Replace("http://", $"http://bot:{Password}@", StringComparison.Ordinal) + "hook";
        string[] webhook = how == "--webhook" ? ["--webhook", url] : [$"WebhookUrl={url}"];

        var live = await Host.RunAsync(run.Catalog(), ["run", run.Id, .. webhook, "--non-interactive", "--journal", run.JournalPath]);

        Assert.True(live.ExitCode == 0, live.Output);
        Assert.Contains("posted to the webhook (200)", live.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://bot:hunter2-webhook-pw@hooks example/hook")]
    [InlineData("ftp://bot:hunter2-webhook-pw@hooks.example/hook")]
    public async Task A_webhook_url_refused_is_named_without_its_password(string url)
    {
        using var run = Runbook();

        var option = await Host.RunAsync(run.Catalog(), "run", run.Id, "--webhook", url, "--dry-run");
        var parameter = await Host.RunAsync(run.Catalog(), "run", run.Id, $"WebhookUrl={url}", "--non-interactive", "--journal", run.JournalPath);

        Assert.Equal(2, option.ExitCode);
        Assert.Contains("--webhook '", option.Output, StringComparison.Ordinal);
        Assert.Contains("bot:***@", option.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, option.Output, StringComparison.Ordinal);
        Assert.True(parameter.ExitCode == 0, parameter.Output);
        Assert.Contains("the WebhookUrl parameter '", parameter.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, parameter.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, File.ReadAllText(run.JournalPath), StringComparison.Ordinal);
    }
}

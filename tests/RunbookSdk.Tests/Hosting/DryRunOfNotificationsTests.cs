using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

/// <summary>
/// The dry run shows a notification as the live run sends it: the message with the parameters, the runbook's facts and
/// the step filled in (secrets masked; the times said to be filled in when it is sent), and where it goes — the
/// webhook, by its host, or printed to post by hand, also when a <c>WebhookUrl</c> parameter is no http(s) URL.
/// Before, it showed only the template's name and channel: a message naming the wrong region, or a webhook that would
/// post nothing, was seen first in the incident.
/// </summary>
public sealed class DryRunOfNotificationsTests
{
    private static TestRun Runbook() => new TestRun(rb => rb
            .Title("Queue backlog")
            .Severity(Severity.P2)
            .Communication("Investigating", "[{severity}] {title} in {Region} (key {Token}): {step} since {started}", "#incidents")
            .Phase("Tell", p => p.Step("Tell the team", s => s.Notify("Investigating")))
            .NoRollback("test"))
        .Parameter("Region", "eu-west-1")
        .Parameter("Token", "s3cr3t-value", secret: true)
        .Parameter("WebhookUrl", "");

    [Fact]
    public async Task The_dry_run_shows_the_message_the_live_run_prints_and_where_it_goes()
    {
        using var run = Runbook();

        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run");
        var live = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--journal", run.JournalPath);

        const string Known = "[P2] Queue backlog in eu-west-1 (key ***): Tell the team since ";
        Assert.Contains($"| {Known}{{started}}", dry.Output, StringComparison.Ordinal);
        Assert.Contains("printed only (no --webhook, no WebhookUrl set): post it by hand; {started} filled in when it is sent", dry.Output, StringComparison.Ordinal);
        Assert.Contains(Known, live.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", dry.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dry_run_says_where_the_message_goes()
    {
        using var run = Runbook();

        var invalid = await Host.RunAsync(run.Catalog(), "run", run.Id, "WebhookUrl=hooks.example.com/T0/B0", "--dry-run");
        var webhook = await Host.RunAsync(run.Catalog(), "run", run.Id, "--webhook", "https://hooks.example.com/services/T0/B0/XYZ", "--dry-run");

        Assert.Contains("printed only: the WebhookUrl parameter 'hooks.example.com/T0/B0' is not an http(s) URL, so nothing was posted; post it by hand", invalid.Output, StringComparison.Ordinal);
        Assert.Contains("posted to the webhook at hooks.example.com (and printed)", webhook.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("XYZ", webhook.Output, StringComparison.Ordinal);
    }
}

using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A Notify step's page says where the message goes, as the runner sends it: to the step's channel, else to the one
/// its communication template names (the runbook's, else the handbook's), through the webhook the run is given, and
/// what it posts.
/// </summary>
public sealed class NotifyChannelPageTests
{
    private static readonly string Runbook = TestRunbooks.Runbook.Replace(
        ".ExpectStatus(200).ExpectBodyContains(\"ok\")))",
        ".ExpectStatus(200).ExpectBodyContains(\"ok\")\n" +
        "                        .Notify(\"status update\")\n" +
        "                        .Notify(\"Status update\", \"#exec-briefing\")))",
        StringComparison.Ordinal);

    [Fact]
    public void A_notify_step_names_the_channel_of_its_handbook_template_and_how_the_runner_delivers_it()
    {
        Assert.Contains(".Notify(\"status update\")", Runbook);

        var page = GeneratorHarness.ApiDownPage(Runbook);

        Assert.Contains(
            "**Notify:** send the \"status update\" communication template to #payments-incidents\n" +
            "- the runner posts it to the webhook given with `--webhook`; without one it prints the text for you to post\n",
            page);
    }

    [Fact]
    public void A_notify_step_shows_the_text_its_template_posts_so_it_can_be_posted_by_hand_from_the_step()
    {
        var page = GeneratorHarness.ApiDownPage(Runbook);

        Assert.Contains(
            "without one it prints the text for you to post\n\n```text\nWe are investigating {issue}.\n```\n",
            page);
    }

    [Fact]
    public void The_webhook_parameter_is_named_only_on_the_page_of_a_runbook_that_has_one()
    {
        // A reader looked for `WebhookUrl` in the Parameters table of a runbook that has none.
        Assert.DoesNotContain("WebhookUrl", GeneratorHarness.ApiDownPage(Runbook), StringComparison.Ordinal);

        var withWebhook = Runbook.Replace(
            "[Parameter(\"API token\"), Secret] public string ApiToken { get; init; } = \"\";",
            "[Parameter(\"API token\"), Secret] public string ApiToken { get; init; } = \"\";\n" +
            "            [Parameter(\"Chat webhook\")] public string WebhookUrl { get; init; } = \"https://hooks.example.com/ops\";",
            StringComparison.Ordinal);
        Assert.NotEqual(Runbook, withWebhook);

        Assert.Contains(
            "- the runner posts it to the webhook given with `--webhook` (or the runbook's `WebhookUrl` parameter); without one it prints the text for you to post\n",
            GeneratorHarness.ApiDownPage(withWebhook));
    }

    [Fact]
    public void A_channel_given_on_the_step_wins_over_the_templates()
    {
        var page = GeneratorHarness.ApiDownPage(Runbook);

        Assert.Contains("**Notify:** send the \"Status update\" communication template to #exec-briefing\n", page);
    }
}

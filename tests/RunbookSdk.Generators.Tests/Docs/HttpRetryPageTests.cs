using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>A request sent again until it meets its expectations (<c>Http(...).Retry(...)</c>) says so on the page and in the outline.</summary>
public sealed class HttpRetryPageTests
{
    private static readonly string Runbook = TestRunbooks.Runbook.Replace(
        ".ExpectStatus(200).ExpectBodyContains(\"ok\")))",
        ".ExpectStatus(200).ExpectBodyContains(\"ok\").Retry(5, System.TimeSpan.FromSeconds(10))))",
        StringComparison.Ordinal);

    [Fact]
    public void The_page_says_how_often_the_request_is_tried_under_its_expectations()
    {
        Assert.NotEqual(TestRunbooks.Runbook, Runbook);

        var page = GeneratorHarness.ApiDownPage(Runbook);

        // Without it the reader copying the curl by hand at 3 a.m. took the first 503 for a failed rollout.
        Assert.Contains("- expect body to contain `ok`\n- sent up to 5 times until it meets what it expects, first retry after 10 seconds, doubling\n", page);
    }

    [Fact]
    public void The_outline_records_the_retry_as_the_runner_derives_it()
    {
        var driver = GeneratorHarness.CreateDriver(buildProperties: new Dictionary<string, string> { ["RunbookSdkEmbedOutline"] = "true" });
        var generated = GeneratorHarness.GeneratedSource(
            driver.RunGenerators(GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook)).GetRunResult(), "Payments_ApiDown.Runbook.g.cs");

        var actions = RunbookSdk.Hosting.PlanOutline.Parse(GeneratorHarness.EmbeddedTexts(generated)[1]!).Phases[0].Steps[0].Actions;

        Assert.Contains("retry=5x00:00:10", actions.Single(a => a.Kind == "http").Details);
    }
}

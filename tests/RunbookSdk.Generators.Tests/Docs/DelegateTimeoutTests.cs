using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>A time limit on C# code (<c>Execute(...).Timeout(...)</c>) is documented as a request's is, and outlined as the runner reads it.</summary>
public sealed class DelegateTimeoutTests
{
    private static readonly string Runbook = TestRunbooks.Runbook.Replace(
        ".ExpectStatus(200).ExpectBodyContains(\"ok\")))",
        ".ExpectStatus(200).ExpectBodyContains(\"ok\")\n" +
        "                        .Execute(\"Flush the CDN cache\", _ => System.Threading.Tasks.Task.CompletedTask).Timeout(System.TimeSpan.FromSeconds(90))\n" +
        "                        .Execute(\"Tell the status page\", _ => System.Threading.Tasks.Task.CompletedTask)))",
        StringComparison.Ordinal);

    [Fact]
    public void The_page_shows_the_time_limit_under_the_code_it_bounds()
    {
        Assert.Contains("Flush the CDN cache", Runbook);

        var page = GeneratorHarness.ApiDownPage(Runbook);

        Assert.Contains("**Automated (C#):** Flush the CDN cache\n- time limit 90 seconds\n\n**Automated (C#):** Tell the status page\n", page);
    }

    [Fact]
    public void The_outline_records_the_time_limit_in_the_format_the_runner_derives()
    {
        var (run, _) = GeneratorHarness.Run(TestRunbooks.Handbook, Runbook);
        Assert.Empty(run.Diagnostics);
        var driver = GeneratorHarness.CreateDriver(buildProperties: new Dictionary<string, string> { ["RunbookSdkEmbedOutline"] = "true" });
        var generated = GeneratorHarness.GeneratedSource(
            driver.RunGenerators(GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook)).GetRunResult(), "Payments_ApiDown.Runbook.g.cs");

        var actions = RunbookSdk.Hosting.PlanOutline.Parse(GeneratorHarness.EmbeddedTexts(generated)[1]!).Phases[0].Steps[0].Actions;

        Assert.Equal(("delegate", "timeout=00:01:30"), (actions[2].Kind, Assert.Single(actions[2].Details)));
        Assert.Equal(("delegate", 0), (actions[3].Kind, actions[3].Details.Count));
        // The runner's side of the agreement (PlanOutlines) writes the same text for the recorded plan.
        Assert.Equal("00:01:30", RunbookSdk.Hosting.PlanOutlines.FormatDuration(TimeSpan.FromSeconds(90)));
    }
}

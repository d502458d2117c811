using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A <c>OneOf</c> decision: the page shows it as one ("Choose one: …" with the options under it, each saying it is an
/// option), project templates get it as <c>step.choice</c>, the generator reads it without RB0101, and the outline
/// carries it as the runner records it.
/// </summary>
public sealed class ChoicePageTests
{
    private static readonly string Runbook = TestRunbooks.Runbook.Replace(
        """
                    .Step("Restart", s => s
                        .Run($"kubectl rollout restart deployment/api -n {Namespace}").Timeout(TimeSpan.FromMinutes(2))
                        .RequiresConfirmation())
                    .Step("Scale", s => s
        """,
        """
                    .OneOf("Mitigation strategy", o => o
                        .Note("Pick what the diagnosis points at.")
                        .Step("Restart", s => s
                            .Run($"kubectl rollout restart deployment/api -n {Namespace}").Timeout(TimeSpan.FromMinutes(2))
                            .RequiresConfirmation())
                        .Step("Flush the cache", s => s.Run("redis-cli FLUSHALL").RequiresConfirmation()))
                    .Step("Scale", s => s
        """,
        StringComparison.Ordinal);

    [Fact]
    public void The_page_shows_one_decision_with_its_options_under_it()
    {
        Assert.Contains("OneOf", Runbook);

        var page = GeneratorHarness.ApiDownPage(Runbook);

        Assert.Contains(
            "### Choose one: Mitigation strategy\n\nExactly one of the next 2 steps runs, or none of them: the runner shows them numbered, asks once which to take and skips the others. A non-interactive run is told with `--choose \"Mitigation strategy=<option title or number>\"`.\n\nPick what the diagnosis points at.\n\n"
            + "#### 2.1 Restart\n\n> **Option 1 of 2 — Mitigation strategy.** It runs only when chosen: the runner asks once which option to take, or none, and skips the others.\n\n> **Destructive:**",
            page);
        Assert.Contains("#### 2.2 Flush the cache\n\n> **Option 2 of 2 — Mitigation strategy.**", page);
        // The step after the decision is an ordinary step again.
        Assert.Contains("### 2.3 Scale\n\n```bash", page);
    }

    [Fact]
    public void A_project_template_gets_the_decision_as_step_choice_and_in_the_step_body()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook);
        var template = new InMemoryAdditionalText("/repo/runbook-templates/runbook.md.sbntxt",
            "{{ for phase in phases }}{{ for step in phase.steps }}[{{ step.title }}:{{ if step.choice }} {{ step.choice.title }} {{ step.choice.option }}/{{ step.choice.options }} {{ step.choice.first }} {{ step.choice.note }}{{ end }}]\n{{ step.body }}\n{{ end }}{{ end }}");
        var run = GeneratorHarness.CreateDriver(new Microsoft.CodeAnalysis.AdditionalText[] { template }).RunGenerators(compilation).GetRunResult();

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("[Restart: Mitigation strategy 1/2 true Pick what the diagnosis points at.]\n> **Option 1 of 2 — Mitigation strategy.**", page);
        Assert.Contains("[Flush the cache: Mitigation strategy 2/2 false Pick what the diagnosis points at.]", page);
        Assert.Contains("[Scale:]\n```bash", page);
    }

    [Fact]
    public void OneOf_and_its_note_are_no_calls_the_generator_cannot_read()
    {
        var (run, _) = GeneratorHarness.Run(TestRunbooks.Handbook, Runbook);

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void The_outline_carries_each_options_place_in_its_decision()
    {
        var driver = GeneratorHarness.CreateDriver(buildProperties: new Dictionary<string, string> { ["RunbookSdkEmbedOutline"] = "true" });
        var generated = GeneratorHarness.GeneratedSource(
            driver.RunGenerators(GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook)).GetRunResult(), "Payments_ApiDown.Runbook.g.cs");

        var steps = RunbookSdk.Hosting.PlanOutline.Parse(GeneratorHarness.EmbeddedTexts(generated)[1]!).Phases[1].Steps;

        Assert.Equal(["1/2 Mitigation strategy", "2/2 Mitigation strategy", null], steps.Select(s => s.Choice));
        Assert.All(steps, s => Assert.Null(s.Condition));
        Assert.True(steps[1].RequiresConfirmation);
    }
}

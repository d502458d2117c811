using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A step written with <c>OnlyIf(condition)</c>: the page shows the condition on the step before anything else, the
/// generator reads it without RB0101, and the outline carries it as the runner records it.
/// </summary>
public sealed class ConditionalStepPageTests
{
    private static readonly string Runbook = TestRunbooks.Runbook.Replace(
        """
                    .Step("Restart", s => s
                        .Run(
        """,
        """
                    .Step("Restart", s => s
                        .OnlyIf("a deployment went out in the last hour")
                        .Run(
        """,
        StringComparison.Ordinal);

    [Fact]
    public void The_page_says_only_if_above_the_destructive_mark_and_the_commands()
    {
        Assert.Contains("OnlyIf", Runbook);

        var page = GeneratorHarness.ApiDownPage(Runbook);

        Assert.Contains(
            "### 2.1 Restart\n\n> **Only if** a deployment went out in the last hour. The runner asks whether this holds before the step, and skips the step when it does not.\n\n> **Destructive:**",
            page);
    }

    [Fact]
    public void A_project_template_gets_the_condition_as_step_condition_and_in_the_step_body()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook);
        var template = new InMemoryAdditionalText("/repo/runbook-templates/runbook.md.sbntxt",
            "{{ for phase in phases }}{{ for step in phase.steps }}[{{ step.title }}: {{ step.condition }}]\n{{ step.body }}\n{{ end }}{{ end }}");
        var run = GeneratorHarness.CreateDriver(new Microsoft.CodeAnalysis.AdditionalText[] { template }).RunGenerators(compilation).GetRunResult();

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("[Restart: a deployment went out in the last hour]\n> **Only if** a deployment went out in the last hour.", page);
        Assert.Contains("[Scale: ]\n```bash", page);
    }

    [Fact]
    public void OnlyIf_is_no_call_the_generator_cannot_read()
    {
        var (run, _) = GeneratorHarness.Run(TestRunbooks.Handbook, Runbook);

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void A_condition_that_is_not_a_constant_is_shown_as_its_source_and_nothing_throws()
    {
        var runbook = Runbook.Replace("""OnlyIf("a deployment went out in the last hour")""", "OnlyIf(DeploymentCondition())", StringComparison.Ordinal)
            .Replace("public override void Define", "private static string DeploymentCondition() => \"a deployment went out\";\n    public override void Define", StringComparison.Ordinal);

        var (run, _) = GeneratorHarness.Run(TestRunbooks.Handbook, runbook);
        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "RB0104");
        Assert.Contains("> **Only if** {DeploymentCondition()}. The runner asks", page);
    }

    // The runner refuses an empty condition when the runbook is defined (RB0021 says so at build); the page printed
    // "Only if ." above the step, a question nobody can answer. It leaves the mark out, and the step stands as written.
    [Theory]
    [InlineData("""OnlyIf("")""")]
    [InlineData("""OnlyIf("   ")""")]
    [InlineData("""OnlyIf($"")""")]
    [InlineData("OnlyIf()")]
    [InlineData("OnlyIf(null!)")]
    public void An_empty_condition_puts_no_only_if_on_the_page(string call)
    {
        var runbook = Runbook.Replace("""OnlyIf("a deployment went out in the last hour")""", call, StringComparison.Ordinal);
        Assert.Contains(call, runbook);

        var (run, _) = GeneratorHarness.Run(TestRunbooks.Handbook, runbook);
        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "RB0104");
        Assert.DoesNotContain("Only if", page);
        Assert.Contains("### 2.1 Restart\n\n> **Destructive:**", page);
    }

    [Fact]
    public void An_empty_condition_after_a_real_one_leaves_the_real_one_on_the_page()
    {
        var runbook = Runbook.Replace("""OnlyIf("a deployment went out in the last hour")""",
            """OnlyIf("a deployment went out in the last hour").OnlyIf("")""", StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("> **Only if** a deployment went out in the last hour. The runner asks", page);
    }

    [Fact]
    public void The_outline_carries_the_condition_and_a_step_without_one_has_none()
    {
        var driver = GeneratorHarness.CreateDriver(buildProperties: new Dictionary<string, string> { ["RunbookSdkEmbedOutline"] = "true" });
        var generated = GeneratorHarness.GeneratedSource(
            driver.RunGenerators(GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook)).GetRunResult(), "Payments_ApiDown.Runbook.g.cs");

        var phases = RunbookSdk.Hosting.PlanOutline.Parse(GeneratorHarness.EmbeddedTexts(generated)[1]!).Phases;

        Assert.Equal("a deployment went out in the last hour", phases[1].Steps[0].Condition);
        Assert.Null(phases[1].Steps[1].Condition);
    }
}

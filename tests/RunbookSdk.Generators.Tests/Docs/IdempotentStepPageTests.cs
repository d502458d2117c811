using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A step written with <c>Idempotent()</c>: the page marks it after the destructive mark (the confirmation is still
/// asked), the generator reads it without RB0101, and the outline carries it as the runner records it.
/// </summary>
public sealed class IdempotentStepPageTests
{
    private static readonly string Runbook = TestRunbooks.Runbook.Replace(
        """
                        .RequiresConfirmation())
                    .Step("Scale", s => s
        """,
        """
                        .RequiresConfirmation()
                        .Idempotent())
                    .Step("Scale", s => s
        """,
        StringComparison.Ordinal);

    [Fact]
    public void The_page_marks_the_step_idempotent_after_its_destructive_mark()
    {
        Assert.Contains(".Idempotent()", Runbook);

        var page = GeneratorHarness.ApiDownPage(Runbook);

        Assert.Contains(
            "> **Destructive:** the runner asks for confirmation before this step, and `--dry-run` never runs it.\n\n" +
            "> **Idempotent:** running this step again after an interruption does no harm; a resumed run repeats it without asking.\n\n```bash",
            page);
        Assert.Single(page.Split("**Idempotent:**")[1..]);
    }

    [Fact]
    public void Idempotent_is_no_call_the_generator_cannot_read()
    {
        var (run, _) = GeneratorHarness.Run(TestRunbooks.Handbook, Runbook);

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void A_project_template_gets_step_idempotent()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook);
        var template = new InMemoryAdditionalText("/repo/runbook-templates/runbook.md.sbntxt",
            "{{ for phase in phases }}{{ for step in phase.steps }}[{{ step.title }}: {{ step.idempotent }}]\n{{ end }}{{ end }}");
        var run = GeneratorHarness.CreateDriver(new Microsoft.CodeAnalysis.AdditionalText[] { template }).RunGenerators(compilation).GetRunResult();

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("[Restart: true]", page);
        Assert.Contains("[Scale: false]", page);
    }

    [Fact]
    public void The_outline_carries_the_mark_with_no_condition_and_a_step_without_it_has_none()
    {
        var driver = GeneratorHarness.CreateDriver(buildProperties: new Dictionary<string, string> { ["RunbookSdkEmbedOutline"] = "true" });
        var generated = GeneratorHarness.GeneratedSource(
            driver.RunGenerators(GeneratorHarness.Compile(TestRunbooks.Handbook, Runbook)).GetRunResult(), "Payments_ApiDown.Runbook.g.cs");

        var phases = RunbookSdk.Hosting.PlanOutline.Parse(GeneratorHarness.EmbeddedTexts(generated)[1]!).Phases;

        Assert.True(phases[1].Steps[0].Idempotent);
        Assert.Null(phases[1].Steps[0].Condition);
        Assert.True(phases[1].Steps[0].RequiresConfirmation);
        Assert.False(phases[1].Steps[1].Idempotent);
    }

    [Fact]
    public void An_option_of_a_decision_keeps_its_idempotent_mark_on_the_page_and_in_the_outline()
    {
        var decision = Runbook
            .Replace(".Step(\"Restart\", s => s", ".OneOf(\"Fix\", o => o.Step(\"Restart\", s => s", StringComparison.Ordinal)
            .Replace("\"Error rate query\")))", "\"Error rate query\"))))", StringComparison.Ordinal);
        Assert.Contains("OneOf(\"Fix\"", decision);
        var driver = GeneratorHarness.CreateDriver(buildProperties: new Dictionary<string, string> { ["RunbookSdkEmbedOutline"] = "true" });
        var run = driver.RunGenerators(GeneratorHarness.Compile(TestRunbooks.Handbook, decision)).GetRunResult();
        var texts = GeneratorHarness.EmbeddedTexts(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));

        Assert.Empty(run.Diagnostics);
        var restart = texts[^1]!.Split("#### ")[1..].Single(section => section.Contains("Restart", StringComparison.Ordinal) && section.Contains("Option 1 of 2", StringComparison.Ordinal));
        Assert.Contains("> **Idempotent:**", restart);
        var steps = RunbookSdk.Hosting.PlanOutline.Parse(texts[1]!).Phases[1].Steps;
        Assert.Equal([("Restart", true, "1/2 Fix"), ("Scale", false, "2/2 Fix")], steps.Select(st => (st.Title, st.Idempotent, st.Choice)));
    }
}

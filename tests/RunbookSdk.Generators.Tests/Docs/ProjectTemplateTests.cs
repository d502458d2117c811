using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A project's own page template (runbook-templates/*.sbntxt) is the project's code, not ours: whatever it does while
/// rendering, the runbook stays in the app, the build finishes, and the page falls back to the built-in one with RB0102.
/// </summary>
public sealed class ProjectTemplateTests
{
    private static readonly string BuiltInPage = GeneratorHarness.ApiDownPage(TestRunbooks.Runbook);

    private static GeneratorDriverRunResult RunWithRunbookTemplate(string template)
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook);
        var text = new InMemoryAdditionalText("/repo/runbook-templates/runbook.md.sbntxt", template);
        var run = Task.Run(() => GeneratorHarness.CreateDriver(new AdditionalText[] { text }).RunGenerators(compilation).GetRunResult());
        Assert.True(run.Wait(TimeSpan.FromMinutes(1)), "The generator did not finish within a minute: the build would hang.");
        return run.Result;
    }

    [Fact]
    public void A_project_template_that_fails_while_rendering_keeps_the_runbook_and_falls_back_to_the_built_in_page()
    {
        // Parses fine, fails on the first page: a typo in a member path.
        var run = RunWithRunbookTemplate("# {{ title }}\n{{ phases[0].stepz.first.title }}\n");

        // The runbook's part carries the runbook itself to the app: without it `run payments-api-down` is unknown.
        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));
        Assert.Equal(BuiltInPage, page);
        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("RB0102", warning.Id);
        Assert.Contains("/repo/runbook-templates/runbook.md.sbntxt", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_loop_in_a_project_template_does_not_hang_the_build()
    {
        // Parses fine and never ends: the built-in templates render without loop limits, and so did a project's.
        var run = RunWithRunbookTemplate("{{ while true }}x{{ end }}");

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));
        Assert.Equal(BuiltInPage, page);
        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("RB0102", warning.Id);
        Assert.Contains("took longer than 10 seconds", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_from_a_project_template_without_the_marker_still_starts_with_it()
    {
        // The docs command replaces a file only when its first line is the marker; any other file is hand-written and
        // in the way. A template without {{ marker }} wrote pages the next build refused to overwrite ("is hand-written").
        var run = RunWithRunbookTemplate("# {{ title }}\n");

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));
        Assert.Equal(BuiltInPage.Split('\n')[0] + "\n# Payments API down\n", page);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void A_project_template_that_writes_the_marker_first_gets_it_once()
    {
        var run = RunWithRunbookTemplate("{{ marker }}\n# {{ title }}\n");

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));
        Assert.Equal(BuiltInPage.Split('\n')[0] + "\n# Payments API down\n", page);
    }
}

using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Docs;
using RunbookSdk.Generators.Model;
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
    public void An_endless_loop_that_writes_is_stopped_when_its_page_grows_past_the_size_limit()
    {
        // Parses fine, never ends, and writes as it loops: stopped only after 10 seconds, it grew a string in the
        // build's (or the IDE's) memory all that time. The size limit stops it at its first write past the limit, so
        // the message names the size, not the time.
        // Each turn writes 100,000 characters: the limit trips on the 42nd, long before the 10-second time limit, even
        // on a loaded machine (one character a turn took four million turns, past ten seconds under load).
        var run = RunWithRunbookTemplate("{{ while true }}{{ \"x\" | string.pad_left 100000 }}{{ end }}");

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));
        Assert.Equal(BuiltInPage, page);
        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("RB0102", warning.Id);
        Assert.Contains("the page grew past 4,194,304 characters while rendering (an endless loop or recursion that writes?)", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_that_loops_and_writes_is_stopped_by_the_size_limit_too()
    {
        // Written into a variable, not the page: Scriban counts what a capture writes against the same limit.
        var run = RunWithRunbookTemplate("{{ capture body }}{{ while true }}{{ \"x\" | string.pad_left 100000 }}{{ end }}{{ end }}{{ body }}");

        var warning = Assert.Single(run.Diagnostics);
        Assert.Contains("the page grew past 4,194,304 characters", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_loop_that_writes_nothing_is_stopped_by_the_time_limit()
    {
        // Parses fine and never ends, writing nothing: the size limit never trips, the time limit does.
        var run = RunWithRunbookTemplate("{{ while true }}{{ end }}");

        var page = GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ApiDown.Runbook.g.cs"));
        Assert.Equal(BuiltInPage, page);
        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("RB0102", warning.Id);
        Assert.Contains("took longer than 10 seconds", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_big_but_finite_page_from_a_project_template_is_written_whole()
    {
        // 20,000 lines of 64 characters: 1.28 million characters, sixteen times the largest page of the 1,000-runbook
        // corpus, and past Scriban's own default output limit (1,048,576), which cut a page short with "..." without a word.
        // Rendered as the generator renders a page, without a compilation: under a loaded machine the driver's run
        // around it took longer than the harness's minute.
        var template = new TemplateText(TemplateSet.IndexName, "/repo/runbook-templates/index.md.sbntxt",
            "{{ marker }}\n# Runbooks\n{{ for i in 1..20000 }}{{ i | string.pad_left 5 }}: a long page, but one that ends when its loop does.\n{{ end }}");
        var (set, parseErrors) = TemplateOverrides.Resolve(new EquatableArray<TemplateText>(new[] { template }));

        var page = set.RenderPage(TemplateSet.IndexName, () => DocumentViews.Index([], []), CancellationToken.None, out var failure);

        Assert.Empty(parseErrors);
        Assert.Null(failure);
        var lines = page.Split('\n');
        Assert.Equal("# Runbooks", lines[1]);
        Assert.Equal("20000: a long page, but one that ends when its loop does.", lines[^2]);
        Assert.Equal(20_000 + 3, lines.Length);
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

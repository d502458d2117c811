using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A Notion page's properties exported as bold labels (<c>**When:** …</c>, <c>**Impact:** …</c>, <c>**Owner:** …</c>)
/// were read as bold step titles: the runbook began with steps "When", "Impact" and "Owner" the runner asked the engineer
/// to do, and a label in a phase took the commands after it as its own.
/// </summary>
public sealed class FactLabelTests
{
    private const string NotionPage = """
        # Cache Runbooks

        ## Runbook: Redis memory full

        **When:** Redis memory usage above 90% for 5 minutes.

        **Impact:** Checkout sessions are evicted and users are logged out.

        **Owner:** Cache Platform team

        **Steps**

        1. **Check memory**

           ```bash
           redis-cli -h cache.prod INFO memory
           ```

        2. **Find big keys**

           ```bash
           redis-cli -h cache.prod --bigkeys
           ```

        **Rollback**

        ```bash
        redis-cli -h cache.prod CONFIG SET maxmemory 4gb
        ```
        """;

    [Fact]
    public void Fact_labels_before_the_steps_are_the_runbooks_summary_and_overview()
    {
        var project = HostileInputTests.Generate(NotionPage);

        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Equal(["Check memory", "Find big keys"], runbook.Phases.Single().Steps.Select(s => s.Title));
        Assert.Equal("**When:** Redis memory usage above 90% for 5 minutes.", runbook.Summary);
        var overview = Assert.Single(runbook.Sections);
        Assert.Equal(
            [new ParagraphContent("**Impact:** Checkout sessions are evicted and users are logged out."), new ParagraphContent("**Owner:** Cache Platform team")],
            overview.Blocks);
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    [Fact]
    public void A_fact_label_in_a_phase_is_a_note_of_the_step_it_is_in()
    {
        var markdown = HostileInputTests.Runbook("redis-cli -h cache.prod INFO memory").Replace(
            "### Rollback",
            "**Impact:** sessions are lost.\n\n```bash\nredis-cli -h cache.prod -n 0 FLUSHDB\n```\n\n### Rollback",
            StringComparison.Ordinal);

        var step = Assert.Single(HostileInputTests.Generate(markdown).Document.Runbooks.Single().Phases[0].Steps);

        Assert.Contains(new NoteAction("**Impact:** sessions are lost."), step.Actions);
        Assert.Equal(2, step.Actions.OfType<RunAction>().Count());
    }

    [Fact]
    public void A_fact_label_alone_over_its_content_still_titles_a_step()
    {
        var markdown = HostileInputTests.Runbook("redis-cli -h cache.prod INFO memory").Replace(
            "### Rollback",
            "**Impact**\n\n```bash\n./impact-report.sh\n```\n\n### Rollback",
            StringComparison.Ordinal);

        var steps = HostileInputTests.Generate(markdown).Document.Runbooks.Single().Phases[0].Steps;

        Assert.Equal(["Immediate", "Impact"], steps.Select(s => s.Title));
    }
}

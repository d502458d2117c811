using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A wiki page that is itself one runbook ("## Symptoms", "## Impact", "## Mitigation", "## Rollback", "## Verify" under
/// the page's title) imported as a handbook alone: none of its parts was a runbook, so the symptoms, the impact and
/// every step became handbook sections, and the import said it found no runbook.
/// </summary>
public sealed class RunbookPageTests
{
    private const string Page = """
        # Checkout API down

        Checkout answers 5xx after a bad deploy.

        ## Symptoms

        - 5xx rate above 5%
        - Checkout latency p99 above 2s

        ## Impact

        Customers cannot pay; about 10k EUR lost per minute.

        ## Mitigation

        1. **Restart pods**

           ```bash
           kubectl rollout restart deploy/checkout
           ```

        ## Rollback

        ```bash
        helm rollback checkout
        ```

        ## Verify

        ```bash
        curl -f https://checkout.example.com/health
        ```
        """;

    [Fact]
    public void A_page_of_symptoms_impact_and_phases_is_one_runbook()
    {
        var project = HostileInputTests.Generate(Page);

        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Equal("Checkout API down", runbook.Title);
        Assert.Equal(["5xx rate above 5%", "Checkout latency p99 above 2s"], runbook.Symptoms);
        Assert.Equal(["Impact"], runbook.Sections.Select(s => s.Heading));
        Assert.Equal(["Mitigation"], runbook.Phases.Select(p => p.Name));
        Assert.Equal("Restart pods", Assert.Single(runbook.Phases[0].Steps).Title);
        Assert.NotNull(runbook.Rollback);
        Assert.NotNull(runbook.Verification);
        Assert.DoesNotContain(project.Document.Handbook.Sections, s => s.Heading is "Symptoms" or "Impact" or "Mitigation");
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    [Fact]
    public void A_github_wiki_page_without_a_title_heading_is_one_runbook_named_after_the_file()
    {
        var page = Page[Page.IndexOf("## Symptoms", StringComparison.Ordinal)..];

        var runbook = Assert.Single(HostileInputTests.Generate(page).Document.Runbooks);

        Assert.Equal("hostile", runbook.Title);
        Assert.Equal(["Mitigation"], runbook.Phases.Select(p => p.Name));
    }

    [Fact]
    public void A_page_whose_parts_hold_runbooks_is_read_part_by_part_as_before()
    {
        var markdown = Page.Replace("## Mitigation", "## Playbook: Restart checkout\n\n### Mitigation", StringComparison.Ordinal);

        var document = HostileInputTests.Generate(markdown).Document;

        Assert.Equal(["Playbook: Restart checkout"], document.Runbooks.Select(r => r.Title));
        Assert.Contains(document.Handbook.Sections, s => s.Heading == "Symptoms");
    }
}

using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A bold title lost its colon (<c>**Check logs:**</c> is the step "Check logs"), a heading did not: the AuraConnect
/// seed's "#### Quick Checks:" and "#### Within 24 hours:" became steps titled with a trailing colon, shown on the page
/// as "1. Quick Checks:". Step titles from headings now read like those from bold titles.
/// </summary>
public sealed class StepTitleTests
{
    [Fact]
    public void A_step_heading_ending_in_a_colon_gives_a_title_without_it()
    {
        const string markdown = """
            # Aura

            ## Playbook: API down

            ### 1. Initial Response (0-5 minutes)

            #### For Critical Incidents:
            ```bash
            curl -f https://api.example.com/health
            ```

            #### Quick Checks:
            1. **Database**: Check connection pool
            2. **Redis**: Verify connectivity
            """;
        var project = RunbookImporter.Generate(MarkdownSource.FromText("aura.md", markdown), "Aura", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "step-titles"), Seeds.RepositoryRoot);

        var phase = Assert.Single(Assert.Single(project.Document.Runbooks).Phases);
        Assert.Equal(["For Critical Incidents", "Quick Checks"], phase.Steps.Select(s => s.Title));
    }
}

using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// YAML front matter (<c>owner:</c>, <c>last_updated:</c>, ...) says who owns the document and when it was reviewed.
/// It used to be kept only as a block of text: the owner never reached <c>Owner(...)</c>. The keys the DSL has a place
/// for are mapped; the others stay visible in the code and the import names them.
/// </summary>
public sealed class FrontMatterTests
{
    private const string Markdown = """
        ---
        title: Payments incident response
        owner: "Payments Platform Team"
        last_updated: 2025-09-05
        next_review: 2026-03-01
        environment: production
        tags: [payments, pci]
        service: payments-api
        ---
        # Payments incident response

        How the payments team responds to incidents.

        ## Playbook: Card payments failing

        ### 1. Assess (0-5 minutes)

        ```bash
        kubectl get pods -n payments
        ```

        ### Rollback

        ```bash
        kubectl rollout undo deployment/payments -n payments
        ```

        ### Verify

        ```bash
        curl -f https://payments.example.com/health
        ```

        ## Escalation

        - **Level 1** (0-15 minutes): Payments on-call
        - **Level 2** (15-30 minutes): Payments lead
        """;

    [Fact]
    public void Owner_dates_environment_and_tags_from_front_matter_reach_the_handbook()
    {
        var project = Import(Markdown);
        var handbook = project.Files["PaymentsHandbook.cs"];

        Assert.Contains(".Owner(\"Payments Platform Team\")", handbook);
        Assert.Contains(".LastUpdated(2025, 9, 5)", handbook);
        Assert.Contains(".ReviewDate(2026, 3, 1)", handbook);
        Assert.Contains(".Environment(\"production\")", handbook);
        Assert.Contains(".Tags(\"payments\", \"pci\")", handbook);
        Assert.Contains(".Summary(\"How the payments team responds to incidents.\")", handbook);
        Assert.DoesNotContain("last_updated", handbook);
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_front_matter_key_the_dsl_has_no_place_for_stays_in_the_code_and_is_reported()
    {
        var project = Import(Markdown);
        var handbook = project.Files["PaymentsHandbook.cs"];

        Assert.Contains("service: payments-api", handbook);
        Assert.Contains("payments.md: line 8: front matter key 'service' is not mapped to the DSL; kept in the handbook's section 'Front matter'", project.Warnings);
    }

    [Fact]
    public void Owner_and_team_both_reach_the_one_owner_the_dsl_has_and_the_import_says_so()
    {
        var project = Import(Markdown.Replace("environment: production\n", "environment: production\nteam: Payments Platform\n", StringComparison.Ordinal)
            .Replace("owner: \"Payments Platform Team\"", "owner: Jane Doe", StringComparison.Ordinal));
        var handbook = project.Files["PaymentsHandbook.cs"];

        Assert.Contains(".Owner(\"Jane Doe (team: Payments Platform)\")", handbook);
        Assert.DoesNotContain("team: Payments Platform\n", handbook);
        Assert.Contains("payments.md: line 7: front matter keys 'owner' and 'team' both name an owner and the DSL has one Owner(...): imported as 'Jane Doe (team: Payments Platform)'", project.Warnings);
        Assert.DoesNotContain(project.Warnings, w => w.Contains("key 'team' is not mapped", StringComparison.Ordinal));
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_team_that_repeats_the_owner_adds_nothing_and_says_nothing()
    {
        var project = Import(Markdown.Replace("environment: production\n", "environment: production\nteam: Payments Platform Team\n", StringComparison.Ordinal));

        Assert.Contains(".Owner(\"Payments Platform Team\")", project.Files["PaymentsHandbook.cs"]);
        Assert.DoesNotContain(project.Warnings, w => w.Contains("'team'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_front_matter_title_names_a_document_without_a_top_heading()
    {
        var project = Import(Markdown.Replace("# Payments incident response\n", "", StringComparison.Ordinal));

        Assert.Equal("Payments incident response", project.Document.Handbook.Title);
    }

    [Fact]
    public void A_field_value_table_at_the_top_gives_the_owner_and_keeps_its_other_rows()
    {
        var project = SeedImportTests.Generate(Path.Combine(Seeds.InputsDirectory, "tables-first.md"), allowIncomplete: true);
        var handbook = project.Files["ImportedHandbook.cs"];

        Assert.Contains(".Owner(\"Checkout Platform Team\")", handbook);
        Assert.Contains("[\"Tier\", \"1\"]", handbook);
        Assert.DoesNotContain("[\"Owner\", \"Checkout Platform Team\"]", handbook);
    }

    private static RunbookImporter.GeneratedProject Import(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("payments.md", markdown), "Payments", allowIncomplete: false,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "front-matter"), Seeds.RepositoryRoot);
}

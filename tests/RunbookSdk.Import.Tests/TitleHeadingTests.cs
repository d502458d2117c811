using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A document that opens with a "# …" heading of its own and then gives each runbook a "# …" heading was titled after
/// its file (<c>doc</c>): with more than one top heading none was taken for the title, and the first became a
/// section of the handbook. A first top heading with only words under it titles the document.
/// </summary>
public sealed class TitleHeadingTests
{
    private const string Markdown = """
        # Payments incident response

        Owner: payments team

        What to do when payments break.

        # Payments API down

        ## Symptoms

        - API returns 5xx

        ## 1. Immediate actions (0-5 minutes)

        ```bash
        kubectl get pods -n payments
        ```

        # Payments DB slow

        ## Symptoms

        - p95 over 2 s

        ## 1. Immediate actions (0-5 minutes)

        ```bash
        psql -h db.internal -c 'select 1'
        ```
        """;

    [Fact]
    public void A_first_top_heading_with_only_words_under_it_titles_the_document()
    {
        var project = Import(Markdown);

        Assert.Equal("Payments incident response", project.Document.Handbook.Title);
        Assert.Equal("payments team", project.Document.Handbook.Owner);
        Assert.Equal("What to do when payments break.", project.Document.Handbook.Summary);
        Assert.DoesNotContain(project.Document.Handbook.Sections, s => s.Heading == "Payments incident response");
        Assert.Equal(["Payments API down", "Payments DB slow"], project.Document.Runbooks.Select(r => r.Title));
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    [Fact]
    public void A_first_top_heading_that_is_a_runbook_is_not_the_title()
    {
        // Without the opening heading, the first "#" is a runbook: the title falls back to the file's name, as before.
        var project = Import(Markdown[Markdown.IndexOf("# Payments API down", StringComparison.Ordinal)..]);

        Assert.Equal("payments", project.Document.Handbook.Title);
        Assert.Equal(["Payments API down", "Payments DB slow"], project.Document.Runbooks.Select(r => r.Title));
    }

    private static RunbookImporter.GeneratedProject Import(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("payments.md", markdown), "Payments",
            allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "title-heading"), Seeds.RepositoryRoot);
}

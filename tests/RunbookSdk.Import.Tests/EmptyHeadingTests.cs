using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A heading with nothing under it used to vanish from the import without a word. The import now says which one and
/// where, unless the heading is a rollback or verification whose absence is already reported as a gap.
/// </summary>
public sealed class EmptyHeadingTests
{
    private const string Markdown = """
        # Orders

        ## Background

        ## Playbook: Orders stuck

        ### Symptoms

        ### 1. Immediate (0-5 minutes)

        ```bash
        kubectl get pods -n orders
        ```

        #### Notes

        ### Rollback

        ## Escalation

        - **Level 1** (0-15 minutes): Orders on-call
        - **Level 2** (15-30 minutes): Orders lead

        ### Out of hours
        """;

    [Fact]
    public void Each_empty_heading_the_import_leaves_out_is_reported_with_its_line()
    {
        var project = Import();

        var empty = project.Warnings.Where(w => w.Contains("has nothing under it", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "orders.md: line 3: the heading '## Background' has nothing under it and is not imported: write what belongs there, or delete it",
                "orders.md: line 7: the heading '### Symptoms' has nothing under it and is not imported: write what belongs there, or delete it",
                "orders.md: line 15: the heading '#### Notes' has nothing under it and is not imported: write what belongs there, or delete it",
                "orders.md: line 24: the heading '### Out of hours' has nothing under it and is not imported: write what belongs there, or delete it",
            ],
            empty);
    }

    [Fact]
    public void An_empty_rollback_heading_is_reported_once_as_the_gap_it_is()
    {
        var project = Import();

        Assert.DoesNotContain(project.Warnings, w => w.Contains("Rollback'", StringComparison.Ordinal));
        Assert.Contains(project.Warnings, w => w.Contains("has no rollback (RB0002)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_verification_heading_the_runbook_does_not_need_is_reported_as_left_out()
    {
        const string markdown = """
            # Orders

            ## Playbook: Orders stuck

            ### 1. Immediate (0-5 minutes)

            ```bash
            kubectl get pods -n orders
            ```

            ### Rollback

            ```bash
            kubectl rollout undo deployment/orders -n orders
            ```

            ### Verification

            ### Verify

            ```bash
            curl -f https://orders.example.com/health
            ```
            """;
        var project = RunbookImporter.Generate(MarkdownSource.FromText("orders.md", markdown), "Orders", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "empty-headings"), Seeds.RepositoryRoot);

        Assert.Contains("orders.md: line 17: the heading '### Verification' has nothing under it and is not imported: write what belongs there, or delete it", project.Warnings);
    }

    [Fact]
    public void A_heading_whose_subsections_are_all_empty_is_reported_for_itself_with_its_line()
    {
        const string markdown = """
            # Orders

            ## Background

            ### History

            ### Architecture

            ## Playbook: Orders stuck

            ### 1. Immediate (0-5 minutes)

            ```bash
            kubectl get pods -n orders
            ```

            #### Checks

            ##### Disk

            ##### Memory
            """;
        var project = RunbookImporter.Generate(MarkdownSource.FromText("orders.md", markdown), "Orders", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "empty-headings"), Seeds.RepositoryRoot);

        var leftOut = project.Warnings.Where(w => w.Contains("is not imported", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "orders.md: line 3: the heading '## Background' has only subsections with nothing under them (lines 5, 7) and is not imported: write what belongs there, or delete it",
                "orders.md: line 5: the heading '### History' has nothing under it and is not imported: write what belongs there, or delete it",
                "orders.md: line 7: the heading '### Architecture' has nothing under it and is not imported: write what belongs there, or delete it",
                "orders.md: line 17: the heading '#### Checks' has only subsections with nothing under them (lines 19, 21) and is not imported: write what belongs there, or delete it",
                "orders.md: line 19: the heading '##### Disk' has nothing under it and is not imported: write what belongs there, or delete it",
                "orders.md: line 21: the heading '##### Memory' has nothing under it and is not imported: write what belongs there, or delete it",
            ],
            leftOut);
    }

    private static RunbookImporter.GeneratedProject Import() =>
        RunbookImporter.Generate(MarkdownSource.FromText("orders.md", Markdown), "Orders", allowIncomplete: false,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "empty-headings"), Seeds.RepositoryRoot);
}

using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A phase heading with nothing under it used to be kept, silently, as a phase whose only step said
/// "(no actions in the source document)": a section on the page the on-call engineer opens and finds empty, and an
/// RB0004 warning that points at the import, not at the document. It is now left out like an empty step heading, and
/// the import names it and its line; so is a phase whose subsections are all empty.
/// </summary>
public sealed class EmptyPhaseTests
{
    private const string Markdown = """
        # Orders

        ## Playbook: Orders stuck

        ### 1. Immediate (0-5 minutes)

        ```bash
        kubectl get pods -n orders
        ```

        ### 2. Mitigation (5-15 minutes)

        ### 3. Containment

        #### Option A

        #### Option B

        ### 4. Resolution

        ```bash
        kubectl rollout restart deployment/orders -n orders
        ```

        ### Rollback

        ```bash
        kubectl rollout undo deployment/orders -n orders
        ```

        ### Verify

        ```bash
        curl -f https://orders.example.com/health
        ```

        ## Escalation

        - **Level 1** (0-15 minutes): Orders on-call
        - **Level 2** (15-30 minutes): Orders lead
        """;

    [Fact]
    public void An_empty_phase_heading_is_left_out_and_reported_with_its_line()
    {
        var project = Import();

        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Equal(["Immediate", "Resolution"], runbook.Phases.Select(p => p.Name));
        Assert.Contains("orders.md: line 11: the heading '### 2. Mitigation (5-15 minutes)' has nothing under it and is not imported: write what belongs there, or delete it", project.Warnings);
        Assert.DoesNotContain("(no actions in the source document)", string.Join("\n", project.Files.Values));
    }

    [Fact]
    public void A_phase_whose_subsections_are_all_empty_is_reported_once_for_itself_and_once_for_each_subsection()
    {
        var project = Import();

        var lines = project.Warnings.Where(w => w.Contains("is not imported", StringComparison.Ordinal)).ToList();
        Assert.Contains("orders.md: line 13: the heading '### 3. Containment' has only subsections with nothing under them (lines 15, 17) and is not imported: write what belongs there, or delete it", lines);
        Assert.Contains(lines, w => w.StartsWith("orders.md: line 15: the heading '#### Option A' has nothing under it", StringComparison.Ordinal));
        Assert.Contains(lines, w => w.StartsWith("orders.md: line 17: the heading '#### Option B' has nothing under it", StringComparison.Ordinal));
        Assert.DoesNotContain("Containment", string.Join("\n", project.Files.Values));
    }

    [Fact]
    public void A_runbook_without_its_empty_phases_still_compiles_without_empty_steps()
    {
        var project = Import();

        var diagnostics = InMemoryCompiler.Compile(project.Files);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0004");
    }

    private static RunbookImporter.GeneratedProject Import() =>
        RunbookImporter.Generate(MarkdownSource.FromText("orders.md", Markdown), "Orders", allowIncomplete: false,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "empty-phases"), Seeds.RepositoryRoot);
}

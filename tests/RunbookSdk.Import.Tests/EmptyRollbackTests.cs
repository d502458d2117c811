using Microsoft.CodeAnalysis;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A <c>### Rollback</c> or <c>### Verification</c> heading with nothing under it says nothing about how to undo or
/// check: it is imported as no rollback / no verification (a gap the build and the import report), never as a
/// section whose only step is "(no actions in the source document)" that the analyzers would count as done.
/// </summary>
public sealed class EmptyRollbackTests
{
    private const string Document = """
        # Orders

        ## Playbook: Orders stuck

        ### 1. Immediate (0-5 minutes)

        ```bash
        kubectl get pods -n orders
        ```

        ### Rollback

        ### Verification

        ## Escalation

        - **Level 1** (0-15 minutes): Orders on-call
        - **Level 2** (15-30 minutes): Orders lead
        """;

    [Fact]
    public void Empty_rollback_and_verification_headings_are_gaps_not_sections()
    {
        var project = Import(allowIncomplete: false);

        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Null(runbook.Rollback);
        Assert.Null(runbook.Verification);
        Assert.Contains(project.Warnings, w => w.Contains("has no rollback (RB0002), verification (RB0003)", StringComparison.Ordinal));
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Order().ToList();
        Assert.Equal(["RB0002", "RB0003"], errors);
    }

    [Fact]
    public void With_allow_incomplete_the_gaps_are_waived_and_marked()
    {
        var project = Import(allowIncomplete: true);
        var code = string.Join("\n", project.Files.Values);

        Assert.Contains(".NoRollback(\"imported without rollback", code);
        Assert.Contains("#pragma warning disable RB0003 // imported without verification", code);
        Assert.DoesNotContain("(no actions in the source document)", code);
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Severity == DiagnosticSeverity.Error);
    }

    private static RunbookImporter.GeneratedProject Import(bool allowIncomplete)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rb-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "orders.md");
            File.WriteAllText(file, Document);
            return SeedImportTests.Generate(file, allowIncomplete);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

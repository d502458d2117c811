using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Procedures under a "Runbooks" or "Procedures" heading are runbooks (docs/import.md). The AuraConnect seed's
/// "## Runbooks" over "### Database Connection Issues", "### High Memory Usage", "### API Performance Degradation" was
/// imported as one handbook section instead: the procedures were read as runbooks only when their own titles named a
/// container, so the on-call engineer got no runbook to run for any of them.
/// </summary>
public sealed class ProcedureContainerTests
{
    private const string Markdown = """
        # Incident Response Procedures

        ## Overview

        How we respond to incidents.

        ## Runbooks

        ### Database Connection Issues
        1. Check database server status
        2. Restart connection pool if needed

        ### High Memory Usage
        1. Check memory metrics
        2. Restart services as last resort

        ## Review and Updates

        Reviewed quarterly.
        """;

    [Fact]
    public void Each_procedure_under_a_runbooks_heading_is_a_runbook()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("aura.md", Markdown), "Aura", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "procedure-container"), Seeds.RepositoryRoot);

        Assert.Equal(["database-connection-issues", "high-memory-usage"], project.RunbookIds);
        var memory = project.Document.Runbooks[1];
        Assert.Equal(["Check memory metrics", "Restart services as last resort"],
            memory.Phases.SelectMany(p => p.Steps).SelectMany(s => s.Actions).OfType<RunbookSdk.Import.Model.InstructionAction>().Select(i => i.Text));
        Assert.DoesNotContain(project.Document.Handbook.Sections, s => s.Heading == "Runbooks");
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Severity == DiagnosticSeverity.Error);
    }
}

using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A procedure without subsection headings (a Confluence export) marks its parts with bold paragraphs:
/// <c>**Prerequisites**</c>, <c>**Steps**</c>, <c>**Verify**</c>, <c>**Rollback**</c>. Its rollback was imported as the
/// last step of the procedure: the runner told the engineer, right after the failover, to point the application back
/// at the old primary, and the import reported the runbook had no rollback (RB0002) though the document gives one.
/// </summary>
public sealed class ProcedureRollbackTests
{
    private const string Markdown = """
        # Database Failover

        ## Procedures

        ### Procedure: Promote the replica

        **Steps**

        1. Stop writes:
           ```sh
           kubectl scale deploy/ledger-worker -n ledger --replicas=0
           ```
        2. Promote the replica:
           ```sh
           kubectl exec -n ledger db-replica-0 -- pg_ctl promote
           ```
        3. Revert the worker count:
           ```sh
           kubectl scale deploy/ledger-worker -n ledger --replicas=4
           ```

        **Rollback**

        1. Re-point the config map at `db-primary.internal`.
        2. `kubectl rollout restart deploy/ledger-api -n ledger`

        **Verify**

        ```sh
        kubectl exec -n ledger db-replica-0 -- psql -c "SELECT pg_is_in_recovery();"
        ```

        ## Escalation

        - **Level 1** (0-15 minutes): DBA on-call
        """;

    [Fact]
    public void A_bold_rollback_paragraph_of_a_procedure_is_its_rollback_not_its_last_step()
    {
        var project = Import();

        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.DoesNotContain(runbook.Phases.SelectMany(p => p.Steps), s => s.Title == "Rollback");
        // The item that is a command alone runs it (InlineCommandTests); the item of words stays an instruction.
        Assert.Equal(["Re-point the config map at `db-primary.internal`."],
            runbook.Rollback!.Steps.SelectMany(s => s.Actions).OfType<InstructionAction>().Select(i => i.Text));
        Assert.Equal(["kubectl rollout restart deploy/ledger-api -n ledger"],
            runbook.Rollback.Steps.SelectMany(s => s.Actions).OfType<RunAction>().Select(r => r.Command));
        Assert.Equal("Verify", Assert.Single(runbook.Verification!.Steps).Title);
        Assert.DoesNotContain(project.Warnings, w => w.Contains("RB0002", StringComparison.Ordinal));
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_numbered_step_that_reverts_something_stays_a_step_of_the_procedure()
    {
        var runbook = Assert.Single(Import().Document.Runbooks);

        Assert.Contains(runbook.Phases.SelectMany(p => p.Steps), s => s.Title == "Revert the worker count");
    }

    private static RunbookImporter.GeneratedProject Import() =>
        RunbookImporter.Generate(MarkdownSource.FromText("failover.md", Markdown), "Failover", allowIncomplete: false,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "procedure-rollback"), Seeds.RepositoryRoot);
}

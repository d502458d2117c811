using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A runbook without a verification heading gets its verifying step moved to <c>Verification(...)</c>, which the runner
/// runs after every phase. A check the procedure starts with ("Confirm the primary is really down" before the steps
/// that fail over) is no verification: it was moved there, so the runner promoted the replica first and checked the
/// primary only afterwards, while the document's own check at the end stayed in the middle of the run.
/// </summary>
public sealed class VerificationStepTests
{
    [Fact]
    public void A_check_before_the_steps_it_guards_stays_first_and_the_last_check_is_the_verification()
    {
        var runbook = Import("""
            # Ledger database

            ## Playbook: Primary database down

            ### 1. Failover (0-15 minutes)

            1. **Confirm the primary is really down**
               ```bash
               pg_isready -h db-primary.internal -p 5432
               ```
            2. **Promote the replica**
               ```bash
               kubectl exec -n ledger db-replica-0 -- pg_ctl promote
               ```
            3. **Verify the new primary takes writes**
               ```bash
               kubectl exec -n ledger db-replica-0 -- psql -c "SELECT pg_is_in_recovery();"
               ```
            """);

        var failover = Assert.Single(runbook.Phases);
        Assert.Equal(["Confirm the primary is really down", "Promote the replica"], failover.Steps.Select(s => s.Title));
        Assert.Equal("Verify the new primary takes writes", Assert.Single(runbook.Verification!.Steps).Title);
    }

    [Fact]
    public void A_check_followed_by_other_commands_is_not_moved_after_them()
    {
        var runbook = Import("""
            # Ledger database

            ## Playbook: Primary database down

            ### 1. Failover (0-15 minutes)

            1. **Confirm the primary is really down**
               ```bash
               pg_isready -h db-primary.internal -p 5432
               ```
            2. **Promote the replica**
               ```bash
               kubectl exec -n ledger db-replica-0 -- pg_ctl promote
               ```
            """);

        Assert.Null(runbook.Verification);
        Assert.Equal(["Confirm the primary is really down", "Promote the replica"], Assert.Single(runbook.Phases).Steps.Select(s => s.Title));
    }

    private static ImportedRunbook Import(string markdown) =>
        Assert.Single(RunbookImporter.Generate(MarkdownSource.FromText("ledger.md", markdown), "Ledger", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "verification-step"), Seeds.RepositoryRoot).Document.Runbooks);
}

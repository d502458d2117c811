using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A runbook's own "Escalation" section (whom to call for this incident, after how long) was imported as a phase
/// whose only step was a note holding the table: the runbook had no escalation, the import warned RB0001 and the build
/// failed on it although the document gives one. It is now the runbook's escalation, which the runner announces
/// instead of the handbook's; what else the section says stays a section of the runbook.
/// </summary>
public sealed class RunbookEscalationTests
{
    private const string Document = """
        # Payments

        ## Playbook: Payments API down

        ### Symptoms

        - API returns 5xx

        ### 1. Immediate actions (0-5 minutes)

        ```bash
        kubectl get pods -n payments
        ```

        ### Escalation

        Page through PagerDuty, not Slack.

        | Escalate after | Who | Contact |
        |---|---|---|
        | 15 min | Payments lead | +1 555 0100 |
        | 45 min | VP Engineering | +1 555 0199 |

        ### Rollback

        ```bash
        kubectl rollout undo deployment/payments -n payments
        ```

        ### Verification

        ```bash
        curl -fsS https://payments.example.com/health
        ```
        """;

    [Fact]
    public void A_runbooks_escalation_section_is_its_escalation_not_a_phase()
    {
        var project = Import(Document);

        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Equal([("Payments lead", TimeSpan.FromMinutes(15), "+1 555 0100"), ("VP Engineering", TimeSpan.FromMinutes(45), "+1 555 0199")],
            runbook.Escalation.Select(l => (l.Who, l.After, l.Contact)));
        Assert.DoesNotContain(runbook.Phases, p => p.Name.Contains("Escalation", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("RB0001", StringComparison.Ordinal));
        // The words beside the table are kept where the on-call engineer reads them.
        var section = Assert.Single(runbook.Sections, s => s.Heading == "Escalation");
        Assert.Contains("Page through PagerDuty", string.Join("\n", project.Files.Values), StringComparison.Ordinal);
        Assert.NotEmpty(section.Blocks);

        var diagnostics = InMemoryCompiler.Compile(project.Files);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0001");
    }

    [Fact]
    public void An_escalation_section_without_levels_with_times_stays_what_it_was()
    {
        var project = Import(Document.Replace("""
            | Escalate after | Who | Contact |
            |---|---|---|
            | 15 min | Payments lead | +1 555 0100 |
            | 45 min | VP Engineering | +1 555 0199 |
            """, "Call the payments lead if it is not fixed soon.", StringComparison.Ordinal));

        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Empty(runbook.Escalation);
        Assert.Contains(project.Warnings, w => w.Contains("has no escalation (RB0001)", StringComparison.Ordinal));
        Assert.Contains("Call the payments lead if it is not fixed soon.", string.Join("\n", project.Files.Values), StringComparison.Ordinal);
    }

    private static RunbookImporter.GeneratedProject Import(string document) =>
        RunbookImporter.Generate(MarkdownSource.FromText("payments.md", document), "Payments",
            allowIncomplete: false, Path.Combine(Seeds.RepositoryRoot, "artifacts", "runbook-escalation"), Seeds.RepositoryRoot);
}

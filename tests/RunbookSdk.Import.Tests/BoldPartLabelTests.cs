using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A wiki page's procedure without subsection headings labels its parts with bold paragraphs. <c>**Symptoms**</c> over
/// a list became a first step telling the engineer to "Error rate above 5%", and <c>**Steps**</c> an empty step
/// (RB0004); escalation written as delays ("L2: Payments lead (after 15 minutes)") was not read, so every runbook
/// reported no escalation (RB0001) though the page gives it.
/// </summary>
public sealed class BoldPartLabelTests
{
    private const string Markdown = """
        # Payments API incident response

        ## Escalation

        - L1: On-call engineer (immediately)
        - L2: Payments lead (after 15 minutes)
        - L3: VP Engineering (after 1 hour)

        ## Runbook: Payments API returns 500

        **Symptoms**

        - Error rate above 5%
        - Checkout latency p99 over 2 s

        **Steps**

        1. Check the pods
           ```bash
           kubectl get pods -n payments
           ```
        2. Restart the deployment
           ```bash
           kubectl rollout restart deployment/payments -n payments
           ```

        **Rollback**

        ```bash
        kubectl rollout undo deployment/payments -n payments
        ```

        **Verification**

        ```bash
        curl -f https://payments.example.com/health
        ```
        """;

    [Fact]
    public void A_bold_symptoms_list_is_the_runbooks_symptoms_and_a_bold_steps_label_is_no_step()
    {
        var project = Import(Markdown);

        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Equal(["Error rate above 5%", "Checkout latency p99 over 2 s"], runbook.Symptoms);
        Assert.Equal(["Check the pods", "Restart the deployment"], runbook.Phases.SelectMany(p => p.Steps).Select(s => s.Title));
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Escalation_written_as_delays_after_short_level_names_is_the_handbooks_escalation()
    {
        var project = Import(Markdown);

        Assert.Equal(
            [("On-call engineer", TimeSpan.Zero), ("Payments lead", TimeSpan.FromMinutes(15)), ("VP Engineering", TimeSpan.FromHours(1))],
            project.Document.Handbook.Escalation.Select(l => (l.Who, l.After)));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("RB0001", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bold_paragraph_with_a_task_of_its_own_stays_a_step_and_a_label_with_content_keeps_it()
    {
        var project = Import("""
            # Cache incident

            ## Runbook: Cache is cold

            **Warm the cache from the replica**

            **Steps**

            - Run the warmer with `--all`.

            ```bash
            ./warm-cache --all
            ```
            """);

        var steps = Assert.Single(project.Document.Runbooks).Phases.SelectMany(p => p.Steps).ToList();
        Assert.Contains(steps, s => s.Title == "Warm the cache from the replica");
        var labelled = Assert.Single(steps, s => s.Title == "Steps");
        Assert.Equal("Run the warmer with `--all`.", Assert.IsType<InstructionAction>(labelled.Actions[0]).Text);
    }

    private static RunbookImporter.GeneratedProject Import(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("payments.md", markdown), "Payments", allowIncomplete: false,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "bold-part-labels"), Seeds.RepositoryRoot);
}

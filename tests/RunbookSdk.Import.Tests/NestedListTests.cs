using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Sub-items under a numbered step ("2. Restart the service" with the commands and checks that belong to it) are part
/// of that step: they used to become steps of their own beside it, so the runbook had more steps than the document and
/// the step they belonged to was left with nothing to do.
/// </summary>
public sealed class NestedListTests
{
    private const string Markdown = """
        # Orders

        ## Playbook: Orders API down

        ### Mitigate (0-15 minutes)

        1. **Check the pods**
           ```bash
           kubectl get pods -n orders
           ```
        2. **Restart the service**
           - Drain the canary first:
             ```bash
             kubectl scale deployment/orders-canary --replicas=0 -n orders
             ```
           - **Restart** the deployment:
             ```bash
             kubectl rollout restart deployment/orders -n orders
             ```
           - Tell #orders that a restart is under way

           **Note**: the restart takes about two minutes.
        3. **Watch the error rate**
           - Open the Orders dashboard
           - Check that 5XX responses drop below 1%

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
    public void Sub_items_with_their_commands_stay_in_the_step_they_are_under_in_order()
    {
        var project = Import();

        var mitigate = Assert.Single(Assert.Single(project.Document.Runbooks).Phases);
        Assert.Equal(["Check the pods", "Restart the service", "Watch the error rate"], mitigate.Steps.Select(s => s.Title));
        Assert.Equal(
            [
                "note: Drain the canary first:",
                "run: kubectl scale deployment/orders-canary --replicas=0 -n orders",
                "note: **Restart** the deployment:",
                "run: kubectl rollout restart deployment/orders -n orders",
                "instruction: Tell #orders that a restart is under way",
                "note: **Note**: the restart takes about two minutes.",
            ],
            mitigate.Steps[1].Actions.Select(Describe));
        Assert.Equal(
            ["instruction: Open the Orders dashboard", "instruction: Check that 5XX responses drop below 1%"],
            mitigate.Steps[2].Actions.Select(Describe));
    }

    [Fact]
    public void The_imported_runbook_with_nested_items_compiles_without_errors_or_empty_steps()
    {
        var project = Import();

        var diagnostics = InMemoryCompiler.Compile(project.Files);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0004");
        Assert.DoesNotContain("(no actions in the source document)", string.Join("\n", project.Files.Values));
    }

    [Fact]
    public void A_seed_steps_checks_listed_under_it_stay_its_instructions()
    {
        var project = SeedImportTests.Generate(Seeds.Path_("000_d24ad1a1dd102e95.txt"), allowIncomplete: true);

        var investigation = project.Document.Runbooks.Single(r => r.Title.Contains("Database Performance", StringComparison.Ordinal))
            .Phases.Single(p => p.Name.StartsWith("Investigation", StringComparison.Ordinal));
        Assert.Equal(["Analyze Query Patterns", "Cache Performance Analysis"], investigation.Steps.Select(s => s.Title));
        Assert.Equal(
            ["instruction: Review CloudWatch logs for scan operations", "instruction: Check for missing indexes", "instruction: Identify hot partition keys"],
            investigation.Steps[0].Actions.Select(Describe));
    }

    private static string Describe(StepAction action) => action switch
    {
        RunAction run => "run: " + run.Command,
        InstructionAction instruction => "instruction: " + instruction.Text,
        NoteAction note => "note: " + note.Text,
        _ => action.ToString()!,
    };

    private static RunbookImporter.GeneratedProject Import() =>
        RunbookImporter.Generate(MarkdownSource.FromText("orders.md", Markdown), "Orders", allowIncomplete: false,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "nested"), Seeds.RepositoryRoot);
}

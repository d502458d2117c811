using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Wiki exports (Confluence, GitHub wikis) write a numbered step's code block at the start of the line below it, which
/// ends the list in markdown, and number on or restart at 1. The items became instructions of one step named after the
/// phase ("**Check pods**" with its asterisks) and their commands ran in it: the document's steps were lost.
/// </summary>
public sealed class DetachedItemCodeTests
{
    private const string Markdown = """
        # Checkout

        ## Playbook: Checkout API down

        ### Immediate Response (0-5 minutes)

        1. **Check pods**

        ```
        kubectl get pods -n checkout
        ```

        2. Check the logs
        ```bash
        kubectl logs deploy/checkout -n checkout --tail=100
        ```

        1. Open the dashboard
        2. Restart the API

        ```bash
        kubectl rollout restart deploy/checkout -n checkout
        ```
        ```bash
        kubectl rollout status deploy/checkout -n checkout
        ```

        ### Rollback

        ```bash
        kubectl rollout undo deploy/checkout -n checkout
        ```

        ### Verify

        ```bash
        curl -f https://checkout.example.com/health
        ```

        ## Escalation

        - **Level 1** (0-15 minutes): Checkout on-call
        - **Level 2** (15-30 minutes): Checkout lead
        """;

    [Fact]
    public void Code_written_below_a_numbered_item_is_that_items_step()
    {
        var immediate = Import(Markdown).Document.Runbooks.Single().Phases[0];

        Assert.Equal(["Check pods", "Check the logs", "Open the dashboard", "Restart the API"], immediate.Steps.Select(s => s.Title));
        Assert.Equal(
            [
                ["run: kubectl get pods -n checkout"],
                ["run: kubectl logs deploy/checkout -n checkout --tail=100"],
                ["instruction: Open the dashboard"],
                ["run: kubectl rollout restart deploy/checkout -n checkout", "run: kubectl rollout status deploy/checkout -n checkout"],
            ],
            immediate.Steps.Select(s => s.Actions.Select(Describe).ToArray()));
    }

    [Fact]
    public void The_imported_runbook_compiles_without_errors_or_empty_steps()
    {
        var diagnostics = InMemoryCompiler.Compile(Import(Markdown).Files);

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0004");
    }

    // One list of plain items above a block may be a checklist the block has nothing to do with: read as before.
    [Fact]
    public void A_single_list_of_plain_items_above_a_block_stays_instructions_of_the_phase()
    {
        var markdown = Markdown.Replace("1. **Check pods**", "Check the pods:", StringComparison.Ordinal)
            .Replace("2. Check the logs", "Then the logs:", StringComparison.Ordinal);

        var immediate = Import(markdown).Document.Runbooks.Single().Phases[0];

        var step = Assert.Single(immediate.Steps);
        Assert.Equal("Immediate Response", step.Title);
        Assert.Contains("instruction: Restart the API", step.Actions.Select(Describe));
    }

    private static string Describe(StepAction action) => action switch
    {
        RunAction run => "run: " + run.Command,
        InstructionAction instruction => "instruction: " + instruction.Text,
        NoteAction note => "note: " + note.Text,
        _ => action.ToString()!,
    };

    private static RunbookImporter.GeneratedProject Import(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("checkout.md", markdown), "Checkout", allowIncomplete: false,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "detached"), Seeds.RepositoryRoot);
}

using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Wiki pages end headings with a colon (<c># Checkout Outage Playbook:</c>, <c>### 🔍 Investigation:</c>). It is
/// punctuation, no part of the name: kept, the runbook was titled "Checkout Outage Playbook:", the handbook's summary
/// read "Checkout Outage Playbook:: what its runbooks share", and phases were "Investigation:" and "Rollback:" on the
/// page and in the runner. Step headings lost it already.
/// </summary>
public sealed class TrailingColonHeadingTests
{
    private const string Markdown = """
        # Checkout Outage Playbook:

        Use this page when checkout returns 5xx.

        ## Runbook: Checkout API down:

        ### 🔍 Investigation (0-5 minutes):

        ```bash
        kubectl get pods -n checkout
        ```

        ### Mitigation:

        #### Restart the API:

        ```bash
        kubectl rollout restart deploy/checkout -n checkout
        ```

        ### Rollback:

        ```bash
        kubectl rollout undo deploy/checkout -n checkout
        ```

        ### Verification:

        ```bash
        curl -f https://checkout.example.com/health
        ```

        ## Escalation:

        - **Level 1** (0-15 minutes): Checkout on-call
        - **Level 2** (15-30 minutes): Checkout lead
        """;

    [Fact]
    public void Titles_phases_and_steps_have_no_trailing_colon()
    {
        var document = Import(Markdown).Document;

        Assert.Equal("Checkout Outage Playbook", document.Handbook.Title);
        var runbook = Assert.Single(document.Runbooks);
        Assert.Equal("Runbook: Checkout API down", runbook.Title);
        Assert.Equal(["Investigation", "Mitigation"], runbook.Phases.Select(p => p.Name));
        Assert.Equal(["Restart the API"], runbook.Phases[1].Steps.Select(s => s.Title));
        Assert.Equal(["Rollback"], runbook.Rollback!.Steps.Select(s => s.Title));
        Assert.Equal(["Verification"], runbook.Verification!.Steps.Select(s => s.Title));
        Assert.Equal(2, document.Handbook.Escalation.Count);
    }

    private static RunbookImporter.GeneratedProject Import(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("checkout.md", markdown), "Checkout", allowIncomplete: false,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "colon"), Seeds.RepositoryRoot);
}

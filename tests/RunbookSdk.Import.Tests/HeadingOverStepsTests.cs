using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A subsection of a phase whose content starts with steps of its own (bold titles, numbered items with code), as in
/// the AuraConnect seed's "#### Common Issues and Solutions:" over "**High Error Rate**", "**Slow Response Times**":
/// the heading used to become a step of its own with nothing in it, shown as "(no actions in the source document)"
/// and flagged RB0004. Its words now lead the titles of the steps under it, the way a heading with only
/// subsections already does.
/// </summary>
public sealed class HeadingOverStepsTests
{
    private const string Markdown = """
        # Orders

        ## Playbook: Orders stuck

        ### 1. Immediate (0-5 minutes)

        ```bash
        kubectl get pods -n orders
        ```

        ### 2. Diagnosis

        #### Common Issues and Solutions:

        **High Error Rate**
        1. Check error logs
        2. Check recent deployments

        **Slow Response Times**
        1. Check slow endpoints

        #### Restarts

        1. **Restart the API**
           ```bash
           kubectl rollout restart deployment/orders -n orders
           ```
        2. **Restart the worker**
           ```bash
           kubectl rollout restart deployment/orders-worker -n orders
           ```
        """;

    [Fact]
    public void Steps_under_a_heading_carry_its_words_and_no_empty_step_is_made_for_it()
    {
        var project = Import();

        var diagnosis = Assert.Single(project.Document.Runbooks).Phases.Single(p => p.Name == "Diagnosis");
        Assert.Equal(
            [
                "Common Issues and Solutions: High Error Rate",
                "Common Issues and Solutions: Slow Response Times",
                "Restarts: Restart the API",
                "Restarts: Restart the worker",
            ],
            diagnosis.Steps.Select(s => s.Title));
        Assert.DoesNotContain("(no actions in the source document)", string.Join("\n", project.Files.Values));
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Id == "RB0004" || d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_heading_with_words_before_its_steps_stays_a_step_of_its_own()
    {
        var project = RunbookImporter.Generate(
            MarkdownSource.FromText("orders.md", Markdown.Replace("#### Restarts\n", "#### Restarts\n\nRestart in this order.\n", StringComparison.Ordinal)),
            "Orders", allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "heading-over-steps"), Seeds.RepositoryRoot);

        var diagnosis = Assert.Single(project.Document.Runbooks).Phases.Single(p => p.Name == "Diagnosis");
        Assert.Equal(["Restarts", "Restart the API", "Restart the worker"], diagnosis.Steps.Skip(2).Select(s => s.Title));
    }

    private static RunbookImporter.GeneratedProject Import() =>
        RunbookImporter.Generate(MarkdownSource.FromText("orders.md", Markdown), "Orders", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "heading-over-steps"), Seeds.RepositoryRoot);
}

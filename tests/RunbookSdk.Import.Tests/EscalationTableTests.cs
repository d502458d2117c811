using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// An escalation table is read by its time column and its who column. "Escalate after | Who" matched the who pattern
/// with its time column ("escalate"), so the two were one column, the table stayed a section, and the build failed on
/// RB0001 for a document that gives its escalation.
/// </summary>
public sealed class EscalationTableTests
{
    [Theory]
    [InlineData("| Escalate after | Who |")]
    [InlineData("| After | Who |")]
    [InlineData("| Who | Escalate after |")]
    public void A_table_whose_time_header_says_escalate_is_read_as_the_escalation(string header)
    {
        var whoFirst = header.StartsWith("| Who", StringComparison.Ordinal);
        var project = RunbookImporter.Generate(MarkdownSource.FromText("api.md", $"""
            # API

            ## Escalation

            {header}
            |---|---|
            {(whoFirst ? "| Team lead | 15 minutes |" : "| 15 minutes | Team lead |")}
            {(whoFirst ? "| CTO | 30 minutes |" : "| 30 minutes | CTO |")}

            ## Playbook: API down

            ### 1. Restart (0-5 minutes)

            ```bash
            systemctl restart api
            ```
            """), "Api", allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "escalation-table"), Seeds.RepositoryRoot);

        Assert.Equal([("Team lead", TimeSpan.FromMinutes(15)), ("CTO", TimeSpan.FromMinutes(30))],
            project.Document.Handbook.Escalation.Select(l => (l.Who, l.After)));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("RB0001", StringComparison.Ordinal));
    }
}

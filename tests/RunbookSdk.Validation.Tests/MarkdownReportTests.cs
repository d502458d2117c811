using RunbookSdk.Validation.Reports;

namespace RunbookSdk.Validation.Tests;

/// <summary>The markdown report (job summary and pull-request comment) shows every message as written.</summary>
public sealed class MarkdownReportTests
{
    [Fact]
    public void AngleBracketsInAMessageAreShownNotTakenForHtml()
    {
        // A compiler error names a generic type; GitHub drops <string> as an unknown tag and hides everything after <!--.
        var findings = new[]
        {
            new Finding("CS0029", FindingLevel.Error, "Cannot implicitly convert type 'System.Collections.Generic.List<string>' to 'string'", "Payments/QueueStuck.cs", 12, 9, "Payments", null),
            new Finding("RB0004", FindingLevel.Error, "Step '<!-- TODO' has nothing to do; add a command", "Payments/QueueStuck.cs", 20, 9, "Payments", null),
            new Finding("RB0002", FindingLevel.Error, "Runbook 'payments-queue-stuck' has no rollback", "Payments/QueueStuck.cs", 30, 9, "Payments", null),
        };
        var result = new ValidationResult("/repo", [new ProjectResult("Payments", "Payments/Payments.csproj", [], findings, new DocsDrift("Payments/docs", false, [], [], []))]);

        var markdown = MarkdownReport.Render(result);

        Assert.Contains("System.Collections.Generic.List&lt;string&gt;", markdown, StringComparison.Ordinal);
        Assert.Contains("Step '&lt;!-- TODO'", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<", markdown.Replace("<br>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("has no rollback", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_in_a_message_is_shown_as_written_and_the_words_around_it_still_get_entities()
    {
        var findings = new[]
        {
            new Finding("RBDOCS", FindingLevel.Error, "Generated page 'a.md' is missing from R&D Ops/docs; run `runbook docs 'R&D Ops/Omnix.csproj' | tee <log>` and commit the docs folder.",
                "R&D Ops/docs/a.md", 0, 0, "Omnix", null),
        };
        var result = new ValidationResult("/repo", [new ProjectResult("Omnix", "R&D Ops/Omnix.csproj", [], findings, new DocsDrift("R&D Ops/docs", true, ["a.md"], [], []))]);

        var markdown = MarkdownReport.Render(result);

        Assert.Contains("is missing from R&amp;D Ops/docs; run `runbook docs 'R&D Ops/Omnix.csproj' \\| tee <log>` and commit", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mention_or_an_issue_number_in_a_message_notifies_and_links_nothing()
    {
        // The report is the pull-request comment: "@octo/payments-oncall" in a message pinged
        // that team each time, and "#12" cross-referenced issue 12.
        var findings = new[]
        {
            new Finding("RB0008", FindingLevel.Error, "Escalation level '@octo/payments-oncall' has no contact; see #12", "Payments/PaymentsHandbook.cs", 9, 9, "Payments", null),
            new Finding("RB0005", FindingLevel.Error, "'rm -rf /tmp/x' is destructive; see `gh issue view #12 @me`", "Payments/QueueStuck.cs", 12, 9, "Payments", null),
        };
        var result = new ValidationResult("/repo", [new ProjectResult("Payments", "Payments/Payments.csproj", [], findings, new DocsDrift("Payments/docs", true, [], [], []))]);

        var markdown = MarkdownReport.Render(result);

        Assert.Contains("Escalation level '@\u200Bocto/payments-oncall' has no contact; see #\u200B12", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@octo", markdown, StringComparison.Ordinal);
        Assert.Contains("`gh issue view #12 @me`", markdown, StringComparison.Ordinal);
    }
}

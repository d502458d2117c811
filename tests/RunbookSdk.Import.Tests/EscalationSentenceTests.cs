using Microsoft.CodeAnalysis;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Wiki pages write their escalation as a sentence: "Escalate to the database team (#dba-oncall) if not resolved in 30
/// minutes." under an escalation heading, or "If this doesn't work within 15 min, page the platform on-call." at the end
/// of the steps. Neither was read: the import reported RB0001 for a document that says whom to call, and when. Both are
/// escalation levels now, with the contact the sentence writes and none it does not.
/// </summary>
public sealed class EscalationSentenceTests
{
    private static RunbookImporter.GeneratedProject WithEscalationSection(string content) =>
        HostileInputTests.Generate(HostileInputTests.Runbook("redis-cli PING").Replace("# Hostile\n", $"# Hostile\n\n## Escalation\n\n{content}\n", StringComparison.Ordinal));

    [Theory]
    [InlineData("Escalate to the database team (#dba-oncall) if not resolved in 30 minutes.", "Database team", 30, "#dba-oncall")]
    [InlineData("If this doesn't work within 15 min, page the platform on-call.", "Platform on-call", 15, null)]
    [InlineData("After 1 hour, call the VP of Engineering at +1 555 0199.", "VP of Engineering", 60, "+1 555 0199")]
    [InlineData("Page the payments lead via @payments-lead if it is still down after 20 minutes.", "Payments lead", 20, "@payments-lead")]
    [InlineData("If the error rate has not dropped in 10 minutes, escalate to **SRE** on #sre-pager.", "SRE", 10, "#sre-pager")]
    public void A_sentence_under_an_escalation_heading_is_a_level(string sentence, string who, int minutes, string? contact)
    {
        var project = WithEscalationSection(sentence);

        Assert.Equal([(who, TimeSpan.FromMinutes(minutes), contact)], project.Document.Handbook.Escalation.Select(l => (l.Who, l.After, l.Contact)));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("RB0001", StringComparison.Ordinal));
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Sentences_in_a_paragraph_or_a_list_are_levels_in_order()
    {
        var paragraph = WithEscalationSection("Page the on-call SRE if not resolved in 15 minutes. Escalate to the database team (dba@example.com) if still down after 45 minutes.");
        var list = WithEscalationSection("- Page the on-call SRE if not resolved in 15 minutes.\n- Escalate to the database team (dba@example.com) if still down after 45 minutes.");

        foreach (var project in new[] { paragraph, list })
        {
            Assert.Equal([("On-call SRE", TimeSpan.FromMinutes(15), null), ("Database team", TimeSpan.FromMinutes(45), "dba@example.com")],
                project.Document.Handbook.Escalation.Select(l => (l.Who, l.After, (string?)l.Contact)));
        }
    }

    [Theory]
    [InlineData("Escalate to the database team if needed.")]
    [InlineData("Page the DBA if latency stays above 500 ms for 15 minutes.")]
    [InlineData("Escalate to the database team (#dba-oncall) if not resolved in 30 minutes. Keep the incident channel updated.")]
    public void A_sentence_without_a_delay_or_a_paragraph_with_other_words_stays_text(string content)
    {
        var project = WithEscalationSection(content);

        Assert.Empty(project.Document.Handbook.Escalation);
        Assert.Contains(content.Split('.')[0], string.Join("\n", project.Files.Values), StringComparison.Ordinal);
    }

    private const string WikiPage = """
        # Checkout pods crash looping

        ## Symptoms

        - Checkout returns 502

        ## Mitigation

        1. Restart the deployment: `kubectl -n checkout rollout restart deploy/checkout`

        If this doesn't work within 15 min, page the platform on-call.

        ## Rollback

        ```bash
        kubectl -n checkout rollout undo deploy/checkout
        ```

        ## Verify

        ```bash
        curl -fsS https://checkout.example.com/health
        ```
        """;

    [Fact]
    public void A_runbooks_sentence_outside_an_escalation_heading_is_its_escalation_and_stays_in_its_step()
    {
        var project = HostileInputTests.Generate(WikiPage);

        var runbook = Assert.Single(project.Document.Runbooks);
        Assert.Equal([("Platform on-call", TimeSpan.FromMinutes(15), (string?)null)], runbook.Escalation.Select(l => (l.Who, l.After, l.Contact)));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("RB0001", StringComparison.Ordinal));
        Assert.Contains(project.Warnings, w => w.Contains("the sentence 'If this doesn't work within 15 min, page the platform on-call' is read as its escalation: 'Platform on-call' after 15 minutes", StringComparison.Ordinal));
        var code = string.Join("\n", project.Files.Values);
        Assert.Contains("If this doesn't work within 15 min, page the platform on-call.", code, StringComparison.Ordinal);
        Assert.Contains(".Level(\"Platform on-call\", TimeSpan.FromMinutes(15))", code, StringComparison.Ordinal);
        var diagnostics = InMemoryCompiler.Compile(project.Files);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0001");
    }

    [Fact]
    public void A_runbooks_sentence_does_not_replace_the_handbooks_escalation()
    {
        var project = HostileInputTests.Generate(WikiPage + "\n\n## Escalation\n\n- L1: On-call engineer (immediately)\n- L2: Checkout lead (after 30 minutes)\n");

        Assert.Equal(["On-call engineer", "Checkout lead"], project.Document.Handbook.Escalation.Select(l => l.Who));
        Assert.Empty(Assert.Single(project.Document.Runbooks).Escalation);
    }
}

using System.Text.RegularExpressions;

namespace RunbookSdk.Samples.Tests;

/// <summary>The Omnix sample carries what its seed document says: commands, severities, SLOs, escalation, templates.</summary>
public partial class OmnixSeedContentTests
{
    // The seed hard-coded a developer's checkout; the sample makes it the BackendDirectory parameter (RB0007).
    private const string SeedHomePath = "/home/jonmax1987/projects/omnix-ai-professional/apps/backend";

    [Fact]
    public async Task Every_seed_command_line_is_in_a_runbook_with_default_parameters()
    {
        var catalog = Samples.Catalog("Omnix");
        var plans = new List<string>();
        foreach (var runbook in catalog.Runbooks) plans.Add((await DryRun.Run(catalog, runbook.Id)).Output);
        var executed = string.Join("\n", plans);

        var missing = SeedCodeLines()
            .Where(line => !line.StartsWith('#') && !line.StartsWith("cd " + SeedHomePath, StringComparison.Ordinal))
            .Where(line => !executed.Contains(line, StringComparison.Ordinal))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Handbook_page_carries_severities_slos_escalation_and_the_report_template()
    {
        var catalog = Samples.Catalog("Omnix");
        var page = catalog.Handbooks.Single().Documentation;
        string[] expected =
        [
            "System down or inaccessible", "API error rate > 5%", "Error rate 1-5%", "Monitoring alerts requiring investigation",
            "| API Response Time | < 500ms (95th percentile) |", "| System Availability | 99.9% uptime |",
            "| Recovery Point Objective (RPO) | 5 minutes |",
            "| 1 | immediately | Development Team | dev-team@omnix.ai |", "| 2 | after 15 minutes | Senior Engineering + DevOps |",
            "| 3 | after 30 minutes | CTO + Business Leadership |",
            "**Incident ID**: INC-YYYY-MM-DD-XXX", "- What could be improved", "Conduct blameless post-mortem", "Disaster recovery testing",
            "| P1 | Critical | Immediate |", "| P2 | High | 30 minutes |", "| P3 | Medium | 2 hours |",
            "#omnix-incidents", "OMNIX-AI-Technical-Performance-prod",
        ];

        Assert.All(expected, text => Assert.Contains(text, page, StringComparison.Ordinal));
    }

    [Fact]
    public void Runbook_pages_carry_every_seed_symptom_and_comment()
    {
        var catalog = Samples.Catalog("Omnix");
        var pages = string.Join("\n", catalog.Runbooks.Select(r => r.Documentation));
        var comments = SeedCodeLines().Where(l => l.StartsWith("# ", StringComparison.Ordinal)).Select(l => l[2..]);
        var symptoms = File.ReadAllLines(Samples.SeedPath("Omnix"))
            .SkipWhile(l => !l.Contains("#### Symptoms", StringComparison.Ordinal))
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal) && (l.Contains("alarms", StringComparison.Ordinal) || l.Contains("Users", StringComparison.Ordinal)))
            .Select(l => l[2..]);

        Assert.All(comments.Concat(symptoms), text => Assert.Contains(text, pages, StringComparison.Ordinal));
    }

    private static IEnumerable<string> SeedCodeLines()
    {
        var inBash = false;
        foreach (var raw in File.ReadAllLines(Samples.SeedPath("Omnix")))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal)) { inBash = line == "```bash"; continue; }
            if (inBash && line.Length > 0) yield return Continuation().Replace(line, " \\");
        }
    }

    [GeneratedRegex(@"\s*\\$")]
    private static partial Regex Continuation();
}

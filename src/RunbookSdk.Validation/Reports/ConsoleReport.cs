using Spectre.Console;

namespace RunbookSdk.Validation.Reports;

/// <summary>The completeness table and the findings, for a terminal or a CI log.</summary>
public static class ConsoleReport
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="console"/>.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="result">The validation result.</param>
    public static void Write(IAnsiConsole console, ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Projects.Count == 0)
        {
            console.MarkupLine(result.NoProjectReason is { } reason
                ? "[red]No runbook project found[/]: " + Markup.Escape(reason)
                : "[red]No runbook project found[/] (no project whose sources declare [[Runbook]] or [[Handbook]]).");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Runbook", "Project", "Severity", "Escalation", "Rollback", "Verification", "Findings", "Status");
        foreach (var row in result.Runbooks)
        {
            table.AddRow(
                Markup.Escape(row.Id), Markup.Escape(row.Project), Markup.Escape(row.Severity ?? "-"),
                Check(row.Escalation, row.EscalationInherited ? "inherited" : null),
                Check(row.Rollback, row.RollbackWaived ? "waived" : null),
                Check(row.Verification, null),
                Markup.Escape(row.FindingsByRule.Count == 0 ? "-" : string.Join(", ", row.FindingsByRule.Select(p => p.Value == 1 ? p.Key : $"{p.Key} x{p.Value}"))),
                row.Status switch { "error" => "[red]error[/]", "warning" => "[yellow]warning[/]", _ => "[green]ok[/]" });
        }

        console.Write(table);
        foreach (var project in result.Projects.Where(p => p.Docs.Checked))
        {
            console.MarkupLine(project.Docs.IsCurrent
                ? $"docs {Markup.Escape(project.Docs.Directory)}: [green]current[/]"
                : $"docs {Markup.Escape(project.Docs.Directory)}: [red]stale[/] ({project.Docs.Missing.Count} missing, {project.Docs.Stale.Count} different, {project.Docs.Extra.Count} no longer generated)");
        }

        foreach (var finding in result.Findings.OrderByDescending(f => f.Level).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line))
        {
            var level = finding.Level switch { FindingLevel.Error => "[red]error[/]", FindingLevel.Warning => "[yellow]warning[/]", _ => "info" };
            console.MarkupLine($"{Markup.Escape(finding.Where)}: {level} {Markup.Escape(finding.RuleId)}: {Markup.Escape(finding.Message)}");
        }

        console.MarkupLine((result.Passed ? "[green]passed[/]: " : "[red]failed[/]: ") + Markup.Escape(MarkdownReport.Summary(result)));
    }

    private static string Check(bool present, string? note) => present ? (note is null ? "[green]yes[/]" : $"[green]yes[/] ({note})") : "[red]missing[/]";
}

using System.Text.RegularExpressions;
using Markdig.Syntax;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// An escalation matrix a section gives that <see cref="EscalationLevels"/> could not take, and why: levels without the
/// time after which each is called, times that depend on the severity (<c>Unable to resolve within 30 minutes (Sev 1)</c>),
/// or times out of order. Without it, the import said only "runbook … has no escalation (RB0001)" for each runbook, and
/// the engineer did not know that the document's matrix had been seen, nor where it was, nor what it lacked.
/// </summary>
/// <remarks>
/// It says what the document wrote and what <c>Escalation(...)</c> needs (a who and one time per level); how escalation
/// that differs per severity is to be written is left to the team, so the matrix is kept as written, in its section.
/// </remarks>
internal static partial class UnreadEscalation
{
    /// <summary>
    /// The warning for the first block of <paramref name="section"/> that gives two or more escalation levels
    /// (<c>Level 1 - On-Call Engineer:</c> keys of a YAML block, <c>Level 2: Platform lead</c> list items) not taken;
    /// null when it gives none. <paramref name="keptIn"/> is the handbook section the matrix is kept in, as the page shows it.
    /// </summary>
    public static string? Describe(OutlineSection section, ContentReader content, string keptIn)
    {
        foreach (var block in section.Blocks)
        {
            var (form, levels, lines) = block switch
            {
                CodeBlock code when MarkdownOutline.Language(code) is "yaml" or "yml" => ("a YAML block", YamlKeys(MarkdownOutline.Code(code)), MarkdownOutline.Code(code).Split('\n').ToList()),
                ListBlock list => ("a list", list.OfType<ListItemBlock>().Select(i => Text.Plain(content.ItemText(i).Split('\n')[0])).ToList(),
                    list.OfType<ListItemBlock>().SelectMany(i => content.ItemText(i).Split('\n')).ToList()),
                _ => ("", new List<string>(), new List<string>()),
            };
            var named = levels.Where(l => LevelName().IsMatch(l)).ToList();
            if (named.Count < 2) continue;
            var where = $"line {block.Line + 1}: the escalation matrix under '{section.Title}' (line {section.Line}), {form} of {named.Count} levels ({string.Join(", ", named.Select(l => $"'{l}'"))}),";
            return $"{where} is not imported as the handbook's Escalation(...): {Why(named, lines)}; it is kept as written in the handbook's section '{keptIn}', "
                + "and each runbook reports RB0001 until the levels are written with their times";
        }
        return null;
    }

    /// <summary>Why the levels could not be taken, in the document's words.</summary>
    private static string Why(List<string> levels, List<string> lines)
    {
        var timed = levels.Select(l => (Level: l, After: EscalationLevels.TimeOf(l))).ToList();
        if (timed.All(t => t.After is not null))
            return "their times are not in increasing order, or one who is named twice, so the levels cannot be ordered (RB0008)";
        var untimed = timed.Where(t => t.After is null).Select(t => $"'{t.Level}'").ToList();
        var noTime = untimed.Count == levels.Count
            ? "no level says after how long it is called, and an Escalation level is a who and one time"
            : $"{string.Join(", ", untimed)} {(untimed.Count == 1 ? "does" : "do")} not say after how long {(untimed.Count == 1 ? "it is" : "they are")} called, and an Escalation level is a who and one time";
        // "Unable to resolve within 30 minutes (Sev 1)": a time for one severity, another for the next.
        var perSeverity = lines.Select(l => Text.Plain(l.Trim().TrimStart('-', '*').Trim()))
            .Where(l => SeverityName().IsMatch(l) && Times.Duration(l) is not null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (perSeverity.Count == 0) return noTime;
        return noTime + $"; the times the matrix gives depend on the severity ({string.Join(", ", perSeverity.Take(3).Select(l => $"'{l}'"))}), "
            + "and Escalation(...) gives each level one time for every severity";
    }

    /// <summary>The top-level keys of a YAML block (<c>Level 1 - On-Call Engineer:</c>), without the colon.</summary>
    private static List<string> YamlKeys(string yaml) =>
        yaml.Split('\n').Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && l.TrimEnd().EndsWith(':')).Select(l => l.TrimEnd().TrimEnd(':').Trim()).ToList();

    // "Level 1 - On-Call Engineer", "Tier 2: DBA", "L3 CTO": a level of a matrix, not any item under an escalation heading.
    [GeneratedRegex(@"(?i)^\s*(?:level|tier|l|t)\s*\d+\b")]
    private static partial Regex LevelName();

    // "(Sev 1)", "Severity 2", "P1", "SEV-1": the severity a time is given for.
    [GeneratedRegex(@"(?i)\b(?:sev(?:erity)?[\s-]*\d|p[0-4])\b")]
    private static partial Regex SeverityName();
}

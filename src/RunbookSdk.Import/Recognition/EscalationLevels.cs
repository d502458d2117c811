using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Escalation levels a section gives with times, in a list ("Level 1 - On-call engineer (0-15 minutes)"), a YAML block
/// of such keys, a table with a time column and a who column, or sentences ("Escalate to the database team
/// (#dba-oncall) if not resolved in 30 minutes.", in a paragraph or as list items: <see cref="EscalationSentence"/>).
/// Read for the handbook's escalation section and for a runbook's own.
/// </summary>
internal static class EscalationLevels
{
    /// <summary>
    /// The first block of <paramref name="section"/> that gives levels in increasing order of time, each who once, and
    /// those levels; null when no block does.
    /// </summary>
    public static (Block Block, List<ImportedEscalationLevel> Levels)? Read(OutlineSection section, MarkdownOutline outline, ContentReader content)
    {
        foreach (var block in section.Blocks)
        {
            var levels = block switch
            {
                ListBlock list => EscalationFromLines(list.OfType<ListItemBlock>().Select(content.ItemText).ToList()),
                CodeBlock code when MarkdownOutline.Language(code) is "yaml" or "yml" => EscalationFromYaml(MarkdownOutline.Code(code)),
                Table table => EscalationFromTable(outline.Cells(table)),
                // Only a paragraph whose every sentence is a level is taken: its other words would be lost with it.
                ParagraphBlock paragraph => EscalationSentence.ReadAll(Text.Plain(outline.Inline(paragraph))),
                _ => null,
            };
            if (levels is not null && Increasing(levels)) return (block, levels);
        }
        return null;
    }

    private static List<ImportedEscalationLevel>? EscalationFromLines(List<string> items)
    {
        var levels = new List<ImportedEscalationLevel>();
        foreach (var item in items)
        {
            if (item.Contains('\n')) return null;
            var plain = Text.Plain(item);
            // "Page the DBA (#dba-oncall) if not resolved in 30 minutes.": a sentence says who and when its own way.
            if (EscalationSentence.Read(plain) is { } written)
            {
                levels.Add(written);
                continue;
            }
            if (Window(plain) is not { } window) return null;
            var who = plain.Remove(window.Match.Index, window.Match.Length);
            who = Regex.Replace(who, @"^\s*(?:Level|Tier|L|T)\s*\d+\b\s*", "", RegexOptions.IgnoreCase);
            who = Regex.Replace(who, @"\(\s*\)", "").Replace("( ", "(").Replace(" )", ")");
            who = who.Trim().Trim(':', '-', '–').Trim();
            if (who.Length == 0) return null;
            levels.Add(new ImportedEscalationLevel(who, window.After, null));
        }
        return levels.Count > 0 ? levels : null;
    }

    /// <summary>The time after which the level <paramref name="plain"/> (a list item or YAML key, as plain text) is called; null when it gives none.</summary>
    public static TimeSpan? TimeOf(string plain) => EscalationSentence.Read(plain)?.After ?? Window(plain)?.After;

    // "Level 1 - On-call (0-15 minutes)", or "L2: Payments lead (after 15 minutes)".
    private static (TimeSpan After, Match Match)? Window(string plain) =>
        Times.WindowStart(plain) ?? Times.EscalationDelay(plain) ?? Times.LeadingDelay(plain);

    private static List<ImportedEscalationLevel>? EscalationFromYaml(string yaml)
    {
        // Top-level keys "Level 1 - On-Call Engineer (0-15 minutes):"; a level without a time cannot be ordered.
        var keys = yaml.Split('\n').Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && l.TrimEnd().EndsWith(':')).Select(l => l.TrimEnd().TrimEnd(':')).ToList();
        return keys.Count > 0 ? EscalationFromLines(keys) : null;
    }

    private static List<ImportedEscalationLevel>? EscalationFromTable(List<string[]> cells)
    {
        if (cells.Count < 2 || cells[0].Length < 2) return null;
        var header = cells[0].Select(h => Text.Plain(h).ToLowerInvariant()).ToArray();
        var timeColumn = Array.FindIndex(header, h => Regex.IsMatch(h, "time|after|when|window|minutes"));
        // Not the time column: "Escalate after | Who" names the time with a word that also names the who.
        var whoColumn = Column(header, timeColumn, "who|escalate|team|person|role|owner|name");
        if (whoColumn < 0) whoColumn = Column(header, timeColumn, "level|contact");
        var contactColumn = Array.FindIndex(header, h => Regex.IsMatch(h, "contact|email|phone|reach|channel|pager"));
        if (contactColumn == whoColumn) contactColumn = -1;
        if (timeColumn < 0 || whoColumn < 0 || whoColumn == timeColumn) return null;
        var levels = new List<ImportedEscalationLevel>();
        foreach (var row in cells.Skip(1))
        {
            if (row.Length <= Math.Max(timeColumn, whoColumn)) return null;
            var time = Times.WindowStart(Text.Plain(row[timeColumn]))?.After ?? Times.Duration(Text.Plain(row[timeColumn]));
            if (time is null) return null;
            levels.Add(new ImportedEscalationLevel(row[whoColumn], time.Value, contactColumn >= 0 && contactColumn < row.Length ? row[contactColumn] : null));
        }
        return levels;
    }

    /// <summary>The first column whose header matches <paramref name="pattern"/>, other than <paramref name="taken"/>; -1 when none.</summary>
    private static int Column(string[] header, int taken, string pattern)
    {
        for (var i = 0; i < header.Length; i++)
            if (i != taken && Regex.IsMatch(header[i], pattern)) return i;
        return -1;
    }

    /// <summary>
    /// The escalation a runbook writes as sentences in its steps and sections rather than under an escalation heading
    /// (a wiki page's "If this doesn't work within 15 min, page the platform on-call."), in order of time; null when it
    /// writes none, or levels that cannot be ordered (two at one time, one who twice). The sentences stay where they are.
    /// </summary>
    public static List<(ImportedEscalationLevel Level, string Sentence)>? WrittenIn(ImportedRunbook runbook)
    {
        var texts = runbook.AllPhases.SelectMany(p => p.Steps).SelectMany(s => s.Actions)
            .Select(a => a switch { InstructionAction i => i.Text, NoteAction n => n.Text, _ => null })
            .Concat(runbook.Sections.SelectMany(Texts))
            .OfType<string>();
        var found = new List<(ImportedEscalationLevel Level, string Sentence)>();
        foreach (var line in texts.SelectMany(t => t.Split('\n')))
        {
            foreach (var sentence in EscalationSentence.Sentences(Text.Plain(line)))
            {
                if (EscalationSentence.Read(sentence) is { } level) found.Add((level, sentence));
            }
        }
        var ordered = found.OrderBy(f => f.Level.After).ToList();
        return ordered.Count > 0 && Increasing(ordered.Select(f => f.Level).ToList()) ? ordered : null;
    }

    private static IEnumerable<string> Texts(ContentSection section) => section.Blocks.SelectMany(block => block switch
    {
        ParagraphContent paragraph => [paragraph.Text],
        ListContent list => list.Items,
        SubsectionContent subsection => Texts(subsection.Section),
        _ => [],
    });

    private static bool Increasing(List<ImportedEscalationLevel> levels)
    {
        for (var i = 1; i < levels.Count; i++)
        {
            if (levels[i].After <= levels[i - 1].After) return false;
        }
        return levels.Select(l => l.Who).Distinct(StringComparer.OrdinalIgnoreCase).Count() == levels.Count;
    }
}

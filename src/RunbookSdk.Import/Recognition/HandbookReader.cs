using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>What a handbook section is about, judged from its heading.</summary>
internal enum HandbookRole
{
    None,
    Severity,
    Contacts,
    Escalation,
    Slo,
    PostIncident,
    Communication,
}

/// <summary>
/// Reads the shared parts of a document into the handbook: severity levels with response times, escalation
/// levels (lists, YAML and tables that give times), contacts, SLO lists and tables, post-incident checklists,
/// templates and document facts (last updated, review date, owner, environment). What a reader cannot read
/// stays in the handbook as a free-form section.
/// </summary>
internal sealed partial class HandbookReader(MarkdownOutline outline, ContentReader content, TemplateCollector templates, ImportedHandbook handbook, LeftOutHeadings leftOut)
{
    /// <summary>
    /// What <paramref name="section"/> is about, judged from its own words: the words of a link in its heading name the page
    /// it leads to, not this section (<c>### Restart ([contacts](https://wiki/contacts))</c> is no contacts section), unless
    /// the link is all the heading says (<see cref="OutlineSection.OwnWords"/>).
    /// </summary>
    public static HandbookRole RoleOf(OutlineSection section) => RoleOf(section.OwnWords);

    private static HandbookRole RoleOf(string title)
    {
        var t = title.ToLowerInvariant();
        if (Regex.IsMatch(t, @"post[- ]?(incident|mortem)|follow[- ]up|lessons learned")) return HandbookRole.PostIncident;
        if (t.Contains("escalation")) return HandbookRole.Escalation;
        if (t.Contains("contact")) return HandbookRole.Contacts;
        if (Regex.IsMatch(t, @"\bsl[oa]s?\b|service level|objectives")) return HandbookRole.Slo;
        if (Regex.IsMatch(t, @"severity|priorit|classification")) return HandbookRole.Severity;
        if (Regex.IsMatch(t, @"communication|template|notification")) return HandbookRole.Communication;
        return HandbookRole.None;
    }

    /// <summary>
    /// For each escalation matrix the document gives that could not be read into levels, the warning that names it, where it
    /// is and why (<see cref="UnreadEscalation"/>); said only when the handbook has no escalation after all.
    /// </summary>
    public List<string> UnreadEscalations { get; } = [];

    /// <summary>The heading of the section being read, as the handbook keeps it: where what is not read stays.</summary>
    private string _keptIn = "";

    /// <summary>Reads a section with a role; its subsections are read with their own role, or the parent's.</summary>
    public void Read(OutlineSection section, HandbookRole role)
    {
        _keptIn = section.Title;
        var leftover = ContentReader.For(section);
        ReadInto(section, role, leftover);
        if (!leftover.IsEmpty) handbook.Sections.Add(leftover);
        else
        {
            handbook.StructuredHeadings.Add(section.Title);
            leftOut.IfEmpty(section);
        }
    }

    private void ReadInto(OutlineSection section, HandbookRole role, ContentSection leftover)
    {
        var handled = role switch
        {
            HandbookRole.Severity => ReadSeverity(section),
            HandbookRole.Escalation => ReadEscalation(section),
            HandbookRole.Contacts => ReadContacts(section),
            HandbookRole.Slo => ReadSlos(section),
            HandbookRole.PostIncident => ReadPostIncident(section),
            _ => new HashSet<Block>(),
        };
        if (handled.Count > 0 || _severityChildren.Overlaps(section.Children)) handbook.RestructuredHeadings.Add(section.Title);
        foreach (var block in section.Blocks)
        {
            if (handled.Contains(block)) continue;
            if (block is ParagraphBlock paragraph)
            {
                if (ReadFacts(paragraph) is { } remaining) leftover.Blocks.Add(new ParagraphContent(remaining));
                continue;
            }
            // "### Restart ([status page template](…))" names another page: its own words tell whether a block is a template.
            if (block is CodeBlock code && IsTemplateBlock(section.OwnWords, code))
            {
                templates.Add(section.Title, MarkdownOutline.Code(code), null);
                continue;
            }
            content.Add(leftover, block);
        }
        foreach (var child in section.Children)
        {
            if (_severityChildren.Contains(child)) { handbook.StructuredHeadings.Add(child.Title); continue; }
            var childRole = RoleOf(child);
            var sub = ContentReader.For(child);
            ReadInto(child, childRole == HandbookRole.None ? role : childRole, sub);
            if (!sub.IsEmpty) leftover.Blocks.Add(new SubsectionContent(sub));
            else
            {
                handbook.StructuredHeadings.Add(child.Title);
                leftOut.IfEmpty(child);
            }
        }
    }

    private bool IsTemplateBlock(string heading, CodeBlock code) =>
        MarkdownOutline.Language(code) is "" or "text" or "markdown" or "md" or "txt" && templates.IsTemplate(heading, null, "");

    // ---- document facts -------------------------------------------------------------------------------

    /// <summary>Reads "**Last Updated**: …" style lines; returns the paragraph without them (null when nothing is left).</summary>
    public string? ReadFacts(ParagraphBlock paragraph)
    {
        var kept = new List<string>();
        foreach (var line in outline.Inline(paragraph).Split('\n'))
        {
            var match = FactLine().Match(line);
            if (!match.Success || !ReadFact(Text.Plain(match.Groups["key"].Value).ToLowerInvariant(), match.Groups["value"].Value.Trim())) kept.Add(line);
        }
        return kept.Count == 0 ? null : string.Join("\n", kept);
    }

    /// <summary>Records one document fact (<c>owner</c>, <c>last updated</c>, ...); false when the key is none or already known.</summary>
    public bool ReadFact(string key, string value)
    {
        switch (key)
        {
            case "last updated" or "updated" or "last reviewed" when Date(value) is { } updated && handbook.LastUpdated is null:
                handbook.LastUpdated = updated;
                return true;
            case "next review" or "next review date" or "review date" or "review by" when Date(value) is { } review && handbook.ReviewDate is null:
                handbook.ReviewDate = review;
                return true;
            case "environment" when handbook.Environment is null:
                handbook.Environment = value;
                return true;
            case "document maintained by" or "maintained by" or "owner" or "owned by" when handbook.Owner is null:
                handbook.Owner = value;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A two-column table of document facts at the top (<c>| Owner | Checkout Platform Team |</c>): reads the rows whose
    /// key is a fact (<see cref="MetadataKeys"/>) and returns the table without them, null when no row is left.
    /// <paramref name="read"/> is false when no row was read: the table is then not one of facts, and is left as it is.
    /// </summary>
    public TableContent? ReadFactTable(Table table, out bool read)
    {
        read = false;
        var cells = outline.Cells(table);
        if (cells.Count < 2 || cells.Any(row => row.Length != 2)) return null;
        var rest = new List<string[]>();
        foreach (var row in cells.Skip(1))
        {
            if (MetadataKeys.Fact(row[0]) is { } fact && ReadFact(fact, row[1].Trim())) read = true;
            else rest.Add(row);
        }
        return read && rest.Count > 0 ? new TableContent(cells[0], rest) : null;
    }

    private static (int, int, int)? Date(string value)
    {
        string[] formats = ["MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "yyyy-MM-dd", "d MMMM yyyy", "MMMM yyyy", "MMM yyyy"];
        return DateTime.TryParseExact(Text.Plain(value), formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
            ? (date.Year, date.Month, date.Day)
            : null;
    }

    // ---- severity ------------------------------------------------------------------------------------

    private readonly HashSet<OutlineSection> _severityChildren = [];

    private HashSet<Block> ReadSeverity(OutlineSection section)
    {
        var handled = new HashSet<Block>();
        var levels = new List<(ImportedSeverity Level, OutlineSection? From)>();
        // Levels as subsections: "#### 🔴 Critical (P1) - Immediate Response", "#### Severity 1 (Critical)".
        foreach (var child in section.Children)
        {
            if (SeverityKey(child.Title) is not { } key) continue;
            var criteria = new List<string>();
            TimeSpan? respond = TitleResponse(child.Title), resolve = null;
            var description = Describe(child.Title, key);
            if (description.Length > 0) criteria.Add(description);
            foreach (var block in child.Blocks)
            {
                if (block is ListBlock list) criteria.AddRange(list.OfType<ListItemBlock>().Select(content.ItemText));
                else if (block is ParagraphBlock paragraph)
                {
                    foreach (var line in outline.Inline(paragraph).Split('\n'))
                    {
                        var fact = FactLine().Match(line);
                        var name = fact.Success ? Text.Plain(fact.Groups["key"].Value).ToLowerInvariant() : "";
                        var value = fact.Success ? fact.Groups["value"].Value.Trim() : line;
                        if (name.StartsWith("response", StringComparison.Ordinal) && Times.Duration(value) is { } r) { respond = r; criteria.Add(line); }
                        else if (name.StartsWith("resolution", StringComparison.Ordinal) && Times.Duration(value) is { } s) { resolve = s; criteria.Add(line); }
                        else criteria.Add(line);
                    }
                }
                else
                {
                    criteria.Add(outline.Source(block).Trim());
                }
            }
            if (child.Children.Count > 0) continue; // deeper structure: keep the section as written
            levels.Add((new ImportedSeverity(key.Key, key.Name, respond, resolve, criteria), child));
        }
        // Levels as list items: "- **🔴 P1 (Critical)**: Complete outage, data loss risk".
        foreach (var list in section.Blocks.OfType<ListBlock>())
        {
            var items = list.OfType<ListItemBlock>().Select(content.ItemText).ToList();
            var parsed = items.Select(i => FactLine().Match(i)).ToList();
            if (parsed.Count == 0 || !parsed.All(m => m.Success && SeverityKey(m.Groups["key"].Value) is not null)) continue;
            foreach (var match in parsed)
            {
                var key = SeverityKey(match.Groups["key"].Value)!.Value;
                var description = Describe(match.Groups["key"].Value, key);
                var criteria = new List<string>();
                if (description.Length > 0) criteria.Add(description);
                criteria.Add(match.Groups["value"].Value.Trim());
                levels.Add((new ImportedSeverity(key.Key, key.Name, TitleResponse(match.Groups["key"].Value), null, criteria), null));
            }
            handled.Add(list);
        }
        if (levels.Count == 0 || levels.Select(l => l.Level.Key).Distinct().Count() != levels.Count)
            return [];
        foreach (var (level, from) in levels)
        {
            if (handbook.Severities.Any(s => s.Key == level.Key)) continue;
            handbook.Severities.Add(level);
            if (from is not null) _severityChildren.Add(from);
        }
        return handled;
    }

    private static (string Key, string Name)? SeverityKey(string title)
    {
        var plain = Text.Plain(title);
        var name = SeverityName().Match(plain) is { Success: true } n ? Capitalise(n.Value) : null;
        if (PriorityKey().Match(plain) is { Success: true } p) return ("P" + p.Groups[1].Value, name ?? "P" + p.Groups[1].Value);
        if (SevKey().Match(plain) is { Success: true } s) return ("Sev" + s.Groups[1].Value, name ?? "Severity " + s.Groups[1].Value);
        if (name is not null && plain.Length < 80) return (name, name);
        return null;
    }

    /// <summary>What the heading says beyond key and name, e.g. "Complete Service Outage", "Immediate Response".</summary>
    private static string Describe(string title, (string Key, string Name) key)
    {
        var plain = Text.Plain(title);
        var stripped = Regex.Replace(plain, @"\(?\b(P\d|Sev(erity)?\s*\d)\b\)?", "", RegexOptions.IgnoreCase);
        stripped = Regex.Replace(stripped, @"\(?\b" + Regex.Escape(key.Name) + @"\b\)?", "", RegexOptions.IgnoreCase);
        stripped = stripped.Trim().Trim('-', ':', '–', '—').Trim();
        return Regex.IsMatch(stripped, @"[A-Za-z0-9]") ? stripped : "";
    }

    private static TimeSpan? TitleResponse(string title)
    {
        var plain = Text.Plain(title);
        if (Regex.Match(plain, @"(?i)(\d+\s*-?\s*(minutes?|mins?|hours?|hrs?)\s+response|response(\s+time)?\s*:?\s*[^)]*|immediate\s+response)") is { Success: true } m)
            return Times.Duration(m.Value);
        return null;
    }

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    // ---- escalation ----------------------------------------------------------------------------------

    private HashSet<Block> ReadEscalation(OutlineSection section)
    {
        var handled = new HashSet<Block>();
        if (handbook.Escalation.Count > 0) return handled;
        if (EscalationLevels.Read(section, outline, content) is { } found)
        {
            handbook.Escalation.AddRange(found.Levels);
            handled.Add(found.Block);
        }
        else if (UnreadEscalation.Describe(section, content, _keptIn) is { } unread) UnreadEscalations.Add(unread);
        return handled;
    }

    // ---- contacts, SLOs, post-incident ---------------------------------------------------------------

    private HashSet<Block> ReadContacts(OutlineSection section)
    {
        var handled = new HashSet<Block>();
        foreach (var list in section.Blocks.OfType<ListBlock>())
        {
            var pairs = Pairs(list);
            if (pairs is null) continue;
            handbook.Contacts.AddRange(pairs);
            handled.Add(list);
        }
        return handled;
    }

    private HashSet<Block> ReadSlos(OutlineSection section)
    {
        var handled = new HashSet<Block>();
        foreach (var block in section.Blocks)
        {
            if (block is ListBlock list && Pairs(list) is { } pairs)
            {
                handbook.Slos.AddRange(pairs.Select(p => (p.Key, p.Value, (string?)null)));
                handled.Add(list);
            }
            else if (block is Table table && outline.Cells(table) is { Count: > 1 } cells && cells[0].Length >= 2)
            {
                var header = cells[0];
                foreach (var row in cells.Skip(1))
                {
                    var rest = row.Skip(2).Select((cell, i) => cell.Length == 0 ? "" : $"{(2 + i < header.Length ? header[2 + i] + ": " : "")}{cell}").Where(c => c.Length > 0);
                    var description = string.Join("; ", rest);
                    handbook.Slos.Add((row[0], row.Length > 1 ? row[1] : "", description.Length == 0 ? null : description));
                }
                handled.Add(table);
            }
        }
        return handled;
    }

    private HashSet<Block> ReadPostIncident(OutlineSection section)
    {
        var handled = new HashSet<Block>();
        var stage = section.Title;
        foreach (var block in section.Blocks)
        {
            if (block is ListBlock list)
            {
                var items = list.OfType<ListItemBlock>().Select(i => Regex.Replace(content.ItemText(i), @"^\[[ xX]\]\s*", "")).ToList();
                handbook.PostIncident.Add((Unique(stage), items));
                handled.Add(list);
            }
            else if (block is CodeBlock code && ShellSplitter.IsChecklist(MarkdownOutline.Code(code)))
            {
                var lines = MarkdownOutline.Code(code).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                var title = lines.FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#').Trim();
                handbook.PostIncident.Add((Unique(title is null ? stage : $"{stage}: {title}"), lines.Where(l => !l.StartsWith('#')).Select(ShellSplitter.ChecklistText).ToList()));
                handled.Add(block);
            }
            else if (block is ParagraphBlock paragraph && outline.Inline(paragraph).TrimEnd().EndsWith(':'))
            {
                stage = $"{section.Title}: {Text.Plain(outline.Inline(paragraph)).TrimEnd(':')}";
                handled.Add(block);
            }
        }
        return handled;
    }

    private string Unique(string stage)
    {
        var unique = stage;
        for (var n = 2; handbook.PostIncident.Any(p => p.Stage == unique); n++) unique = $"{stage} ({n})";
        return unique;
    }

    /// <summary>"- **Role**: value" items; null unless every item has that shape.</summary>
    private List<(string Key, string Value)>? Pairs(ListBlock list)
    {
        var result = new List<(string, string)>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var text = content.ItemText(item);
            if (text.Contains('\n')) return null;
            var match = FactLine().Match(text);
            if (!match.Success) return null;
            result.Add((Text.Plain(match.Groups["key"].Value), match.Groups["value"].Value.Trim()));
        }
        return result.Count > 0 ? result : null;
    }

    [GeneratedRegex(@"^\*\*(?<key>[^*]+?):?\*\*:?\s*(?<value>.+)$|^(?<key>[A-Z][\w /()&+-]{1,40}):\s+(?<value>.+)$")]
    private static partial Regex FactLine();

    [GeneratedRegex(@"\b(critical|high|medium|low|warning|info|major|minor|urgent|emergency)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeverityName();

    [GeneratedRegex(@"\bP([0-5])\b")]
    private static partial Regex PriorityKey();

    [GeneratedRegex(@"\bSev(?:erity)?\s*([0-5])\b", RegexOptions.IgnoreCase)]
    private static partial Regex SevKey();
}

using System.Text.RegularExpressions;
using Markdig.Syntax;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Reads a document's YAML front matter into the handbook: the keys runbook front matter commonly carries (owner or
/// team, last updated, next review, environment, title, description, tags) go where the DSL has a place for them,
/// through the same facts the <c>**Owner**: …</c> lines of a document fill (a second owner key, such as <c>team</c>
/// beside <c>owner</c>, is added to the one Owner). The other keys stay visible, as a
/// "Front matter" section holding their YAML, and the import names each one.
/// </summary>
internal sealed partial class FrontMatterReader(MarkdownOutline outline, HandbookReader facts, ImportedHandbook handbook)
{
    /// <summary>Reads <paramref name="block"/>; <paramref name="titleFromHeading"/> is false when the document has no title heading.</summary>
    /// <returns>Warnings for the keys kept as text, with their lines.</returns>
    public List<string> Read(Block block, bool titleFromHeading)
    {
        var lines = outline.Source(block).Replace("\r\n", "\n").Split('\n');
        var kept = new List<string>();
        var warnings = new List<string>();
        string? ownerKey = null;
        foreach (var entry in Entries(lines))
        {
            var line = block.Line + 1 + entry.First;
            if (ownerKey is not null && AddToOwner(entry) is { } combined)
            {
                if (combined) warnings.Add($"line {line}: front matter keys '{ownerKey}' and '{entry.Key}' both name an owner and the DSL has one Owner(...): imported as '{handbook.Owner}'");
                continue;
            }
            if (Read(entry, titleFromHeading))
            {
                if (MetadataKeys.Fact(entry.Key) == "owner") ownerKey = entry.Key;
                continue;
            }
            kept.AddRange(lines[entry.First..entry.End]);
            warnings.Add($"line {line}: front matter key '{entry.Key}' is not mapped to the DSL; kept in the handbook's section 'Front matter'");
        }
        if (kept.Count > 0)
        {
            var section = new ContentSection("Front matter");
            section.Blocks.Add(new SnippetContent("yaml", string.Join("\n", kept).TrimEnd()));
            handbook.Sections.Add(section);
        }
        return warnings;
    }

    /// <summary>
    /// A second owner key (<c>owner</c> and <c>team</c>, <c>owner</c> and <c>maintainer</c>): the DSL has one Owner, so
    /// the value is added to it as <c>Jane Doe (team: Payments)</c> instead of being left behind. True when it was
    /// added, false when the owner already says it, null when the entry is no owner key with a value.
    /// </summary>
    private bool? AddToOwner(Entry entry)
    {
        var value = string.Join(", ", entry.Values);
        if (MetadataKeys.Fact(entry.Key) != "owner" || value.Length == 0 || handbook.Owner is not { } owner) return null;
        if (owner.Contains(value, StringComparison.OrdinalIgnoreCase)) return false;
        handbook.Owner = $"{owner} ({MetadataKeys.Normalise(entry.Key)}: {value})";
        return true;
    }

    private bool Read(Entry entry, bool titleFromHeading)
    {
        var key = MetadataKeys.Normalise(entry.Key);
        var value = string.Join(", ", entry.Values);
        if (value.Length == 0) return false;
        switch (key)
        {
            case "title":
                // The heading is the title the page shows; front matter that says the same adds nothing.
                if (titleFromHeading) return Text.Plain(value) == handbook.Title;
                handbook.Title = value;
                return true;
            case "description" or "summary" when handbook.Summary is null && entry.Values.Count == 1:
                handbook.Summary = value;
                return true;
            case "tags" or "keywords" or "labels" when handbook.Tags.Count == 0:
                handbook.Tags.AddRange(entry.Values);
                return true;
            default:
                return MetadataKeys.Fact(key) is { } fact && facts.ReadFact(fact, value);
        }
    }

    /// <summary>A top-level key, its values (one scalar, or the items of a flow or block list) and its lines.</summary>
    private sealed record Entry(string Key, List<string> Values, int First, int End);

    /// <summary>
    /// Top-level <c>key: value</c> entries of simple YAML. A key whose value is a nested mapping or a multi-line string
    /// has no values, so it is kept as written.
    /// </summary>
    private static IEnumerable<Entry> Entries(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (TopLevelKey().Match(lines[i]) is not { Success: true } match) continue;
            var end = i + 1;
            while (end < lines.Length && !TopLevelKey().IsMatch(lines[end]) && !Delimiter().IsMatch(lines[end])) end++;
            var value = match.Groups["value"].Value.Trim();
            var nested = lines[(i + 1)..end].Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
            List<string> values;
            if (value.Length > 0 && nested.Count == 0) values = value.StartsWith('[') && value.EndsWith(']') ? value[1..^1].Split(',').Select(Scalar).Where(v => v.Length > 0).ToList() : [Scalar(value)];
            else if (value.Length == 0 && nested.Count > 0 && nested.All(l => ListItem().IsMatch(l))) values = nested.Select(l => Scalar(ListItem().Match(l).Groups["item"].Value)).ToList();
            else values = [];
            if (value is "|" or ">" or "|-" or ">-") values = [];
            yield return new Entry(match.Groups["key"].Value, values, i, end);
            i = end - 1;
        }
    }

    /// <summary>A plain, single- or double-quoted scalar without its quotes and trailing comment.</summary>
    private static string Scalar(string text)
    {
        var value = text.Trim();
        if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'')) return value[1..^1].Trim();
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? value[..comment] : value).Trim();
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z][\w .-]*?)\s*:(\s+(?<value>.*))?$")]
    private static partial Regex TopLevelKey();

    [GeneratedRegex(@"^\s*-\s+(?<item>.+)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^(---|\.\.\.)\s*$")]
    private static partial Regex Delimiter();
}

using System.Text.RegularExpressions;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// A table that lists a procedure's steps, one row each, with the command to run in a column of its own:
/// <code>
/// | Step | Action         | Command                    | Expected        |
/// |------|----------------|----------------------------|-----------------|
/// | 1    | Check memory   | `redis-cli INFO memory`    | used_memory &lt; 4G |
/// | 2    | Flush sessions | `redis-cli -n 1 FLUSHDB`   |                 |
/// </code>
/// Wikis (Confluence above all) write runbooks so. Kept as one note, the runner showed the table and ran none of its
/// commands: the step passed at 3 a.m. having done nothing the document says to do.
/// </summary>
internal static partial class StepTable
{
    /// <summary>One row: its title, its commands (each the text of one code span) and what the other columns say.</summary>
    public sealed record Row(string Title, IReadOnlyList<string> Commands, IReadOnlyList<(string Header, string Text)> Remarks);

    /// <summary>
    /// The rows of <paramref name="cells"/> (markdown, header row first) as steps, with the headers of the columns read
    /// as titles and commands; null when the table is no table of steps: no column headed as commands whose filled
    /// cells are all code, or no column of words to title the steps.
    /// </summary>
    public static (IReadOnlyList<Row> Rows, string TitleColumn, string CommandColumn)? Read(List<string[]> cells)
    {
        if (cells.Count < 2 || cells[0].Length < 2) return null;
        var headers = cells[0].Select(Text.Plain).ToArray();
        // A pipe inside a cell is written `\|`, also in code (`journalctl -u api \| tail`): out of the table it is a pipe.
        var rows = cells.Skip(1)
            .Select(r => (r.Length >= headers.Length ? r : [.. r, .. Enumerable.Repeat("", headers.Length - r.Length)]).Select(c => c.Replace("\\|", "|", StringComparison.Ordinal)).ToArray())
            .ToList();
        var command = Array.FindIndex(headers, h => CommandHeader().IsMatch(h));
        if (command < 0) return null;
        var filled = rows.Select(r => r[command].Trim()).Where(c => c.Length > 0).ToList();
        if (filled.Count == 0 || !filled.All(c => CodeOnly().IsMatch(c))) return null;
        // The title is the first column of words: not the commands, and not a column of step numbers ("#", "Step").
        var title = Enumerable.Range(0, headers.Length).FirstOrDefault(i => i != command && !rows.All(r => Number().IsMatch(Text.Plain(r[i]))), -1);
        if (title < 0) return null;
        var read = rows
            .Where(r => Text.Plain(r[title]).Length > 0 || r[command].Trim().Length > 0)
            .Select(r => new Row(
                Text.Plain(r[title]).TrimEnd(':', '.').TrimEnd(),
                CodeSpan().Matches(r[command]).Select(m => m.Groups["code"].Value.Trim()).Where(c => c.Length > 0).ToList(),
                Enumerable.Range(0, headers.Length)
                    .Where(i => i != title && i != command && !Number().IsMatch(Text.Plain(r[i])) && r[i].Trim().Length > 0)
                    .Select(i => (headers[i], r[i].Trim()))
                    .ToList()))
            .ToList();
        return (read, headers[title], headers[command]);
    }

    [GeneratedRegex(@"(?i)^(commands?|cmds?|run|to run|shell|script|cli|how|command to run|commands to run)\s*:?$")]
    private static partial Regex CommandHeader();

    // A cell of code spans alone, perhaps several on lines of their own or joined by separators: `a`<br>`b`, `a`; `b`.
    [GeneratedRegex(@"^(?:`[^`]+`)(?:\s*(?:<br\s*/?>|[,;]|&&|then|and)?\s*`[^`]+`)*$", RegexOptions.IgnoreCase)]
    private static partial Regex CodeOnly();

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^(\d+[a-z]?[.)]?|step \d+|)$", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}

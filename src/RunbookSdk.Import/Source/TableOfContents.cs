using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Source;

/// <summary>
/// The marks wikis and editors put where they draw a table of contents — <c>[[_TOC_]]</c> (GitLab, Azure DevOps),
/// <c>[TOC]</c> (Python-Markdown, Bitbucket), <c>{:toc}</c> (kramdown, under its <c>* TOC</c> line), and the list a tool
/// wrote between <c>&lt;!-- toc --&gt;</c> and <c>&lt;!-- tocstop --&gt;</c> (or <c>&lt;!-- TOC --&gt;</c> and
/// <c>&lt;!-- /TOC --&gt;</c>). Read as content, <c>[[_TOC_]]</c> was a wiki link to a page "_TOC_" with a warning, and a
/// generated list of links to the document's headings became a step's instructions. The generated page has headings
/// of its own; the marks are blanked, line for line, so warnings still give the document's line numbers.
/// </summary>
internal static partial class TableOfContents
{
    /// <summary>The document with its table-of-contents marks (and a generated contents list) made blank lines.</summary>
    public static MarkdownSource Blank(MarkdownSource source)
    {
        var lines = source.Text.Split('\n');
        var changed = false;
        string? fence = null;
        var inGeneratedList = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (fence is not null)
            {
                if (line.StartsWith(fence, StringComparison.Ordinal)) fence = null;
                continue;
            }
            if (Fence().Match(line) is { Success: true } opening)
            {
                fence = opening.Value;
                continue;
            }
            var blank = inGeneratedList || Marker().IsMatch(line) || KramdownList().IsMatch(line) && NextIsKramdownMark(lines, i);
            if (GeneratedStart().IsMatch(line)) inGeneratedList = blank = true;
            if (GeneratedEnd().IsMatch(line))
            {
                blank = inGeneratedList;
                inGeneratedList = false;
            }
            if (!blank) continue;
            lines[i] = "";
            changed = true;
        }
        // An opening mark never closed: what followed it was the document, not a generated list.
        if (inGeneratedList) return source;
        return changed ? source with { Text = string.Join("\n", lines) } : source;
    }

    private static bool NextIsKramdownMark(string[] lines, int i) => i + 1 < lines.Length && lines[i + 1].Trim() == "{:toc}";

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(?i)^(\[\[_(toc|tosp)_\]\]|\[\[toc\]\]|\[toc\]|\{:toc\}|\{\{toc\}\}|\$\{toc\}|\{toc(:[^}]*)?\})$")]
    private static partial Regex Marker();

    // kramdown's "* TOC" (or "1. TOC") line over its "{:toc}".
    [GeneratedRegex(@"^(\*|-|\+|1\.)\s+TOC$", RegexOptions.IgnoreCase)]
    private static partial Regex KramdownList();

    [GeneratedRegex(@"(?i)^<!--\s*toc\s*-->$")]
    private static partial Regex GeneratedStart();

    [GeneratedRegex(@"(?i)^<!--\s*(tocstop|/toc)\s*-->$")]
    private static partial Regex GeneratedEnd();
}

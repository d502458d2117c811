using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RunbookSdk.Import.Source;

/// <summary>
/// Wiki links (<c>[[Database Failover]]</c>, <c>[[Database Failover|failover runbook]]</c>), which GitHub wikis (Gollum)
/// and other wikis resolve and markdown does not: kept as written, the page and the runner showed the brackets. Each
/// becomes a markdown link to the page's file when it is beside the document (<c>Database-Failover.md</c>, a wiki's page
/// name with its blanks as hyphens, read as <see cref="RelativeLinks"/> reads a link without extension), which
/// <see cref="RelativeLinks.Rebase"/> then leads from <c>docs/</c>; else its words alone, with a warning. In a heading it
/// is its words alone (a heading names a step or a runbook), and in code it is code (<c>[[ -f "$1" ]]</c>) and stays.
/// An embed (<c>![[diagram.png]]</c>) is a markdown image of the file when it is beside the document, else its words.
/// </summary>
internal static partial class WikiLinks
{
    /// <summary>
    /// The document with its wiki links made markdown links or words, a warning for each that names no page (the
    /// links are counted with the others <see cref="RelativeLinks.Rebase"/> rewrites).
    /// </summary>
    /// <param name="source">The document.</param>
    public static MarkdownSource Resolve(MarkdownSource source)
    {
        var matches = WikiLink().Matches(source.Text);
        if (matches.Count == 0 && !source.Text.Contains("![[", StringComparison.Ordinal)) return source;

        var document = Markdown.Parse(source.Text, SourceMarkdown.Pipeline);
        var code = document.Descendants<CodeBlock>().Select(b => b.Span)
            .Concat(document.Descendants<CodeInline>().Select(c => c.Span))
            .Concat(document.Descendants<HtmlBlock>().Select(b => b.Span))
            .ToList();
        var headings = document.Descendants<HeadingBlock>().Select(h => h.Span).ToList();
        var folder = Path.GetDirectoryName(Path.GetFullPath(source.File))!;

        var text = source.Text;
        var warnings = new List<string>(source.Warnings);
        // From the end, so the positions of the links before each one stay where the parse found them.
        foreach (var link in matches.Concat(Embed().Matches(text)).OrderByDescending(m => m.Index))
        {
            if (code.Any(span => Overlaps(span, link))) continue;
            var embed = link.Value.StartsWith('!');
            var (words, page) = embed ? ReadEmbed(link, folder) : Read(link, folder);
            string replacement;
            if (headings.Any(span => Overlaps(span, link))) replacement = words;
            else if (embed && page is not null) replacement = $"![{words}]({page})";
            else if (embed)
            {
                replacement = words;
                warnings.Add($"{source.File}: line {LineOf(text, link.Index)}: the wiki embed '{link.Value}' names no file beside the document: imported as its words, '{words}'");
            }
            else if (page is not null)
                replacement = $"[{words}]({page})";
            else
            {
                replacement = words;
                warnings.Add($"{source.File}: line {LineOf(text, link.Index)}: the wiki link '{link.Value}' names no page beside the document ({FileName(link.Groups["page"].Value)}.md): imported as its words, '{words}'");
            }
            text = text[..link.Index] + replacement + text[(link.Index + link.Length)..];
        }
        warnings.Reverse(source.Warnings.Count, warnings.Count - source.Warnings.Count);
        return source with { Text = text, Warnings = warnings };
    }

    /// <summary>
    /// The words a link shows and the destination of its page beside the document (null: none there). The page comes
    /// first (<c>[[Page|words]]</c>), as most wikis write it; Gollum writes the words first (<c>[[words|Page]]</c>),
    /// which is read so when only the second names a page.
    /// </summary>
    private static (string Words, string? Page) Read(Match link, string folder)
    {
        var first = link.Groups["page"].Value.Trim();
        var second = link.Groups["words"].Success ? link.Groups["words"].Value.Trim() : null;
        if (Destination(first, folder) is { } page) return (second ?? first, page);
        if (second is not null && Destination(second, folder) is { } gollum) return (first, gollum);
        return (second ?? first, null);
    }

    /// <summary>
    /// An embed's words (its alt text, else the file's name) and the destination of its file beside the document (null:
    /// none there). An embed names a file with its extension (<c>![[diagram.png]]</c>, <c>![[diagram.png|Topology]]</c>).
    /// </summary>
    private static (string Words, string? File) ReadEmbed(Match embed, string folder)
    {
        var name = embed.Groups["page"].Value.Trim();
        var words = embed.Groups["words"].Success ? embed.Groups["words"].Value.Trim() : Path.GetFileNameWithoutExtension(name);
        var file = Path.Combine(folder, name);
        if (name.Length == 0 || !File.Exists(file)) return (words, null);
        var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
        return (words, Uri.EscapeDataString(relative).Replace("%2F", "/", StringComparison.Ordinal));
    }

    /// <summary>The link destination of the page <paramref name="name"/> (<c>Database Failover#promote</c>) beside the document.</summary>
    private static string? Destination(string name, string folder)
    {
        var cut = name.IndexOf('#', StringComparison.Ordinal);
        var (page, fragment) = cut < 0 ? (name, "") : (name[..cut].Trim(), name[(cut + 1)..].Trim());
        if (page.Length == 0) return null;
        var file = RelativeLinks.PageFile(folder, FileName(page)) ?? RelativeLinks.PageFile(folder, page);
        if (file is null) return null;
        var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
        // A destination has no blanks or parentheses; a heading's anchor is its words in lower case joined by hyphens.
        return Uri.EscapeDataString(relative).Replace("%2F", "/", StringComparison.Ordinal)
            + (fragment.Length > 0 ? "#" + Uri.EscapeDataString(Blanks().Replace(fragment.ToLowerInvariant(), "-")) : "");
    }

    /// <summary>A wiki page's file name without extension: its blanks are hyphens (<c>Database Failover</c> → <c>Database-Failover</c>).</summary>
    private static string FileName(string page) => Blanks().Replace(page.Split('#')[0].Trim(), "-");

    private static bool Overlaps(SourceSpan span, Match link) =>
        !span.IsEmpty && span.Start < link.Index + link.Length && link.Index <= span.End;

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    // "[[Page]]", "[[Page|words]]" on one line; not an embed ("![[diagram.png]]").
    [GeneratedRegex(@"(?<!!)\[\[(?<page>[^\[\]|\n]+)(?:\|(?<words>[^\[\]|\n]+))?\]\]")]
    private static partial Regex WikiLink();

    // "![[diagram.png]]", "![[diagram.png|Topology]]": a file shown in the page (Obsidian, and wikis after it).
    [GeneratedRegex(@"!\[\[(?<page>[^\[\]|\n]+)(?:\|(?<words>[^\[\]|\n]+))?\]\]")]
    private static partial Regex Embed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();
}

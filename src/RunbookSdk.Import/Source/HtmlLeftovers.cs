using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RunbookSdk.Import.Source;

/// <summary>
/// What an HTML-to-markdown export (Confluence above all) leaves in the text: <c>&amp;nbsp;</c> for a blank, a
/// <c>&lt;br/&gt;</c> at the end of a line, a line wrapped in <c>&lt;p&gt;…&lt;/p&gt;</c>. A page renders them, but the
/// runner prints a step's title, instructions and notes as written: the engineer read
/// <c>Check the primary:&amp;nbsp;</c> and <c>Alert fires&lt;br/&gt;</c>. They are made plain text, line for line
/// (warnings keep the document's line numbers); code, inline or fenced, stays as written.
/// </summary>
internal static partial class HtmlLeftovers
{
    /// <summary>The document with those leftovers made plain text outside code.</summary>
    public static MarkdownSource Clean(MarkdownSource source)
    {
        if (!Leftover().IsMatch(source.Text)) return source;
        var document = Markdown.Parse(source.Text, SourceMarkdown.Pipeline);
        var code = document.Descendants<CodeBlock>().Select(b => b.Span)
            .Concat(document.Descendants<CodeInline>().Select(c => c.Span))
            .ToList();
        var text = source.Text;
        // From the end, so the positions of the leftovers before each one stay where the parse found them.
        foreach (var match in Leftover().Matches(text).Reverse())
        {
            if (code.Any(span => !span.IsEmpty && span.Start < match.Index + match.Length && match.Index <= span.End)) continue;
            var replacement = match.Value.StartsWith('&') ? " " : "";
            text = text[..match.Index] + replacement + text[(match.Index + match.Length)..];
        }
        return source with { Text = text };
    }

    // A non-breaking space as an entity; a line break tag ending a line; a paragraph tag opening or closing a whole line.
    [GeneratedRegex(@"&nbsp;|&#160;|&#[xX][aA]0;|[ \t]*<br\s*/?>[ \t]*(?=\n|$)|(?<=^|\n)[ \t]*<p(\s[^<>\n]*)?>|</p>[ \t]*(?=\n|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Leftover();
}

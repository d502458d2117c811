using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Outline;

/// <summary>
/// The Markdig syntax tree of a document arranged by headings, with the source text of every block at hand.
/// Markdig parses; this class only groups blocks under their headings and reads back exact source text.
/// </summary>
internal sealed partial class MarkdownOutline
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseYamlFrontMatter()
        .Build();

    private readonly string _text;

    private MarkdownOutline(string text, MarkdownDocument document, OutlineSection root)
    {
        _text = text;
        Document = document;
        Root = root;
    }

    /// <summary>The Markdig document.</summary>
    public MarkdownDocument Document { get; }

    /// <summary>The root section (the whole document).</summary>
    public OutlineSection Root { get; }

    /// <summary>Parses the source; throws <see cref="ImportException"/> when it is not a usable markdown document.</summary>
    public static MarkdownOutline Parse(MarkdownSource source)
    {
        var document = Markdown.Parse(source.Text, s_pipeline);
        foreach (var fence in document.Descendants<FencedCodeBlock>())
        {
            if (fence.ClosingFencedCharCount == 0)
                throw new ImportException(source.File, fence.Line + 1, $"code fence {new string(fence.FencedChar, Math.Max(3, fence.OpeningFencedCharCount))}{fence.Info} is never closed");
        }
        if (!document.Descendants().Any(b => b is HeadingBlock or ListBlock or FencedCodeBlock or Table))
            throw new ImportException(source.File, null, "does not look like markdown: no headings, lists, tables or code blocks");

        var root = new OutlineSection("", 0, 1);
        var stack = new Stack<OutlineSection>();
        stack.Push(root);
        var outline = new MarkdownOutline(source.Text, document, root);
        var definitions = new Queue<LinkReferenceDefinition>(LooseLinkDefinitions(document));
        foreach (var block in document)
        {
            if (block is not LinkReferenceDefinitionGroup)
                while (definitions.Count > 0 && definitions.Peek().Span.Start < block.Span.Start) stack.Peek().Blocks.Add(definitions.Dequeue());
            switch (block)
            {
                case HeadingBlock heading:
                    while (stack.Peek().Level >= heading.Level) stack.Pop();
                    var section = new OutlineSection(outline.HeadingText(heading), heading.Level, heading.Line + 1);
                    stack.Peek().Children.Add(section);
                    stack.Push(section);
                    break;
                case ThematicBreakBlock or LinkReferenceDefinitionGroup or BlankLineBlock:
                    break;
                default:
                    stack.Peek().Blocks.Add(block);
                    break;
            }
        }
        while (definitions.Count > 0) stack.Peek().Blocks.Add(definitions.Dequeue());
        return outline;
    }

    /// <summary>
    /// Reference-style link definitions (<c>[status]: https://…</c>) that stand on their own, in document order. Markdig
    /// moves every definition into one group at the top of the document; they go back into the section they were
    /// written in (kept as markdown, so the page still renders <c>[status page][status]</c> as that link and the address
    /// is not lost). One inside a block kept as its source (a quote, a list item) is already in that text.
    /// </summary>
    private static IEnumerable<LinkReferenceDefinition> LooseLinkDefinitions(MarkdownDocument document) =>
        document.OfType<LinkReferenceDefinitionGroup>()
            .SelectMany(group => group.OfType<LinkReferenceDefinition>())
            .Where(definition => !document.Any(block => block is not LinkReferenceDefinitionGroup
                && block.Span.Start <= definition.Span.Start && definition.Span.End <= block.Span.End))
            .OrderBy(definition => definition.Span.Start);

    /// <summary>The exact source text of a block.</summary>
    public string Source(Block block)
    {
        var start = Math.Clamp(block.Span.Start, 0, _text.Length);
        var end = Math.Clamp(block.Span.End + 1, start, _text.Length);
        return _text[start..end];
    }

    /// <summary>
    /// A paragraph's markdown, one line per source line with the list indentation removed
    /// (inline formatting such as <c>**bold**</c> and <c>`code`</c> is kept: the docs render it).
    /// </summary>
    public string Inline(LeafBlock block)
    {
        var lines = Source(block).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        var text = string.Join("\n", lines);
        return block is HeadingBlock heading ? StripHeadingMarks(text, heading) : text;
    }

    /// <summary>A heading's text without the <c>#</c> marks (or setext underline).</summary>
    public string HeadingText(HeadingBlock heading)
    {
        var first = Source(heading).Split('\n')[0].Trim();
        return StripHeadingMarks(first, heading);
    }

    /// <summary>A fenced or indented code block's content, verbatim.</summary>
    public static string Code(CodeBlock block) => block.Lines.ToString().Replace("\r\n", "\n").TrimEnd('\n', ' ');

    /// <summary>A fenced block's language ("" when none).</summary>
    public static string Language(CodeBlock block) =>
        block is FencedCodeBlock fenced ? (fenced.Info ?? "").Trim().ToLowerInvariant() : "";

    /// <summary>A table's cells as markdown, header row first.</summary>
    public List<string[]> Cells(Table table)
    {
        var rows = new List<string[]>();
        foreach (var row in table.OfType<TableRow>())
        {
            rows.Add(row.OfType<TableCell>()
                .Select(cell => string.Join(" ", cell.OfType<LeafBlock>().Select(Inline)).Trim())
                .ToArray());
        }
        return rows;
    }

    /// <summary>YAML front matter, if any.</summary>
    public static bool IsFrontMatter(Block block) => block is YamlFrontMatterBlock;

    private static string StripHeadingMarks(string text, HeadingBlock heading)
    {
        if (heading.IsSetext) return text;
        text = OpeningHashes().Replace(text, "");
        return ClosingHashes().Replace(text, "").Trim();
    }

    [GeneratedRegex(@"^#{1,6}\s*")]
    private static partial Regex OpeningHashes();

    [GeneratedRegex(@"\s+#+\s*$")]
    private static partial Regex ClosingHashes();
}

using Markdig.Extensions.Tables;
using Markdig.Syntax;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>Keeps what no reader recognised as free-form section content: paragraphs, lists, tables, snippets, subsections.</summary>
internal sealed class ContentReader(MarkdownOutline outline)
{
    /// <summary>A section with its blocks and its subsections, all kept.</summary>
    public ContentSection Section(OutlineSection section, string? heading = null)
    {
        var content = For(section, heading);
        AddBlocks(content, section.Blocks);
        foreach (var child in section.Children) content.Blocks.Add(new SubsectionContent(Section(child)));
        return content;
    }

    /// <summary>
    /// An empty section for <paramref name="section"/>'s heading (or <paramref name="heading"/>). The heading is named by its
    /// links' words (<see cref="OutlineSection.Title"/>), so where they lead is the section's first paragraph.
    /// </summary>
    public static ContentSection For(OutlineSection section, string? heading = null)
    {
        var content = new ContentSection(heading ?? section.Title);
        if (section.LinkNote is { } links) content.Blocks.Add(new ParagraphContent(links));
        return content;
    }

    /// <summary>Adds blocks as content.</summary>
    public void AddBlocks(ContentSection content, IEnumerable<Block> blocks)
    {
        foreach (var block in blocks) Add(content, block);
    }

    /// <summary>Adds one block as content.</summary>
    public void Add(ContentSection content, Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                content.Blocks.Add(new ParagraphContent(outline.Inline(paragraph)));
                break;
            case ListBlock list:
                content.Blocks.Add(new ListContent(list.IsOrdered, list.OfType<ListItemBlock>().Select(ItemText).ToList()));
                break;
            case Table table:
                var cells = outline.Cells(table);
                if (cells.Count == 0) break;
                var width = cells.Max(r => r.Length);
                var rows = cells.Skip(1).Select(r => Pad(r, width)).ToList();
                content.Blocks.Add(new TableContent(Pad(cells[0], width), rows));
                break;
            case CodeBlock code:
                content.Blocks.Add(new SnippetContent(SnippetLanguage(code), MarkdownOutline.Code(code)));
                break;
            // "> [!WARNING]" over "> Never flush db 1" is the remark "**Warning:** Never flush db 1", as it is in a step:
            // kept as a quote, the page showed the "[!WARNING]" marker wherever GitHub does not render it.
            case QuoteBlock quote when GitHubAlert.AsRemark(outline.Source(quote).Trim()) is { } remark:
                content.Blocks.Add(new ParagraphContent(remark));
                break;
            case QuoteBlock or HtmlBlock or ContainerBlock or LeafBlock:
                var source = outline.Source(block).Trim();
                if (source.Length > 0) content.Blocks.Add(new ParagraphContent(source));
                break;
        }
    }

    /// <summary>A list item as markdown: its first paragraph, then nested lists and blocks as indented lines.</summary>
    public string ItemText(ListItemBlock item)
    {
        var parts = new List<string>();
        foreach (var block in item)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    parts.Add(outline.Inline(paragraph));
                    break;
                case ListBlock nested:
                    var n = 1;
                    foreach (var child in nested.OfType<ListItemBlock>())
                        parts.Add((nested.IsOrdered ? $"{n++}. " : "- ") + ItemText(child).Replace("\n", "\n  "));
                    break;
                case CodeBlock code:
                    parts.Add("```" + SnippetLanguage(code) + "\n" + MarkdownOutline.Code(code) + "\n```");
                    break;
                default:
                    parts.Add(outline.Source(block).Trim());
                    break;
            }
        }
        return string.Join("\n", parts.Where(p => p.Length > 0));
    }

    /// <summary>The language a snippet is shown with ("text" when the fence names none).</summary>
    public static string SnippetLanguage(CodeBlock code)
    {
        var language = MarkdownOutline.Language(code);
        return language.Length == 0 ? "text" : language.Split(' ')[0];
    }

    private static string[] Pad(string[] row, int width) =>
        row.Length >= width ? row : row.Concat(Enumerable.Repeat("", width - row.Length)).ToArray();
}

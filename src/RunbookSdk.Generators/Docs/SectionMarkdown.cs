using System.Linq;
using System.Text;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Docs;

/// <summary>Renders a free-form section (paragraphs, lists, tables, snippets, subsections) as markdown.</summary>
internal static class SectionMarkdown
{
    public static string Render(SectionModel section, int level)
    {
        var builder = new StringBuilder();
        builder.Append(new string('#', level)).Append(' ').Append(Markdown.Heading(section.Heading)).Append("\n\n");
        foreach (var block in section.Blocks)
        {
            switch (block.Kind)
            {
                case "paragraph":
                    builder.Append(Markdown.Text(block.Items[0])).Append("\n\n");
                    break;
                // Blank items left out, as in the symptoms: an empty bullet says nothing.
                case "bullets":
                    foreach (var item in DocumentViews.Written(block.Items)) builder.Append("- ").Append(Markdown.ListItem(item)).Append('\n');
                    builder.Append('\n');
                    break;
                case "numbered":
                    var number = 0;
                    foreach (var item in DocumentViews.Written(block.Items))
                    {
                        var marker = (++number).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". ";
                        builder.Append(marker).Append(Markdown.IndentedListItem(item, marker.Length)).Append('\n');
                    }
                    builder.Append('\n');
                    break;
                case "table":
                    builder.Append("| ").Append(string.Join(" | ", block.Items.Select(Markdown.Cell))).Append(" |\n");
                    builder.Append('|').Append(string.Concat(block.Items.Select(_ => "---|"))).Append('\n');
                    foreach (var row in block.Rows) builder.Append("| ").Append(string.Join(" | ", row.Cells.Select(Markdown.Cell))).Append(" |\n");
                    builder.Append('\n');
                    break;
                case "snippet":
                    builder.Append(Markdown.Fence(block.Language ?? "", block.Items[0])).Append('\n');
                    break;
                case "subsection" when block.Subsection is not null:
                    builder.Append(Render(block.Subsection, level + 1));
                    break;
            }
        }
        return builder.ToString();
    }
}

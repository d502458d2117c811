using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Code blocks a wiki export wrote below a numbered item instead of inside it. Confluence and GitHub wikis put the
/// fence at the start of the line (<c>1. **Check pods**</c>, then <c>```</c> unindented), which ends the list: in
/// markdown the code is no part of the item, and each item is a list of its own (numbered on, or from 1 again). Read
/// block by block, the items became instructions of one step named after the phase and their commands ran in it, so the
/// document's steps were lost. Read here, such code belongs to the item right above it, as if it were indented.
/// </summary>
internal static class DetachedItemCode
{
    /// <summary>
    /// For each numbered list of <paramref name="blocks"/> directly followed by code, the code blocks that follow it
    /// (up to the next block of another kind): they belong to its last item. Taken only where the document evidently
    /// writes its steps that way: two or more such lists, or one whose last item is a bold title
    /// (<c>1. **Restart the API**</c>). A single numbered list of plain items above a block may be a checklist the
    /// block has nothing to do with, and is left as it was read.
    /// </summary>
    public static Dictionary<ListBlock, List<CodeBlock>> Find(IReadOnlyList<Block> blocks)
    {
        var found = new Dictionary<ListBlock, List<CodeBlock>>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not ListBlock { IsOrdered: true } list) continue;
            var code = blocks.Skip(i + 1).TakeWhile(b => b is CodeBlock).Cast<CodeBlock>().ToList();
            if (code.Count > 0 && list.OfType<ListItemBlock>().All(item => item.FirstOrDefault() is ParagraphBlock)) found[list] = code;
        }
        if (found.Count == 1 && !EndsWithBoldTitle(found.Keys.Single())) found.Clear();
        return found;
    }

    private static bool EndsWithBoldTitle(ListBlock list) =>
        list.LastChild is ListItemBlock { Count: 1 } item && item[0] is ParagraphBlock { Inline.FirstChild: EmphasisInline { DelimiterCount: 2 } };
}

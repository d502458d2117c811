using System.Collections.Generic;

namespace RunbookSdk.Generators.Docs;

/// <summary>
/// The anchors GitHub gives the headings of one page, read in page order: <see cref="Markdown.Anchor"/> of the heading,
/// and for a heading whose anchor an earlier one already has, that anchor numbered from 1 ("notes", "notes-1",
/// "notes-2"), as GitHub numbers it.
/// </summary>
internal sealed class PageAnchors
{
    private readonly Dictionary<string, int> _seen = new(System.StringComparer.Ordinal);

    /// <summary>The anchor of the next heading of the page.</summary>
    /// <param name="heading">The heading's text as the page writes it.</param>
    public string Next(string heading)
    {
        var anchor = Markdown.Anchor(heading);
        _seen.TryGetValue(anchor, out var count);
        _seen[anchor] = count + 1;
        return count == 0 ? anchor : anchor + "-" + count;
    }
}

using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Headings with nothing under them (no text, no subsections) that the import leaves out: there is nothing to turn
/// into a section, step or phase, but the author wrote the heading for a reason, so the import names each one.
/// </summary>
internal sealed class LeftOutHeadings
{
    private readonly List<OutlineSection> _headings = [];

    /// <summary>The headings left out, in document order.</summary>
    public IEnumerable<OutlineSection> Headings => _headings.OrderBy(h => h.Line);

    /// <summary>Records <paramref name="section"/> when it has nothing under it; a reader calls it where it keeps nothing of a section.</summary>
    public void IfEmpty(OutlineSection section)
    {
        if (IsEmpty(section) && !_headings.Contains(section)) _headings.Add(section);
    }

    /// <summary>True for a heading with no blocks and no subsections.</summary>
    public static bool IsEmpty(OutlineSection section) => section.Blocks.Count == 0 && section.Children.Count == 0;
}

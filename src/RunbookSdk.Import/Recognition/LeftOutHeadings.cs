using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Headings with nothing under them (no text, no subsections, or only subsections that are themselves left out) that
/// the import leaves out: there is nothing to turn into a section, step or phase, but the author wrote the heading
/// for a reason, so the import names each one, a parent as well as its empty subsections.
/// </summary>
internal sealed class LeftOutHeadings
{
    private readonly List<OutlineSection> _headings = [];

    /// <summary>The headings left out, in document order.</summary>
    public IEnumerable<OutlineSection> Headings => _headings.OrderBy(h => h.Line);

    /// <summary>
    /// Records <paramref name="section"/> when it has nothing under it, or only subsections already recorded; a reader
    /// calls it where it keeps nothing of a section, after it has read the subsections.
    /// </summary>
    /// <returns>True when the section is left out.</returns>
    public bool IfEmpty(OutlineSection section)
    {
        if (!IsEmpty(section) && !IsHollow(section)) return false;
        if (!_headings.Contains(section)) _headings.Add(section);
        return true;
    }

    /// <summary>True for a heading with no blocks and no subsections.</summary>
    public static bool IsEmpty(OutlineSection section) => section.Blocks.Count == 0 && section.Children.Count == 0;

    /// <summary>The warning for a left-out heading (without the file name).</summary>
    public static string Warning(OutlineSection heading)
    {
        var what = heading.Children.Count == 0
            ? "has nothing under it"
            : $"has only subsections with nothing under them (lines {string.Join(", ", heading.Children.Select(c => c.Line))})";
        return $"line {heading.Line}: the heading '{heading}' {what} and is not imported: write what belongs there, or delete it";
    }

    /// <summary>
    /// No blocks, and every subsection left out: nothing of it survives. A subsection read into structure (a severity
    /// level named by its heading alone) is not recorded, so its parent is not hollow.
    /// </summary>
    private bool IsHollow(OutlineSection section) =>
        section.Blocks.Count == 0 && section.Children.Count > 0 && section.Children.All(_headings.Contains);
}

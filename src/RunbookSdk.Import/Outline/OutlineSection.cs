using Markdig.Syntax;

namespace RunbookSdk.Import.Outline;

/// <summary>
/// A heading and what belongs to it: the blocks up to the next heading and the sections of deeper headings.
/// The document itself is the root (level 0, no heading).
/// </summary>
internal sealed class OutlineSection(string heading, int level, int line)
{
    /// <summary>The heading as written (inline markdown kept), empty for the root.</summary>
    public string Heading { get; } = heading;

    /// <summary>The heading level, 1-6; 0 for the root.</summary>
    public int Level { get; } = level;

    /// <summary>1-based line of the heading.</summary>
    public int Line { get; } = line;

    /// <summary>Blocks between this heading and the next one.</summary>
    public List<Block> Blocks { get; } = [];

    /// <summary>Sections of the deeper headings that follow.</summary>
    public List<OutlineSection> Children { get; } = [];

    /// <summary>
    /// The heading as plain text, without emoji and emphasis. A heading with no words (<c>## 🚨</c>) would leave an empty
    /// phase, step or section name: it is named after where it is, <c>Untitled heading at line 12 (🚨)</c>
    /// (<see cref="IsUntitled"/>). A trailing colon (<c>### Investigation:</c>, <c># Checkout Outage Playbook:</c>) is
    /// punctuation leading into what follows, no part of the name: kept, the runbook was titled <c>Checkout Outage
    /// Playbook:</c>, its handbook summary read <c>Checkout Outage Playbook:: what its runbooks share</c>, and phases and
    /// the rollback were <c>Investigation:</c> and <c>Rollback:</c> on the page and in the runner. Empty for the root.
    /// A link's words stay and its address does not (<see cref="HeadingLinks"/>): <c>### Restart [api](https://…)</c> is
    /// <c>Restart api</c>.
    /// </summary>
    public string Title => _title ??= Level == 0 ? "" : WithoutTrailingColon(Text.Plain(HeadingLinks.Unlinked(Named))) is { Length: > 0 } plain ? plain : UntitledName();

    /// <summary>
    /// The heading's own words, without those of a link to something else (<c>Fail over</c> for <c>Fail over
    /// ([runbook](https://wiki/x))</c>), for telling what the section is: the same as <see cref="Title"/> without links,
    /// or when a link is all the heading says.
    /// </summary>
    public string OwnWords => Level == 0 ? "" : Text.Plain(HeadingLinks.OwnWords(Named));

    /// <summary>A note with where the heading's links lead, or null when it has none (<see cref="HeadingLinks.Note"/>).</summary>
    public string? LinkNote => Level == 0 ? null : HeadingLinks.Note(Named);

    private static string WithoutTrailingColon(string title) => title.TrimEnd(':').TrimEnd() is { Length: > 0 } bare ? bare : title;

    /// <summary>
    /// The status the heading ends with (<c>✅ IMPLEMENTED</c>, <c>WIP</c>), as written, or null: it is no part of
    /// <see cref="Title"/> (so of no id either), and the import says it was dropped (<see cref="StatusMarker"/>).
    /// </summary>
    public string? Status => Level == 0 ? null : StatusMarker.Split(Heading).Marker;

    // The heading without its status marker.
    private string Named => StatusMarker.Split(Heading).Heading;

    /// <summary>True for a heading that has no words, only emoji or marks: <see cref="Title"/> is made up.</summary>
    public bool IsUntitled => Level > 0 && Text.Plain(Heading).Length == 0;

    private string? _title;

    private string UntitledName()
    {
        // The emoji stay in the name: they were all the heading said (🚨, ✅), and the page shows them as the document did.
        var shown = string.Join(" ", Heading.Replace("*", "").Replace("`", "").Replace("_", "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return $"Untitled heading at line {Line}" + (shown.Length > 0 ? $" ({shown})" : "");
    }

    /// <summary>Every block of this section and its subsections, in document order.</summary>
    public IEnumerable<Block> AllBlocks => Blocks.Concat(Children.SelectMany(c => c.AllBlocks));

    /// <summary>This section and every subsection.</summary>
    public IEnumerable<OutlineSection> Descendants => Children.SelectMany(c => c.Descendants.Prepend(c));

    /// <inheritdoc />
    public override string ToString() => $"{new string('#', Level)} {Heading}";
}

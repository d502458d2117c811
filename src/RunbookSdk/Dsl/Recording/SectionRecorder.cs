using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// Records a free-form section of the page. A null block from helper code is refused naming the call and the section
/// (NullGuard): it was recorded, and failed the page's rendering, or printed nothing, naming neither.
/// </summary>
internal sealed class SectionRecorder : ISectionBuilder
{
    private readonly List<SectionBlock> _blocks = [];
    // Where a refused argument stands, for the message: "section 'Background', subsection 'Why'".
    private readonly string _where;

    private SectionRecorder(string where) => _where = where;

    /// <param name="heading">The section's heading (not null: the caller checked it).</param>
    /// <param name="content">Adds the section's blocks (not null: the caller checked it).</param>
    /// <param name="where">The section, for a refusal: <c>section 'Background'</c>.</param>
    public static SectionPlan Record(string heading, Action<ISectionBuilder> content, string where)
    {
        var recorder = new SectionRecorder(where);
        content(recorder);
        return new SectionPlan(heading, recorder._blocks.ToArray());
    }

    public ISectionBuilder Paragraph(string text) => Add(new ParagraphBlock(Required(text, "Paragraph(text)", nameof(text))));
    public ISectionBuilder Bullets(params string[] items) => Add(new ListBlock(NoNullItems(items, "Bullets(items)", nameof(items)), Numbered: false));
    public ISectionBuilder Numbered(params string[] items) => Add(new ListBlock(NoNullItems(items, "Numbered(items)", nameof(items)), Numbered: true));

    public ISectionBuilder Table(string[] headers, params string[][] rows)
    {
        const string call = "Table(headers, rows)";
        NoNullItems(headers, call, nameof(headers));
        NoNullItems(rows, call, nameof(rows), "row");
        for (var row = 0; row < rows.Length; row++)
            NullGuard.NoNullItems(rows[row], call, nameof(rows), _where, "cell", $"row {row + 1} of 'rows'");
        return Add(new TableBlock(headers, rows));
    }

    public ISectionBuilder Snippet(string language, string code) =>
        Add(new SnippetBlock(Required(language, "Snippet(language, code)", nameof(language)), Required(code, "Snippet(language, code)", nameof(code))));

    public ISectionBuilder Subsection(string heading, Action<ISectionBuilder> content)
    {
        Required(heading, "Subsection(heading, content)", nameof(heading));
        var where = $"{_where}, subsection '{heading}'";
        NullGuard.Required(content, "Subsection(heading, content)", nameof(content), where);
        return Add(new SubsectionBlock(Record(heading, content, where)));
    }

    private SectionRecorder Add(SectionBlock block)
    {
        _blocks.Add(block);
        return this;
    }

    private T Required<T>(T? value, string call, string parameter) where T : class => NullGuard.Required(value, call, parameter, _where);
    private T[] NoNullItems<T>(T[]? items, string call, string parameter, string entry = "item") where T : class => NullGuard.NoNullItems(items, call, parameter, _where, entry);
}

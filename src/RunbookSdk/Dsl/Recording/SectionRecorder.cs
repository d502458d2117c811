using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

internal sealed class SectionRecorder : ISectionBuilder
{
    private readonly List<SectionBlock> _blocks = [];

    public static SectionPlan Record(string heading, Action<ISectionBuilder> content)
    {
        var recorder = new SectionRecorder();
        content(recorder);
        return new SectionPlan(heading, recorder._blocks.ToArray());
    }

    public ISectionBuilder Paragraph(string text) { _blocks.Add(new ParagraphBlock(text)); return this; }
    public ISectionBuilder Bullets(params string[] items) { _blocks.Add(new ListBlock(items, Numbered: false)); return this; }
    public ISectionBuilder Numbered(params string[] items) { _blocks.Add(new ListBlock(items, Numbered: true)); return this; }
    public ISectionBuilder Table(string[] headers, params string[][] rows) { _blocks.Add(new TableBlock(headers, rows)); return this; }
    public ISectionBuilder Snippet(string language, string code) { _blocks.Add(new SnippetBlock(language, code)); return this; }
    public ISectionBuilder Subsection(string heading, Action<ISectionBuilder> content) { _blocks.Add(new SubsectionBlock(Record(heading, content))); return this; }
}

namespace RunbookSdk.Model;

/// <summary>A free-form document section: a heading and blocks of content, possibly nested.</summary>
/// <param name="Heading">Section heading.</param>
/// <param name="Blocks">Content blocks in order.</param>
public sealed record SectionPlan(string Heading, IReadOnlyList<SectionBlock> Blocks);

/// <summary>A block of section content.</summary>
public abstract record SectionBlock;

/// <summary>A paragraph of text.</summary>
/// <param name="Text">The text (markdown inline formatting allowed).</param>
public sealed record ParagraphBlock(string Text) : SectionBlock;

/// <summary>A list.</summary>
/// <param name="Items">List items.</param>
/// <param name="Numbered">Numbered rather than bulleted.</param>
public sealed record ListBlock(IReadOnlyList<string> Items, bool Numbered) : SectionBlock;

/// <summary>A table.</summary>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Rows of cells.</param>
public sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : SectionBlock;

/// <summary>A verbatim code snippet.</summary>
/// <param name="Language">Language for highlighting (e.g. "sql", "yaml").</param>
/// <param name="Code">The code, verbatim.</param>
public sealed record SnippetBlock(string Language, string Code) : SectionBlock;

/// <summary>A nested section.</summary>
/// <param name="Section">The nested section.</param>
public sealed record SubsectionBlock(SectionPlan Section) : SectionBlock;

using Markdig;

namespace RunbookSdk.Import.Source;

/// <summary>
/// The Markdig pipeline the passes that rewrite a document's text before it is read (<see cref="WikiLinks"/>,
/// <see cref="RelativeLinks"/>) parse it with: the reader's extensions, so a link in a table or after front matter is
/// found where the reader will see it, and precise source locations, so each link's text is replaced in place.
/// </summary>
internal static class SourceMarkdown
{
    /// <summary>The pipeline; built once, as Markdig's pipelines are meant to be shared.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .Build();
}

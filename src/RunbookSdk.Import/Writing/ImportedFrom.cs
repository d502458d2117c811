namespace RunbookSdk.Import.Writing;

/// <summary>
/// How an imported file names the document it came from, in its first line: by the document's path from the project's
/// folder (<c>../docs/payments.md</c>). A second import into the folder tells by it an earlier import of the same
/// document, which it may replace, from an import of another document that only has the same file name
/// (<c>incident-response.md</c>, <c>README.md</c>), which is someone's work: it named the file name alone, and
/// <c>--force</c> deleted the other import's edited classes. A file of an import made before names the file name alone
/// and is still recognised by it.
/// </summary>
internal static class ImportedFrom
{
    /// <summary>The document as the files name it: its path from <paramref name="outputDirectory"/>, with <c>/</c>.</summary>
    /// <param name="markdownFile">The document.</param>
    /// <param name="outputDirectory">The project's folder.</param>
    public static string Reference(string markdownFile, string outputDirectory) =>
        Path.GetRelativePath(Path.GetFullPath(outputDirectory), Path.GetFullPath(markdownFile)).Replace('\\', '/');

    /// <summary>Whether <paramref name="head"/>, the first lines of a file, says it was imported from <paramref name="markdownFile"/>.</summary>
    /// <param name="head">The file's first lines.</param>
    /// <param name="markdownFile">The document being imported.</param>
    /// <param name="outputDirectory">The project's folder.</param>
    public static bool Names(string head, string markdownFile, string outputDirectory) =>
        Says(head, Reference(markdownFile, outputDirectory)) || Says(head, Path.GetFileName(markdownFile));

    private static bool Says(string head, string document) =>
        head.Contains($"Imported from {document} by `runbook import`", StringComparison.Ordinal)
        || head.Contains($"Imported from {ProjectFile.CommentText(document)} by `runbook import`", StringComparison.Ordinal);
}

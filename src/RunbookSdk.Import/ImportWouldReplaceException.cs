namespace RunbookSdk.Import;

/// <summary>
/// The output folder holds files of an earlier import that differ from what this import writes (edited since, or
/// written from an older version of the document), or that this import would remove; nothing was written.
/// <see cref="ImportOptions.ReplaceChangedFiles"/> replaces them.
/// </summary>
public sealed class ImportWouldReplaceException : Exception
{
    /// <summary>Creates the error for an import of <paramref name="file"/> into <paramref name="outputDirectory"/>.</summary>
    /// <param name="file">The markdown document, as the user named it.</param>
    /// <param name="outputDirectory">The output folder, full path.</param>
    /// <param name="replaced">Full paths of files whose content would change.</param>
    /// <param name="removed">Full paths of earlier imported sources this import no longer writes, which it would delete.</param>
    public ImportWouldReplaceException(string file, string outputDirectory, IReadOnlyList<string> replaced, IReadOnlyList<string> removed)
        : base($"{file}: {Count(replaced.Count + removed.Count)} in {outputDirectory} {(replaced.Count + removed.Count == 1 ? "differs" : "differ")} from what this import writes; nothing was written. "
            + "Pass --force to replace them (changes made to them since the last import are lost), or import into a new folder and carry your edits over.")
    {
        File = file;
        OutputDirectory = outputDirectory;
        Replaced = replaced;
        Removed = removed;
    }

    /// <summary>The markdown document being imported.</summary>
    public string File { get; }

    /// <summary>The output folder, full path.</summary>
    public string OutputDirectory { get; }

    /// <summary>Full paths of the files whose content the import would replace.</summary>
    public IReadOnlyList<string> Replaced { get; }

    /// <summary>Full paths of the earlier imported sources the import would delete (the document no longer has their runbook).</summary>
    public IReadOnlyList<string> Removed { get; }

    private static string Count(int files) => files == 1 ? "1 file" : $"{files} files";
}

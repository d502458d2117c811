namespace RunbookSdk.Import;

/// <summary>
/// The markdown file cannot be imported: unreadable, empty, binary, not markdown, too large, or malformed
/// (an unterminated code fence). The message is one line naming the file, and the line when it is known.
/// </summary>
public sealed class ImportException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/>.</summary>
    /// <param name="file">The file being imported, as the user named it.</param>
    /// <param name="line">1-based line of the problem, or null when it concerns the whole file.</param>
    /// <param name="problem">What is wrong, without the file name.</param>
    public ImportException(string file, int? line, string problem)
        : base(line is { } l ? $"{file}:{l}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file being imported.</summary>
    public string File { get; }

    /// <summary>1-based line of the problem, when known.</summary>
    public int? Line { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}

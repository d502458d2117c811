namespace RunbookSdk.Execution;

/// <summary>
/// A line of what a command or request printed, cut for display and the journal's tail: a minified JSON document or
/// a log line without breaks can be megabytes long, which no terminal shows usefully and no journal line should carry.
/// The journal's digest is taken over the whole output, so what was cut is still accounted for.
/// </summary>
internal static class OutputLine
{
    /// <summary>The most characters of one line shown or kept.</summary>
    public const int MaxLength = 4096;

    /// <summary><paramref name="line"/>, or its start and how much was left out.</summary>
    public static string Cut(string line) =>
        line.Length <= MaxLength ? line : string.Concat(line.AsSpan(0, MaxLength), $" … ({line.Length - MaxLength} more characters)");
}

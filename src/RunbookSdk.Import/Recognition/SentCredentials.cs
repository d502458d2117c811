using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Where a command sends a credential: what RB0006's patterns read as a credential position
/// (<see cref="CommandPatterns.CredentialPositions"/>), but not in the text a search tool looks for
/// (<see cref="SearchPatterns"/>). <c>grep "password=&lt;hidden&gt;" app.log</c> reads a log line; the engineer types no
/// password there, so <c>&lt;hidden&gt;</c> is no <c>[Secret]</c> and no credential named as possibly one with another.
/// </summary>
internal static class SentCredentials
{
    /// <summary>The credential positions of <paramref name="command"/> outside search patterns, in order.</summary>
    public static List<TextMatch> In(string command)
    {
        var positions = CommandPatterns.CredentialPositions(command).ToList();
        if (positions.Count == 0) return positions;
        var patterns = SearchPatterns.In(command);
        return patterns.Count == 0 ? positions : positions.Where(p => !patterns.Any(r => p.Start >= r.Start && p.Start < r.End)).ToList();
    }
}

using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Outline;

/// <summary>
/// The status a document writes after a heading — <c>### Emergency Procedures ✅ IMPLEMENTED</c>, <c>## Deploy — WIP</c>,
/// <c>## Guide (DRAFT)</c> — which says where the document stands, not what the part is: kept, it became the runbook id
/// <c>emergency-procedures-implemented</c>. A marker is a run at the end of the heading of ✅, ❌, ⚠️ and the words
/// IMPLEMENTED, DONE, TODO, WIP, DRAFT, DEPRECATED in capitals (a word in lower case is part of the name), optionally
/// bracketed, emphasised or set off by a dash or colon. A heading that is only a marker keeps it: then it is the name.
/// </summary>
internal static partial class StatusMarker
{
    /// <summary>
    /// <paramref name="heading"/> without its trailing status marker, and the marker as written (null when it has none,
    /// and then the heading is returned as it is).
    /// </summary>
    /// <param name="heading">A heading's inline markdown.</param>
    public static (string Heading, string? Marker) Split(string heading)
    {
        var match = Trailing().Match(heading);
        if (!match.Success) return (heading, null);
        var rest = heading[..match.Index];
        // Nothing but the marker (## TODO), or only decoration before it: that is the heading's name.
        if (Text.Plain(rest).Trim(Separators).Length == 0) return (heading, null);
        return (rest.TrimEnd().TrimEnd(Separators).TrimEnd(), match.Value.Trim().Trim(Separators).Trim());
    }

    private static readonly char[] Separators = ['-', '–', '—', ':', '|', ',', ' '];

    // One or more markers at the very end, each optionally after a separator and inside brackets or emphasis. Without
    // backtracking: a heading may be a 20,000-character line of spaces, which the nested runs would take hours over.
    [GeneratedRegex(@"(?:[\s\-–—:|,]*[*_`(\[]*\s*(?:✅|❌|⚠\uFE0F?|\b(?:IMPLEMENTED|DONE|TODO|WIP|DRAFT|DEPRECATED)\b)\s*[*_`)\]]*)+\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex Trailing();
}

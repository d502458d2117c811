namespace RunbookSdk.Execution;

/// <summary>How a command as the dry run shows it compares with the one an earlier run journaled.</summary>
internal enum CommandDifference
{
    /// <summary>The same, or different only where a secret stands, which both show masked.</summary>
    None,

    /// <summary>Different in what the dry run knows: the live resume runs another command.</summary>
    Differs,

    /// <summary>The same in what the dry run knows; a value the resume is given again may make it another.</summary>
    MayDiffer,
}

/// <summary>
/// The dry run of a resume shows a value it does not know as a marker word (a secret still missing, a value the
/// journal holds masked and the resume is given again), so comparing its command with the journal's text as written
/// would always find them different. Each marker is read as "any text" instead: what is left is what the dry run knows.
/// </summary>
internal static class PlannedCommandDifference
{
    /// <param name="planned">The command as this dry run renders it, masked, markers unreplaced.</param>
    /// <param name="earlier">The command the earlier run journaled (masked).</param>
    /// <param name="unknownMarkers">Every marker standing for a value the dry run does not know.</param>
    /// <param name="givenAgainMarkers">
    /// Those of them the resume is given again: the live resume shows such a value masked only in part (a URL's password),
    /// so another value given makes another command. A missing secret is masked whole on both sides, and never tells.
    /// </param>
    public static CommandDifference Of(string planned, string earlier, IReadOnlyCollection<string> unknownMarkers, IReadOnlyCollection<string> givenAgainMarkers)
    {
        var (known, markersIn) = Split(planned, unknownMarkers);
        if (!Fits(known, earlier)) return CommandDifference.Differs;
        return markersIn.Any(givenAgainMarkers.Contains) ? CommandDifference.MayDiffer : CommandDifference.None;
    }

    /// <summary>The known text between the markers (one more part than markers), and the markers in order.</summary>
    private static (List<string> Known, List<string> Markers) Split(string planned, IReadOnlyCollection<string> unknownMarkers)
    {
        var known = new List<string>();
        var markers = new List<string>();
        var from = 0;
        while (true)
        {
            var (at, marker) = unknownMarkers.Select(m => (At: planned.IndexOf(m, from, StringComparison.Ordinal), Marker: m))
                .Where(found => found.At >= 0).OrderBy(found => found.At).FirstOrDefault(found => true, (-1, ""));
            if (at < 0) break;
            known.Add(planned[from..at]);
            markers.Add(marker);
            from = at + marker.Length;
        }
        known.Add(planned[from..]);
        return (known, markers);
    }

    /// <summary>
    /// Whether <paramref name="earlier"/> reads as the known parts with any text between them: the first part starts it,
    /// the last ends it, and the others follow in order (the leftmost place of each leaves the most room to the rest).
    /// </summary>
    private static bool Fits(List<string> known, string earlier)
    {
        if (known.Count == 1) return string.Equals(known[0], earlier, StringComparison.Ordinal);
        var (first, last) = (known[0], known[^1]);
        if (first.Length + last.Length > earlier.Length
            || !earlier.StartsWith(first, StringComparison.Ordinal) || !earlier.EndsWith(last, StringComparison.Ordinal))
            return false;
        var at = first.Length;
        var end = earlier.Length - last.Length;
        foreach (var middle in known.Skip(1).Take(known.Count - 2))
        {
            var found = earlier.IndexOf(middle, at, end - at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + middle.Length;
        }
        return true;
    }
}

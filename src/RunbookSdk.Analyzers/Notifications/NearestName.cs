using System;
using System.Collections.Generic;

namespace RunbookSdk.Analyzers.Notifications;

/// <summary>The known name a misspelt one most likely meant, for a finding's hint or a fix.</summary>
internal static class NearestName
{
    /// <summary>
    /// The name in <paramref name="known"/> that <paramref name="name"/> most likely misspells: the fewest edits (case
    /// ignored), and no more than a third of its length, so an unrelated name is never offered.
    /// </summary>
    public static string? Of(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = Math.Max(1, name.Length / 3) + 1;
        foreach (var candidate in known)
        {
            var distance = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// A step title that says the step applies only sometimes — <c>Emergency Rollback (if recent deployment)</c>, <c>Purge the queue (only if it holds poison messages)</c>,
/// <c>Restart connection pool if needed</c>, <c>If necessary, restart PostgreSQL</c> — is the title without that
/// clause and an <c>OnlyIf</c> condition in the document's words (<c>recent deployment</c>, <c>needed</c>): imported as a
/// step that always runs, it ran whether or not it applied.
/// </summary>
internal static partial class ConditionalTitle
{
    /// <summary>The title without its condition clause, and the condition; the title as it is and null when it has none.</summary>
    public static (string Title, string? Condition) Split(string title)
    {
        foreach (var pattern in new[] { Parenthesised(), Trailing(), Leading() })
        {
            var match = pattern.Match(title);
            if (!match.Success) continue;
            var bare = match.Groups["title"].Value.Trim().TrimEnd(',', ':', '-', '–', '—').TrimEnd();
            var condition = match.Groups["condition"].Value.Trim().TrimEnd('.');
            // "(if)" or a title that is nothing but the clause: nothing to name the step by, or nothing to ask.
            if (bare.Length == 0 || condition.Length == 0) continue;
            return (char.ToUpperInvariant(bare[0]) + bare[1..], condition);
        }
        return (title, null);
    }

    // "Emergency Rollback (if recent deployment)", "Enable Auto-Scaling (if not enabled):", "Purge the dead-letter queue
    // (only if the backlog is poison messages)", "Fail over (only when the primary is down)".
    [GeneratedRegex(@"^(?<title>.+?)\s*\(\s*(?:only\s+(?:if|when)|if)\s+(?<condition>[^()]+?)\s*\)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Parenthesised();

    // "Restart connection pool if needed", "Revert recent deployments if necessary"
    [GeneratedRegex(@"^(?<title>.+?),?\s+if\s+(?<condition>needed|necessary|applicable|required)\.?\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Trailing();

    // "If needed, restart PostgreSQL"
    [GeneratedRegex(@"^if\s+(?<condition>needed|necessary|applicable|required)\s*,\s*(?<title>.+?)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Leading();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Recognition;

/// <summary>Reads the ways documents write times: "(0-5 minutes)", "30 Minute Response", "Immediate", "2 hours".</summary>
internal static partial class Times
{
    /// <summary>A time box in a heading, e.g. "(0-5 minutes)", "(&lt; 15 minutes)", "(5-30 min)"; and the heading without it.</summary>
    public static ((int From, int To, bool Hours)? Box, string Remainder) TimeBox(string title)
    {
        var match = TimeBoxPattern().Match(title);
        if (!match.Success) return (null, title);
        var hours = match.Groups["unit"].Value.StartsWith('h');
        var to = int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture);
        var from = match.Groups["from"].Success ? int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture) : 0;
        var rest = (title[..match.Index] + title[(match.Index + match.Length)..]).Trim().TrimEnd('-', ':', '–').Trim();
        if (from > to) return (null, title);
        return ((from, to, hours), rest.Length == 0 ? title : rest);
    }

    /// <summary>A duration: "15 minutes", "2 hours", "1 day", "Immediate" (zero); the first one found in the text.</summary>
    public static TimeSpan? Duration(string text)
    {
        var match = DurationPattern().Match(text);
        if (match.Success)
        {
            var n = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = match.Groups["unit"].Value.ToLowerInvariant();
            return unit switch
            {
                var u when u.StartsWith('s') && !u.StartsWith("se", StringComparison.Ordinal) => TimeSpan.FromSeconds(n),
                var u when u.StartsWith("sec", StringComparison.Ordinal) => TimeSpan.FromSeconds(n),
                var u when u.StartsWith('m') => TimeSpan.FromMinutes(n),
                var u when u.StartsWith('h') => TimeSpan.FromHours(n),
                var u when u.StartsWith('d') => TimeSpan.FromDays(n),
                var u when u.StartsWith('w') => TimeSpan.FromDays(7 * n),
                _ => null,
            };
        }
        return ImmediatePattern().IsMatch(text) ? TimeSpan.Zero : null;
    }

    /// <summary>The start of an escalation window: "(0-15 minutes)" → 0, "(30+ minutes)" → 30, "15-30 min" → 15.</summary>
    public static (TimeSpan After, Match Match)? WindowStart(string text)
    {
        var match = WindowPattern().Match(text);
        if (!match.Success) return null;
        var n = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
        var hours = match.Groups["unit"].Value.StartsWith('h');
        return (hours ? TimeSpan.FromHours(n) : TimeSpan.FromMinutes(n), match);
    }

    /// <summary>
    /// When an escalation level starts, said as a delay rather than a window: "(immediately)" → 0, "(after 15 minutes)",
    /// "after 1 hour" → those. The text from the first word of it to its end, with its parentheses.
    /// </summary>
    public static (TimeSpan After, Match Match)? EscalationDelay(string text)
    {
        var match = DelayPattern().Match(text);
        if (!match.Success) return null;
        if (!match.Groups["n"].Success) return (TimeSpan.Zero, match);
        var n = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return (match.Groups["unit"].Value.StartsWith('h') ? TimeSpan.FromHours(n) : TimeSpan.FromMinutes(n), match);
    }

    /// <summary>
    /// When an escalation level starts, said before who it is, as wiki lists write it: "0 min: DBA on-call", "+15 min →
    /// Head of Data", "T+30m - VP Engineering", "After 1 hour: CTO". The time, the separator after it (none when plain
    /// text dropped an arrow), and the words after that are who.
    /// </summary>
    public static (TimeSpan After, Match Match)? LeadingDelay(string text)
    {
        var match = LeadingDelayPattern().Match(text);
        if (!match.Success) return null;
        var n = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return (match.Groups["unit"].Value.StartsWith('h') ? TimeSpan.FromHours(n) : TimeSpan.FromMinutes(n), match);
    }

    [GeneratedRegex(@"^\s*(?:after\s+|t\s*\+\s*|\+\s*)?(?<n>\d+)\s*(?<unit>minutes?|mins?|min|m|hours?|hrs?|h)\b\s*(?::|-+>?|=>|[–—→])?\s*(?=\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingDelayPattern();

    [GeneratedRegex(@"\(?\s*\b(?:immediate(?:ly)?|at once|after\s+(?<n>\d+)\s*(?<unit>minutes?|mins?|min|m|hours?|hrs?|h)\b)\s*\)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DelayPattern();

    [GeneratedRegex(@"\(\s*(?:<\s*)?(?:(?<from>\d+)\s*[-–]\s*)?(?<to>\d+)\s*(?<unit>min|mins|minutes?|m|hours?|hrs?|h)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeBoxPattern();

    [GeneratedRegex(@"(?<n>\d+)\s*-?\s*(?<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\bimmediate(ly)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ImmediatePattern();

    [GeneratedRegex(@"(?<from>\d+)\s*(?:[-–]\s*\d+\s*|\+\s*)(?<unit>minutes?|mins?|min|hours?|hrs?|h)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WindowPattern();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// A GitHub alert blockquote (<c>&gt; [!WARNING]</c> over <c>&gt; Never flush db 1</c>; also <c>NOTE</c>, <c>TIP</c>,
/// <c>IMPORTANT</c>, <c>CAUTION</c>). Kept as the blockquote it was, its marker reached the terminal as
/// <c>Note: &gt; [!WARNING]</c> and the page showed it as a quote wherever GitHub does not render it: it is the same
/// remark as a <c>**Warning:**</c> label, and imported as one.
/// </summary>
internal static partial class GitHubAlert
{
    /// <summary>
    /// The remark of <paramref name="quote"/> (a blockquote's markdown) as a bold label and its text
    /// (<c>**Warning:** Never flush db 1</c>), or null when it is no GitHub alert.
    /// </summary>
    public static string? AsRemark(string quote)
    {
        var lines = quote.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => QuotePrefix().Replace(l, "")).ToList();
        if (Marker().Match(lines[0]) is not { Success: true } marker) return null;
        var kind = marker.Groups["kind"].Value.ToLowerInvariant();
        var label = char.ToUpper(kind[0], CultureInfo.InvariantCulture) + kind[1..];
        var text = string.Join("\n", lines.Skip(1)).Trim();
        return text.Length == 0 ? $"**{label}**" : $"**{label}:** {text}";
    }

    [GeneratedRegex(@"^[ ]{0,3}>[ ]?")]
    private static partial Regex QuotePrefix();

    [GeneratedRegex(@"(?i)^\s*\[!(?<kind>note|tip|important|warning|caution)\]\s*$")]
    private static partial Regex Marker();
}

using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Outline;

/// <summary>
/// Links written in a heading (<c>### Fail over ([runbook](https://wiki/x))</c>, <c>### Restart [api](https://…)</c>). A
/// title is plain text wherever it shows (the console, a step's line on the page, a choice the engineer types), so the
/// link's words stay in it and its address goes to a note: kept as written, the console showed brackets and URLs, and
/// the words of a link to another page ("runbook") made the heading read as a runbook of its own.
/// </summary>
internal static partial class HeadingLinks
{
    /// <summary>A link of a heading: its words and where it leads.</summary>
    internal readonly record struct Link(string Text, string Url);

    /// <summary><paramref name="heading"/> with each inline link (or image) replaced by its words.</summary>
    public static string Unlinked(string heading) => InlineLink().Replace(heading, m => m.Groups["text"].Value);

    /// <summary><paramref name="heading"/> without the words of its links, or as it is when those words are all it says.</summary>
    public static string OwnWords(string heading) =>
        InlineLink().Replace(heading, "") is var own && Text.Plain(own).Any(char.IsLetterOrDigit) ? own : Unlinked(heading);

    /// <summary>The links of <paramref name="heading"/>, in order.</summary>
    public static List<Link> Find(string heading) =>
        InlineLink().Matches(heading).Select(m => new Link(Text.Plain(m.Groups["text"].Value), m.Groups["url"].Value)).ToList();

    /// <summary>A note naming where the links of a heading lead (<c>Linked in the heading: runbook (https://wiki/x)</c>), or null.</summary>
    public static string? Note(string heading) =>
        Find(heading) is { Count: > 0 } links
            ? "Linked in the heading: " + string.Join(", ", links.Select(l => l.Text.Length > 0 ? $"{l.Text} ({l.Url})" : l.Url))
            : null;

    // "[words](url)", "[words](url "title")", "![alt](url)"; the words may hold code or emphasis, not brackets.
    [GeneratedRegex(@"!?\[(?<text>[^\[\]]*)\]\(\s*<?(?<url>[^)\s>]+)>?(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)")]
    private static partial Regex InlineLink();
}

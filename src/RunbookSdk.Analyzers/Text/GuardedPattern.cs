using System;
using System.Text.RegularExpressions;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// A command pattern with the literals every match must contain. The rules run dozens of patterns over every
/// command and URL, and almost every text matches none of them; looking for the literals first (case-insensitively,
/// so the guard never rejects a text the pattern would match) skips most regex scans, which were most of the
/// analyzers' time in a build (docs/performance.md).
/// </summary>
internal sealed class GuardedPattern
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);
    private readonly string[] _needles;

    public GuardedPattern(string pattern, RegexOptions options, params string[] needles)
    {
        Regex = CreateRegex(pattern, options);
        _needles = needles;
    }

    /// <summary>A command pattern's regex: culture-invariant, explicit captures, and a timeout so hostile text cannot hang the IDE.</summary>
    public static Regex CreateRegex(string pattern, RegexOptions options = RegexOptions.None) =>
        new(pattern, options | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, s_timeout);

    public Regex Regex { get; }

    /// <summary>False when the text lacks every literal a match needs, so the pattern cannot match it.</summary>
    public bool MayMatch(string text)
    {
        foreach (var needle in _needles)
        {
            if (text.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        }

        return false;
    }

    /// <summary>Whether the pattern matches, running it only when the guard lets the text through.</summary>
    public bool IsMatch(string text) => MayMatch(text) && Regex.IsMatch(text);
}

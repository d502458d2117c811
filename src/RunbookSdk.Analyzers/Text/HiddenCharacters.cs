using System.Collections.Generic;
using System.Globalization;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// Characters that make a command read differently from what runs (RB0018): bidirectional controls, which reorder
/// the text around them on the page, in the IDE and in a terminal ("Trojan Source"); invisible format characters,
/// which a shell passes on inside a word; and spaces other than the ASCII one, which look like a word break but are
/// not one to the shell. They arrive with text pasted from chat, wikis and word processors.
/// </summary>
internal static class HiddenCharacters
{
    /// <summary>One hidden character in a text.</summary>
    /// <param name="Index">Where it is.</param>
    /// <param name="Description">Its code point and name, e.g. <c>U+00A0 NO-BREAK SPACE</c>.</param>
    /// <param name="Effect">Why it matters, as the end of a sentence.</param>
    /// <param name="Replacement">What the fix writes instead: a space for a space look-alike, else nothing.</param>
    internal readonly record struct Finding(int Index, string Description, string Effect, string Replacement)
    {
        /// <summary>A bidirectional control: it reorders the text around it wherever the text is shown.</summary>
        public bool Reorders => ReferenceEquals(Effect, HiddenCharacters.Reorders);
    }

    /// <summary>The diagnostic property that tells the code fix what to write in the character's place.</summary>
    public const string ReplacementProperty = "Replacement";

    private const string Reorders = "it reorders the text around it, so what you read is not what runs";
    private const string Invisible = "it is invisible, and the shell takes it as part of the word";
    private const string NotASpace = "it looks like a space, but the shell does not split words at it";

    /// <summary>Every hidden character in <paramref name="text"/>, in order.</summary>
    public static IEnumerable<Finding> In(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u00A0') continue; // the common case: ASCII and C1 controls, which the rules read elsewhere
            if (Classify(c) is { } found) yield return new Finding(i, Describe(c, found.Name), found.Effect, found.Effect == NotASpace ? " " : "");
        }
    }

    /// <summary>True when <paramref name="text"/> holds a character <see cref="In"/> would report; cheap, no allocation.</summary>
    public static bool Any(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u00A0' && Classify(c) is not null) return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="text"/> holds a bidirectional control; cheap, no allocation.</summary>
    public static bool AnyReordering(string text)
    {
        foreach (var c in text)
        {
            if (IsReordering(c)) return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="c"/> is a bidirectional control.</summary>
    public static bool IsReordering(char c) => c >= '\u061C' && Classify(c) is { Effect: Reorders };

    /// <summary>How <see cref="Visible"/> writes a hidden character: <c>⟨U+202E⟩</c>.</summary>
    /// <remarks>
    /// Mathematical angle brackets rather than <c>&lt;U+202E&gt;</c>: the page's code blocks are pasted into a shell,
    /// where <c>&lt;</c> and <c>&gt;</c> would redirect (and <c>&gt;</c> truncate a file). To a shell and to markdown
    /// these are plain word characters, so the marker stays inside the word the hidden character was in.
    /// </remarks>
    public static string Marker(char c) => "\u27E8U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + "\u27E9";

    /// <summary>
    /// <paramref name="text"/> with every bidirectional control and invisible character written as its
    /// <see cref="Marker"/>, so a page shows it instead of being reordered by it; with <paramref name="spacesToo"/>, the
    /// space look-alikes as well (for code, where the shell does not split words at them). Text without such characters
    /// is returned as it is, so a clean command is copied from the page unchanged.
    /// </summary>
    public static string Visible(string text, bool spacesToo)
    {
        var first = FirstToShow(text, 0, spacesToo);
        if (first < 0) return text;
        var builder = new System.Text.StringBuilder(text.Length + 16);
        var done = 0;
        for (var i = first; i >= 0; i = FirstToShow(text, done, spacesToo))
        {
            builder.Append(text, done, i - done).Append(Marker(text[i]));
            done = i + 1;
        }
        return builder.Append(text, done, text.Length - done).ToString();
    }

    private static int FirstToShow(string text, int start, bool spacesToo)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u00A0' && Classify(c) is { } found && (spacesToo || found.Effect != NotASpace)) return i;
        }
        return -1;
    }

    private static (string Name, string Effect)? Classify(char c) => c switch
    {
        '\u061C' => ("ARABIC LETTER MARK", Reorders),
        '\u200E' => ("LEFT-TO-RIGHT MARK", Reorders),
        '\u200F' => ("RIGHT-TO-LEFT MARK", Reorders),
        '\u202A' => ("LEFT-TO-RIGHT EMBEDDING", Reorders),
        '\u202B' => ("RIGHT-TO-LEFT EMBEDDING", Reorders),
        '\u202C' => ("POP DIRECTIONAL FORMATTING", Reorders),
        '\u202D' => ("LEFT-TO-RIGHT OVERRIDE", Reorders),
        '\u202E' => ("RIGHT-TO-LEFT OVERRIDE", Reorders),
        '\u2066' => ("LEFT-TO-RIGHT ISOLATE", Reorders),
        '\u2067' => ("RIGHT-TO-LEFT ISOLATE", Reorders),
        '\u2068' => ("FIRST STRONG ISOLATE", Reorders),
        '\u2069' => ("POP DIRECTIONAL ISOLATE", Reorders),
        '\u00AD' => ("SOFT HYPHEN", Invisible),
        '\u180E' => ("MONGOLIAN VOWEL SEPARATOR", Invisible),
        '\u200B' => ("ZERO WIDTH SPACE", Invisible),
        '\u200C' => ("ZERO WIDTH NON-JOINER", Invisible),
        // U+200D ZERO WIDTH JOINER is left alone: it joins emoji (👩‍💻) in messages and reorders nothing.
        '\u2060' => ("WORD JOINER", Invisible),
        '\u2061' or '\u2062' or '\u2063' or '\u2064' => ("INVISIBLE OPERATOR", Invisible),
        '\uFEFF' => ("ZERO WIDTH NO-BREAK SPACE", Invisible),
        '\u00A0' => ("NO-BREAK SPACE", NotASpace),
        '\u1680' => ("OGHAM SPACE MARK", NotASpace),
        >= '\u2000' and <= '\u200A' => ("SPACE", NotASpace),
        '\u202F' => ("NARROW NO-BREAK SPACE", NotASpace),
        '\u205F' => ("MEDIUM MATHEMATICAL SPACE", NotASpace),
        '\u3000' => ("IDEOGRAPHIC SPACE", NotASpace),
        _ => null,
    };

    private static string Describe(char c, string name) =>
        "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " " + name;
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Outline;

/// <summary>Text helpers shared by the readers: plain text for matching, names for code.</summary>
internal static partial class Text
{
    /// <summary>Drops emoji, emphasis markers and backticks and collapses whitespace: the words a reader sees.</summary>
    public static string Plain(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        foreach (var rune in markdown.EnumerateRunes())
        {
            if (IsDecoration(rune)) continue;
            if (rune.Value is '*' or '`') continue;
            builder.Append(rune.ToString());
        }
        var text = builder.ToString();
        text = Underscores().Replace(text, "$1");
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Emoji, pictographs, variation selectors and joiners: decoration, not words.</summary>
    public static bool IsDecoration(Rune rune)
    {
        if (rune.Value is 0xFE0F or 0xFE0E or 0x200D or 0x20E3) return true;
        if (rune.Value >= 0x1F000) return true;
        if (rune.Value is >= 0x2190 and <= 0x2BFF) return true; // arrows, technical, dingbats (✅ ❌ ⚪ ✓ ✗ ⚠)
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;
    }

    /// <summary>Words of <paramref name="text"/> joined in PascalCase, e.g. "API Gateway/Lambda failure" → ApiGatewayLambdaFailure.</summary>
    public static string Pascal(string text, int maxWords = 6)
    {
        var words = Words(text).Take(maxWords).ToList();
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            var lower = word.All(char.IsUpper) || word.Length <= 1 ? word.ToLowerInvariant() : word;
            builder.Append(char.ToUpperInvariant(lower[0])).Append(lower.AsSpan(1));
        }
        return builder.ToString();
    }

    /// <summary>Lower-case words joined by '-', e.g. "API Gateway/Lambda failure" → api-gateway-lambda-failure.</summary>
    public static string Kebab(string text, int maxWords = 8) =>
        string.Join("-", Words(text).Take(maxWords).Select(w => w.ToLowerInvariant()));

    /// <summary>The ASCII letter-and-digit words of the text, accents dropped within the word ("Çöktü" → Coktu).</summary>
    public static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(Ascii(Plain(text))).Select(m => m.Value);

    /// <summary>
    /// The text with its accents dropped and the Latin letters that have none to drop spelt as ASCII writes them
    /// (Turkish ı as i, German ß as ss). Decomposed, an accent is a mark of its own, which ended the word: "Ödeme"
    /// was the words O and deme, the id <c>o-deme</c>.
    /// </summary>
    private static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in RunbookSdk.Hosting.AsciiLetters.Spell(text.Normalize(NormalizationForm.FormD)))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"(?<![\w])_{1,2}([^_]+)_{1,2}(?![\w])")]
    private static partial Regex Underscores();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex WordPattern();
}

using System.Globalization;
using System.Text;

namespace RunbookSdk.Analyzers.Identity;

/// <summary>Turns an id as people write it — <c>Api_Lambda_Failure</c>, <c>DBRestore</c>, <c>Café outage</c> — into kebab-case.</summary>
internal static class KebabCase
{
    /// <summary>
    /// Words split at separators and case changes (<c>HTTPServer</c> → <c>http-server</c>), lower-cased, accents
    /// dropped, joined by <c>-</c>. Null when nothing of the id is a letter or digit a kebab-case id can hold.
    /// </summary>
    public static string? From(string id)
    {
        // Decomposed first, so a letter the table does not list (Vietnamese ạ) still loses its accent where ICU is there.
        var text = RunbookSdk.Hosting.AsciiLetters.Spell(id.Normalize(NormalizationForm.FormD));
        var result = new StringBuilder(text.Length + 8);
        var pendingSeparator = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            var kept = lower is >= 'a' and <= 'z' || lower is >= '0' and <= '9';
            if (!kept)
            {
                pendingSeparator = result.Length > 0;
                continue;
            }

            if (result.Length > 0 && char.IsUpper(c) && StartsWord(text, i)) pendingSeparator = true;
            if (pendingSeparator) result.Append('-');
            pendingSeparator = false;
            result.Append(lower);
        }

        return result.Length == 0 ? null : result.ToString();
    }

    /// <summary>An upper-case letter after a lower-case letter or digit, or the last capital of an acronym before a lower-case letter.</summary>
    private static bool StartsWord(string text, int i)
    {
        var previous = PreviousLetterOrDigit(text, i);
        if (previous is null) return false;
        if (char.IsLower(previous.Value) || char.IsDigit(previous.Value)) return true;
        return char.IsUpper(previous.Value) && i + 1 < text.Length && char.IsLower(text[i + 1]);
    }

    private static char? PreviousLetterOrDigit(string text, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(text[j]) == UnicodeCategory.NonSpacingMark) continue;
            return char.IsLetterOrDigit(text[j]) ? text[j] : null;
        }

        return null;
    }
}

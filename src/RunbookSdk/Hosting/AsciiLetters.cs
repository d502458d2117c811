using System.Text;

namespace RunbookSdk.Hosting;

/// <summary>
/// Spells the letters of Latin-1 and Latin Extended-A in ASCII, accents dropped (<c>Ş</c> → <c>S</c>, <c>ü</c> →
/// <c>u</c>) and the letters without one written as ASCII writes them (<c>ı</c> → <c>i</c>, <c>ß</c> → <c>ss</c>).
/// A table, not <see cref="string.Normalize(NormalizationForm)"/>: with invariant globalization (a container without
/// ICU) that decomposes nothing, and a name made from it would differ between the engineer's laptop and the bastion.
/// One spelling for every name made from what people write: secret variables here, and, linked into the analyzers,
/// RB0011's kebab-case id and the importer's ids and class names.
/// </summary>
internal static class AsciiLetters
{
    private const char First = '\u00C0';

    private static readonly string[] s_spellings =
    [
        "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", // U+00C0
        "D", "N", "O", "O", "O", "O", "O", "×", "O", "U", "U", "U", "U", "Y", "TH", "ss", // U+00D0
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // U+00E0
        "d", "n", "o", "o", "o", "o", "o", "÷", "o", "u", "u", "u", "u", "y", "th", "y", // U+00F0
        "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d", // U+0100
        "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g", // U+0110
        "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i", // U+0120
        "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L", // U+0130
        "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o", // U+0140
        "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s", // U+0150
        "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u", // U+0160
        "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s", // U+0170
    ];

    /// <summary><paramref name="text"/> with each letter of U+00C0–U+017F spelt in ASCII and combining accents dropped; every other character kept.</summary>
    public static string Spell(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // A combining accent (a name typed decomposed, S and U+0327 for Ş) is dropped as the composed letter's is.
            if (c is >= '\u0300' and <= '\u036F') continue;
            if (c == '\u1E9E') // the capital sharp s, outside the table's block
            {
                builder.Append("SS");
                continue;
            }
            var index = c - First;
            if (index >= 0 && index < s_spellings.Length) builder.Append(s_spellings[index]);
            else builder.Append(c);
        }
        return builder.ToString();
    }
}

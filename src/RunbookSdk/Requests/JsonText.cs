using System.Text;

namespace RunbookSdk.Requests;

/// <summary>
/// JSON's string escaping and number grammar, written out rather than taken from System.Text.Json because the
/// generator (netstandard2.0, inside the compiler) shows a constant in a JSON body exactly as the runner's body handler
/// writes it, and both use this one file.
/// </summary>
internal static class JsonText
{
    /// <summary>
    /// <paramref name="text"/> as the inside of a JSON string: <c>"</c> and <c>\</c> escaped, control characters as
    /// <c>\n</c>, <c>\t</c>… or <c>\u001B</c>; everything else, non-ASCII too, as it is (JSON allows it).
    /// </summary>
    public static string Escaped(string text)
    {
        var i = 0;
        while (i < text.Length && !NeedsEscape(text[i])) i++;
        if (i == text.Length) return text;

        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': escaped.Append("\\\""); break;
                case '\\': escaped.Append("\\\\"); break;
                case '\n': escaped.Append("\\n"); break;
                case '\r': escaped.Append("\\r"); break;
                case '\t': escaped.Append("\\t"); break;
                case '\b': escaped.Append("\\b"); break;
                case '\f': escaped.Append("\\f"); break;
                case < ' ': escaped.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    /// <summary><paramref name="text"/> as a JSON string, in quotes.</summary>
    public static string Quoted(string text) => "\"" + Escaped(text) + "\"";

    /// <summary>
    /// Whether <paramref name="text"/> is one JSON number: an optional <c>-</c>, no leading zeros, an optional fraction
    /// and exponent. <c>+1</c>, <c>01</c>, <c>.5</c>, <c>NaN</c> and <c>∞</c> are not.
    /// </summary>
    public static bool IsNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-') i++;
        if (i == text.Length) return false;
        if (text[i] == '0') i++;
        else if (!Digits(text, ref i)) return false;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!Digits(text, ref i)) return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-') i++;
            if (!Digits(text, ref i)) return false;
        }

        return i == text.Length;
    }

    private static bool Digits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] is >= '0' and <= '9') i++;
        return i > start;
    }

    private static bool NeedsEscape(char c) => c is '"' or '\\' or < ' ';
}

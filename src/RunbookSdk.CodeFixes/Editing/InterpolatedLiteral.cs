using System.Globalization;
using System.Text;

namespace RunbookSdk.CodeFixes.Editing;

/// <summary>Text written as the literal part of an interpolated string: escaped for <c>$"…"</c>, or measured for a raw one.</summary>
internal static class InterpolatedLiteral
{
    public static StringBuilder AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '{': builder.Append("{{"); break;
                case '}': builder.Append("}}"); break;
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c)) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }

        return builder;
    }

    /// <summary>
    /// The longest run of <paramref name="c"/> in <paramref name="text"/>: how many <c>$</c> a raw string needs for its
    /// braces to stay text, how many quotes close it.
    /// </summary>
    public static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            if (run > longest) longest = run;
        }

        return longest;
    }
}

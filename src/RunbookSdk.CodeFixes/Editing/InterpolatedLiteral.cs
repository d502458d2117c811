using System.Globalization;
using System.Text;

namespace RunbookSdk.CodeFixes.Editing;

/// <summary>Text written as the literal part of a regular interpolated string, <c>$"…"</c>: braces doubled, C# escapes.</summary>
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
}

using System.Text;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Writing;

/// <summary>
/// C# string literals that read like hand-written code: a regular literal for one plain line, a raw literal
/// (<c>"""</c>) for several lines or quotes and backslashes, and interpolated forms for commands with parameter
/// holes (<c>$$"""</c> when the command itself has braces, so <c>${VAR}</c> and <c>{{.Container}}</c> stay as written).
/// </summary>
internal static class Literals
{
    /// <summary>A literal for <paramref name="text"/>; <paramref name="indent"/> is the indentation of continuation lines.</summary>
    public static string String(string text, string indent) => Command([new CommandPart(text, null)], indent);

    /// <summary>A literal for a command made of literal text and parameter holes.</summary>
    public static string Command(IReadOnlyList<CommandPart> parts, string indent)
    {
        var text = string.Concat(parts.Select(p => p.Text));
        var holes = parts.Any(p => p.Parameter is not null);
        if (text.Any(IsLineSeparator))
        {
            // C# ends a line at U+0085, U+2028 and U+2029 too: no literal may hold them as they are, only as escapes.
            if (!holes) return Escaped(text);
            return "$\"" + string.Concat(parts.Select(p => p.Parameter is null ? Escaped(p.Text)[1..^1].Replace("{", "{{").Replace("}", "}}") : "{" + p.Parameter + "}")) + "\"";
        }
        var multiLine = text.Contains('\n');
        var needsRaw = multiLine || text.Contains('"') || text.Contains('\\') || text.Any(char.IsControl);

        if (!needsRaw)
        {
            if (!holes) return "\"" + text + "\"";
            if (!text.Contains('{') && !text.Contains('}'))
                return "$\"" + string.Concat(parts.Select(p => p.Parameter is null ? p.Text : "{" + p.Parameter + "}")) + "\"";
        }

        var quotes = new string('"', Math.Max(3, LongestRun(text, '"') + 1));
        var dollars = holes ? Math.Max(1, Math.Max(LongestRun(text, '{'), LongestRun(text, '}')) + 1) : 0;
        var open = new string('{', dollars);
        var close = new string('}', dollars);
        var body = string.Concat(parts.Select(p => p.Parameter is null ? p.Text : open + p.Parameter + close));
        var prefix = new string('$', dollars);

        var singleLineRaw = !multiLine && !text.StartsWith('"') && !text.EndsWith('"') && !text.Any(char.IsControl);
        if (singleLineRaw) return prefix + quotes + body + quotes;

        var builder = new StringBuilder(prefix).Append(quotes).Append('\n');
        foreach (var line in body.Split('\n'))
            builder.Append(line.Length == 0 ? "" : indent).Append(line).Append('\n');
        builder.Append(indent).Append(quotes);
        return builder.ToString();
    }

    /// <summary>A regular literal with escapes, for short one-line values such as titles and defaults.</summary>
    public static string Escaped(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) || IsLineSeparator(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    /// <summary>Characters C# reads as the end of a line besides \n and \r.</summary>
    public static bool IsLineSeparator(char c) => c is '\u0085' or '\u2028' or '\u2029';

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}

using System;
using System.Linq;
using System.Text;

namespace RunbookSdk.Generators.Docs;

/// <summary>Small markdown helpers: escaping, anchors, fences. Output uses "\n" line endings on every OS.</summary>
internal static class Markdown
{
    /// <summary>Escapes text for a table cell: pipes escaped, line breaks as &lt;br&gt;.</summary>
    public static string Cell(string? text) =>
        (text ?? "").Replace("|", "\\|").Replace("\r\n", "\n").Replace("\n", "<br>");

    /// <summary>Inline code that survives backticks in the text.</summary>
    public static string Code(string text)
    {
        var fence = text.Contains("`") ? "``" : "`";
        var pad = text.StartsWith("`", StringComparison.Ordinal) || text.EndsWith("`", StringComparison.Ordinal) ? " " : "";
        return fence + pad + text + pad + fence;
    }

    /// <summary>A fenced code block whose fence is longer than any backtick run inside the code.</summary>
    public static string Fence(string language, string code)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in code)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return fence + language + "\n" + code.Replace("\r\n", "\n").TrimEnd('\n') + "\n" + fence + "\n";
    }

    /// <summary>The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens.</summary>
    public static string Anchor(string heading)
    {
        var builder = new StringBuilder();
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '-' || c == '_') builder.Append(c);
            else if (c == ' ') builder.Append('-');
        }
        return builder.ToString();
    }

    /// <summary>Indents every line after the first, for multi-line list items.</summary>
    public static string ListItem(string text) =>
        string.Join("\n  ", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()));
}

using System.Text;
using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Execution;

/// <summary>
/// Control characters in what a command, a request or C# code printed, made harmless for the engineer's terminal. Raw,
/// they are instructions to it: a body or a binary file with <c>ESC [2J</c> cleared the screen, <c>ESC [1A</c> moved
/// back over the runner's lines and wrote over them, <c>ESC [8m</c> hid the rest, a colour never reset coloured every
/// later line, and a shift-out left the terminal printing line-drawing glyphs until <c>reset</c>; a line separator
/// started a line without the <c>    | </c> prefix, which read as the runner's own words. Redirected to a file, the
/// escapes were there too, where the run promises plain text.
/// </summary>
internal static partial class TerminalControls
{
    /// <summary>
    /// <paramref name="line"/> with its colour and style sequences (SGR: <c>ESC [ … m</c>, as <c>grep --color=always</c>
    /// writes) removed — they only style, and the runner's plain text has no place for them — and every other control
    /// character shown as <c>⟨U+001B⟩</c>, as the page shows a hidden one. A tab is kept. A line without control
    /// characters is returned as it is.
    /// </summary>
    public static string Visible(string line)
    {
        if (!line.AsSpan().ContainsAny(Controls)) return line;
        var styled = StyleSequence().Replace(line, "");
        var shown = new StringBuilder(styled.Length + 16);
        foreach (var c in styled)
        {
            if (Controls.Contains(c)) shown.Append(HiddenCharacters.Marker(c));
            else shown.Append(c);
        }
        return shown.ToString();
    }

    // C0 but the tab, DEL, C1 (0x9B is a CSI to an 8-bit terminal), and the Unicode line and paragraph separators.
    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c != '\t').Select(c => (char)c), '\u007F',
         .. Enumerable.Range(0x80, 0x20).Select(c => (char)c), '\u2028', '\u2029']);

    [GeneratedRegex(@"\u001B\[[0-9;:]*m")]
    private static partial Regex StyleSequence();
}

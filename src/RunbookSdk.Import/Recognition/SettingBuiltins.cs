using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Where a builtin that sets variables named among its arguments sets a name: <c>read -r ANSWER</c>,
/// <c>mapfile -t LINES</c>, <c>readarray</c>, and the declarations <c>local</c>, <c>declare</c>, <c>typeset</c>,
/// <c>export</c> and <c>readonly</c> (<c>export NAMESPACE</c>).
/// </summary>
/// <remarks>
/// The name is looked for among the builtin's own words, read as <see cref="ShellCommandBounds"/> reads a simple command:
/// a quoted <c>;</c> or <c>|</c> and a closed <c>$(…)</c> are words of the command, so
/// <c>read -p "Host; port? " HOST</c> and <c>read -r -p "$(date; echo) &gt; " ANSWER</c> set HOST and ANSWER. Before,
/// a pattern bounded by the first <c>;</c>, <c>&amp;</c> or <c>|</c> stopped at the one in the prompt and the import warned
/// that nothing set them. A word of quoted text (the prompt's <c>"Which HOST? "</c>) is no name, and neither is a word of
/// a command that only mentions the builtin (<c>echo read HOST</c>), nor is an option's argument (<c>read -p HOST X</c>).
/// </remarks>
internal static partial class SettingBuiltins
{
    /// <summary>
    /// The positions in <paramref name="command"/> where a setting builtin names <paramref name="name"/> among its own
    /// words. <paramref name="shell"/> is the command as <see cref="ShellOperators.Read"/> reads it.
    /// </summary>
    public static IEnumerable<int> Setting(string command, string shell, string name)
    {
        // The name as a word of its own: after a blank, before a blank, a separator, an '=' (export NAME=v) or the end.
        foreach (Match word in Regex.Matches(shell, $@"(?<=\s){Regex.Escape(name)}(?=[\s;&|)=]|$)"))
        {
            var start = ShellCommandBounds.CommandStart(shell, word.Index);
            if (Builtin().Match(shell, start) is not { Success: true } builtin || word.Index < builtin.Index + builtin.Length) continue;
            // A word of a prompt or of a here-document's data is text, not a name.
            if (ShellOperators.TextAt(command, word.Index) is not null) continue;
            if (IsOptionArgument(shell, builtin.Groups["builtin"].Value, builtin.Index + builtin.Length, word.Index)) continue;
            yield return word.Index;
        }
    }

    /// <summary>
    /// Whether the word at <paramref name="at"/> is the argument of one of the builtin's options, read as bash's getopts
    /// reads them from <paramref name="from"/> (after the builtin's name) up to the first word that is no option or
    /// <c>--</c>: <c>read -p HOST X</c> prompts with HOST and sets X; <c>read -rp HOST X</c> and <c>read -n1 KEY</c> too.
    /// <c>read -a NAME</c>'s argument is the array it sets.
    /// </summary>
    private static bool IsOptionArgument(string shell, string builtin, int from, int at)
    {
        var takingArgument = builtin switch
        {
            "read" => "dinNptu",
            "mapfile" or "readarray" => "dnOsuCc",
            _ => "",
        };
        if (takingArgument.Length == 0) return false;
        var argumentNext = false;
        foreach (Match word in Word().Matches(shell[..at], from))
        {
            if (argumentNext)
            {
                argumentNext = false;
                continue;
            }

            var text = word.Value;
            if (text == "--" || text.Length < 2 || text[0] != '-') return false;
            // In a cluster (-rp), the first letter that takes an argument takes the rest of the word, or else the next word.
            var letter = text.IndexOfAny(takingArgument.ToCharArray(), 1);
            argumentNext = letter == text.Length - 1;
        }

        return argumentNext;
    }

    // A word as the shell splits it: quoted parts with their blanks, and the characters between blanks.
    [GeneratedRegex(@"(?:'[^']*'|""[^""]*""|[^\s'""])+")]
    private static partial Regex Word();

    // At a simple command's start: assignments for the builtin alone (IFS=: read …), then the builtin and a blank.
    [GeneratedRegex(@"\G\s*(?:[A-Za-z_][A-Za-z0-9_]*=(?:'[^']*'|""[^""]*""|\S)*\s+)*(?:builtin\s+)?(?<builtin>read|mapfile|readarray|local|declare|typeset|export|readonly)\s")]
    private static partial Regex Builtin();
}

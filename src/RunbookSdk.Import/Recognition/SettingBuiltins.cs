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
/// a command that only mentions the builtin (<c>echo read HOST</c>).
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
            yield return word.Index;
        }
    }

    // At a simple command's start: assignments for the builtin alone (IFS=: read …), then the builtin and a blank.
    [GeneratedRegex(@"\G\s*(?:[A-Za-z_][A-Za-z0-9_]*=(?:'[^']*'|""[^""]*""|\S)*\s+)*(?:builtin\s+)?(?:read|mapfile|readarray|local|declare|typeset|export|readonly)\s")]
    private static partial Regex Builtin();
}

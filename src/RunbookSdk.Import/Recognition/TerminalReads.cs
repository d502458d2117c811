using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// A <c>read</c> that waits for the engineer to type an answer (<c>read -r -p "Replica? " REPLICA</c>, a "press enter to
/// go on" pause): its input is the terminal, not a pipe, a redirection, a file descriptor of its own or a loop's input.
/// The runner closes a command's standard input, so imported as it is, such a read gets nothing at once: what it sets is
/// empty and it fails, and the engineer is never asked. The import names it, so the author makes the value a parameter
/// (which the runner asks for before the run) or the pause a manual step.
/// </summary>
/// <remarks>
/// Read on the command as <see cref="BacktickSubstitutions"/> reads it (a read in <c>`…`</c> is a command of its own), with <see cref="ShellCommandBounds"/>' simple
/// commands, as <see cref="SettingBuiltins"/> finds what a <c>read</c> sets. A <c>while read …</c> or <c>until read …</c>
/// is taken to read the loop's input (<c>done &lt; file</c>, <c>… | while read</c>), which is what such loops are written
/// for; a <c>read</c> in a command line another shell runs (<c>ssh host 'read x'</c>) gets the closed input too and is named.
/// </remarks>
internal static partial class TerminalReads
{
    /// <summary>Each <c>read</c> of <paramref name="command"/> that waits for the terminal, as written, in order.</summary>
    public static IEnumerable<string> Of(string command)
    {
        if (!command.Contains("read", StringComparison.Ordinal)) yield break;
        var shell = BacktickSubstitutions.Read(command);
        foreach (Match read in ReadWord().Matches(shell))
        {
            var start = ShellCommandBounds.CommandStart(shell, read.Index);
            // Only the builtin at its command's start, after assignments for it alone (IFS= read …): not `echo read`,
            // nor a word of a prompt or of a here-document's data.
            if (!Prefix().Match(shell, start, read.Index - start).Success || ShellOperators.TextAt(command, read.Index) is not null) continue;
            var end = ShellCommandBounds.CommandEnd(shell, read.Index);
            if (VariableScope.IsPipedIn(shell, start) || LoopCondition().IsMatch(shell[..start]) ||
                ReadsOtherInput(command, shell, read.Index, end))
                continue;
            yield return command[start..end].Trim();
        }
    }

    // A redirection of its input (`< file`, `<<< "$x"`, `< <(…)`, `<&3`) or `-u FD`: not the terminal. A `<` of a prompt is text.
    private static bool ReadsOtherInput(string command, string shell, int from, int end)
    {
        for (var at = shell.IndexOf('<', from); at >= 0 && at < end; at = shell.IndexOf('<', at + 1))
        {
            if (ShellOperators.TextAt(command, at) is null) return true;
        }

        return FileDescriptorOption().Match(shell, from, end - from).Success;
    }

    [GeneratedRegex(@"(?<![\w./-])read(?=\s|$)")]
    private static partial Regex ReadWord();

    // What may stand before read in its own command: blanks, assignments for it alone, `builtin`; the whole span, no more.
    [GeneratedRegex(@"\G\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*(?:builtin\s+)?$")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"(?:^|[\s;&|(])(?:while|until)(?:\s+!)?\s*$")]
    private static partial Regex LoopCondition();

    [GeneratedRegex(@"\s-[a-zA-Z]*u\s*\S")]
    private static partial Regex FileDescriptorOption();
}

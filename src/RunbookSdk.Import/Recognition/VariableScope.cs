using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Where a variable set in a command line is seen: bash runs a <c>( … )</c> subshell, a <c>$( … )</c> or
/// <c>&lt;( … )</c> substitution (a backtick one too, read as <c>( … )</c> by <see cref="BacktickSubstitutions"/>), each command of a pipeline and a command sent to the background with <c>&amp;</c> in a
/// shell of its own, and what such a shell sets dies with it (<c>echo db-1 | read -r HOST; ssh $HOST</c> runs
/// <c>ssh</c> with no host). A <c>{ …; }</c> group and a loop run in the shell itself. A nested command line
/// (<c>bash -c "…"</c>, <c>ssh host '…'</c>) is another shell's, its variables its own.
/// </summary>
/// <remarks>
/// Read on the text as <see cref="ShellOperators.Read"/> returns it, with <see cref="ShellCommandBounds"/>' simple
/// commands. A simple command that is a whole pipeline element is its own shell, and so is a compound command
/// (<see cref="CompoundCommands"/>) that is one (<c>cat hosts | while read -r H; do ssh $H …; done; ssh $H</c>): a name it
/// sets is seen in its body, not after it.
/// <c>shopt -s lastpipe</c> keeps a pipeline's last command in the shell, as bash does for a shell without job control
/// (the runner's).
/// </remarks>
internal static partial class VariableScope
{
    /// <summary>
    /// The span of <paramref name="shell"/> (start inclusive, end exclusive) where a variable set at
    /// <paramref name="at"/> is seen: the whole text, the subshell or nested command line holding it, or its own simple
    /// command when that runs in a shell of its own.
    /// </summary>
    public static (int Start, int End) Of(string shell, int at)
    {
        var start = ShellCommandBounds.CommandStart(shell, at);
        var end = ShellCommandBounds.CommandEnd(shell, at);
        if (!Compound().IsMatch(shell, start) && RunsInOwnShell(shell, start, end)) return (start, end);
        var enclosing = EnclosingShell(shell, start);
        // A loop or group that is itself a pipeline's command (… | while read -r H; do …; done) is a shell of its own.
        foreach (var compound in CompoundCommands.Holding(shell, at))
        {
            if (compound.Start < enclosing.Start) break;
            if (RunsInOwnShell(shell, compound.Start, ShellCommandBounds.CommandEnd(shell, compound.End))) return compound;
        }

        return enclosing;
    }

    private static bool RunsInOwnShell(string shell, int start, int end)
    {
        var pipedOn = end < shell.Length && (shell[end] == '|' && !At(shell, end + 1, '|'));
        var pipedIn = IsPipedIn(shell, start);
        if (pipedIn && !pipedOn && shell.Contains("lastpipe", StringComparison.Ordinal)) return false;
        var backgrounded = end < shell.Length && shell[end] == '&' && !At(shell, end + 1, '&');
        return pipedIn || pipedOn || backgrounded;
    }

    /// <summary>
    /// Whether the simple command starting at <paramref name="start"/> of <paramref name="shell"/> stands right after a
    /// <c>|</c> (or <c>|&amp;</c>) of a pipeline, not after <c>||</c> or a reserved word: its input is the command before.
    /// </summary>
    public static bool IsPipedIn(string shell, int start)
    {
        var before = start - 1;
        while (before >= 0 && char.IsWhiteSpace(shell[before])) before--;
        if (before < 0) return false;
        if (shell[before] == '&' && At(shell, before - 1, '|')) return true;
        return shell[before] == '|' && !At(shell, before - 1, '|');
    }

    /// <summary>
    /// The subshell, substitution or nested command line that holds <paramref name="start"/>, from its opening to its
    /// close (the text's end when it never closes); the whole text at the top. <c>((…))</c> and <c>$((…))</c> are
    /// arithmetic, run by the shell itself.
    /// </summary>
    private static (int Start, int End) EnclosingShell(string shell, int start)
    {
        var depth = 0;
        for (var k = start - 1; k >= 0; k--)
        {
            var c = shell[k];
            if (c is ')' or ShellOperators.NestedEnd)
            {
                depth++;
            }
            else if (c is '(' or ShellOperators.NestedStart)
            {
                if (depth > 0) depth--;
                else if (c == ShellOperators.NestedStart || !IsArithmetic(shell, k)) return (k, Closing(shell, k));
            }
        }

        return (0, shell.Length);
    }

    private static int Closing(string shell, int opening)
    {
        var depth = 0;
        for (var i = opening + 1; i < shell.Length; i++)
        {
            var c = shell[i];
            if (c is '(' or ShellOperators.NestedStart) depth++;
            else if (c is ')' or ShellOperators.NestedEnd && depth-- == 0) return i;
        }

        return shell.Length;
    }

    private static bool IsArithmetic(string shell, int parenthesis) => At(shell, parenthesis - 1, '(') || At(shell, parenthesis + 1, '(');

    private static bool At(string shell, int index, char c) => index >= 0 && index < shell.Length && shell[index] == c;

    // A compound command's own words (for NAME in …; do …; done) run in the shell the compound command runs in.
    [GeneratedRegex(@"\G\s*(?:for|select|case)(?![\w-])")]
    private static partial Regex Compound();
}

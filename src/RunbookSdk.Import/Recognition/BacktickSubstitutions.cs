using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// A command as <see cref="ShellOperators.Read"/> reads it, with each backtick substitution (<c>X=`read -r A; echo`</c>)
/// read as the subshell it is, as <c>$( … )</c> is: its two backticks become <c>(</c> and <c>)</c>, at the same length,
/// so <see cref="ShellCommandBounds"/> starts a command after the opening one and <see cref="VariableScope"/> ends what
/// the substitution sets at the closing one. Left as backticks, the substitution's commands were one word with the
/// command around it: a <c>read</c> inside it set nothing anywhere (its own <c>echo $A</c> warned) and an
/// <c>export NS=…</c> inside it set NS for the whole line (the <c>kubectl -n $NS</c> after it did not warn).
/// </summary>
/// <remarks>
/// A backtick that is escaped or quoted text (<c>'`date`'</c>, a here-document's data) is no substitution; one that
/// double quotes hold (<c>"`date`"</c>) is. Backticks nested with backslashes are read as the outer pair's text.
/// </remarks>
internal static class BacktickSubstitutions
{
    /// <summary>The reading of <paramref name="command"/>, backtick substitutions as parenthesized subshells.</summary>
    public static string Read(string command)
    {
        var shell = ShellOperators.Read(command);
        if (shell.IndexOf('`') < 0) return shell;
        char[]? read = null;
        var open = -1;
        for (var i = 0; i < shell.Length; i++)
        {
            if (shell[i] != '`' || IsEscaped(command, i) || ShellOperators.TextAt(command, i) is not null) continue;
            if (open < 0)
            {
                open = i;
                continue;
            }

            read ??= shell.ToCharArray();
            read[open] = '(';
            read[i] = ')';
            open = -1;
        }

        return read is null ? shell : new string(read);
    }

    // An odd number of backslashes before it makes a backtick a literal one.
    private static bool IsEscaped(string command, int at)
    {
        var backslashes = 0;
        for (var k = at - 1; k >= 0 && command[k] == '\\'; k--) backslashes++;
        return backslashes % 2 == 1;
    }
}

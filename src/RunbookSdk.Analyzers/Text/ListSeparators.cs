using System.Collections.Generic;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// The operators that join the commands of a shell list (<c>;</c>, a new line, <c>&amp;&amp;</c>, <c>||</c>, <c>|</c>) as
/// bash reads them, in a text <see cref="ShellOperators.Read"/> returned: a separator inside a command substitution
/// belongs to the substitution's own list, not to the list of the command whose word it is. RB0014 asks this to know
/// which command ends a check's pipeline or list: in <c>curl -s "https://api/$(cat path; echo)" | grep -q ok</c> the
/// pipeline ends in grep, and in <c>curl -f … | jq -e "$(cat filter; echo .ok)"</c> the list does not end in echo.
/// </summary>
/// <remarks>
/// A plain regex class of separators stopped at the <c>;</c> inside the <c>$(…)</c>. Quoted operators are already text in
/// the reading, so every parenthesis and backtick counted here is the shell's. Nothing is allocated but the iterator.
/// </remarks>
internal static class ListSeparators
{
    private const string Or = "||";
    private const string And = "&&";
    private const string Pipe = "|";
    private const string Semicolon = ";";
    private const string NewLine = "\n";

    /// <summary>
    /// The separators after <paramref name="index"/> in the list that holds it: a substitution, subshell, backtick
    /// substitution or nested command line that opens after it is read over whole, as a word of its command, and the
    /// substitution or subshell that holds <paramref name="index"/> ends the list where it closes
    /// (<c>x=$(curl -s a | wc -l); …</c>: the pipeline ends at the <c>)</c>). A nested command line that holds it does not:
    /// its output goes on into the outer pipeline (<c>ssh bastion 'curl -s …' | grep -q ok</c> ends in grep), as
    /// <see cref="ShellOperators.NestedEnd"/> is a blank in the outer command.
    /// </summary>
    public static IEnumerable<(int Index, string Value)> From(string shell, int index)
    {
        var (enclosingParentheses, inBackticks) = EnclosingAt(shell, index);
        var depth = 0;
        for (var i = index; i < shell.Length; i++)
        {
            var c = shell[i];
            if (c is '(' or ShellOperators.NestedStart)
            {
                depth++;
            }
            else if (c is ')' or ShellOperators.NestedEnd)
            {
                if (depth > 0) depth--;
                else if (c == ')' && enclosingParentheses > 0) yield break; // the substitution or subshell holding index closes
                // else the end of the nested line holding index, or a case pattern's `)`: read on, as the separators say
            }
            else if (depth == 0 && c == '`')
            {
                if (inBackticks) yield break;
                var closing = shell.IndexOf('`', i + 1);
                if (closing < 0) yield break; // never closed: what follows is the substitution's, not this list's
                i = closing;
            }
            else if (depth == 0 && Separator(shell, i) is { } separator)
            {
                yield return (i, separator);
                i += separator.Length - 1;
            }
        }
    }

    /// <summary>
    /// True when the pipe at <paramref name="pipe"/> is the last of its pipeline: the next separator at its level is
    /// another kind, or there is none before its list ends.
    /// </summary>
    public static bool EndsItsPipeline(string shell, int pipe)
    {
        foreach (var next in From(shell, pipe + 1)) return next.Value != Pipe;
        return true;
    }

    /// <summary>
    /// True when <paramref name="index"/> is inside a command substitution (<c>$(…)</c> or backticks), at any depth: what a
    /// command there returns is the substitution's, and a separator there joins the substitution's own commands.
    /// </summary>
    public static bool InSubstitution(string shell, int index)
    {
        // One bit per open parenthesis, up to 64 deep (deeper ones read as plain groups): set for a `$(`.
        ulong substitutions = 0;
        var depth = 0;
        var inBackticks = false;
        for (var i = 0; i < index && i < shell.Length; i++)
        {
            var c = shell[i];
            if (c == '`')
            {
                inBackticks = !inBackticks;
            }
            else if (c is '(' or ShellOperators.NestedStart)
            {
                if (depth < 64 && c == '(' && i > 0 && shell[i - 1] == '$') substitutions |= 1UL << depth;
                else if (depth < 64) substitutions &= ~(1UL << depth);
                depth++;
            }
            else if (c is ')' or ShellOperators.NestedEnd && depth > 0)
            {
                depth--;
            }
        }

        var open = depth >= 64 ? ulong.MaxValue : (1UL << depth) - 1;
        return inBackticks || (substitutions & open) != 0;
    }

    // The parentheses still open at index (a case pattern's `)` closes nothing), and whether a backtick substitution is.
    private static (int Parentheses, bool InBackticks) EnclosingAt(string shell, int index)
    {
        var depth = 0;
        var inBackticks = false;
        for (var i = 0; i < index && i < shell.Length; i++)
        {
            var c = shell[i];
            if (c == '`') inBackticks = !inBackticks;
            else if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
        }

        return (depth, inBackticks);
    }

    private static string? Separator(string shell, int i)
    {
        var next = i + 1 < shell.Length ? shell[i + 1] : '\0';
        return shell[i] switch
        {
            '|' => next == '|' ? Or : Pipe,
            '&' => next == '&' ? And : null,
            ';' => Semicolon,
            '\n' => NewLine,
            _ => null,
        };
    }
}

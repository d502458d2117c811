using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// A verification command made of nothing but commands that succeed whatever state the service is in
/// (<c>echo ok</c>, <c>printf 'healthy\n'</c>, <c>true</c>, <c>:</c>, also several of them): it checks nothing, and the
/// run shows it passed. RB0014 reports it whole.
/// </summary>
internal static class CheckOfNothing
{
    /// <summary>
    /// Commands that succeed whatever state the service is in: a command made only of them checks nothing, and so does
    /// an <c>if</c> branch (<see cref="UnfailableConditional"/>).
    /// </summary>
    public static readonly HashSet<string> SureToSucceed = new(StringComparer.Ordinal) { "echo", "printf", "true", ":" };

    // Where one command of a list or a pipeline ends and the next starts.
    private static readonly Regex s_separator = new(@"\|\||&&|[;|&\n]", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // A redirection can fail (`echo > /dev/tcp/db/5432` on a closed port); a command substitution runs a command the
    // other RB0014 patterns judge (`echo "$(curl -s …)"`). Neither is a command of nothing.
    private static readonly Regex s_redirectOrSubstitution = new(@"[<>`]|\$\(", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Where the commands start and end in <paramref name="shell"/> (the text <see cref="ShellOperators.Read"/> returns,
    /// where quoted separators are no separators) when every command in it is sure to succeed; null when any one can
    /// fail, when it redirects or substitutes a command, and for a command of nothing but blanks.
    /// </summary>
    public static TextMatch? In(string shell)
    {
        if (s_redirectOrSubstitution.IsMatch(shell)) return null;
        int start = -1, end = 0, commandStart = 0;
        foreach (Match separator in s_separator.Matches(shell + "\n"))
        {
            var command = shell.Substring(commandStart, Math.Min(separator.Index, shell.Length) - commandStart);
            // Trim() also drops the stand-ins ShellOperators writes for blanks (\u0085, \f).
            var trimmed = command.Trim();
            if (trimmed.Length > 0)
            {
                if (!SureToSucceed.Contains(FirstWord(trimmed))) return null;
                var at = commandStart + command.IndexOf(trimmed, StringComparison.Ordinal);
                if (start < 0) start = at;
                end = at + trimmed.Length;
            }

            commandStart = Math.Min(separator.Index + separator.Length, shell.Length);
        }

        return start < 0 ? null : new TextMatch(start, end - start, shell.Substring(start, end - start), "");
    }

    private static string FirstWord(string command)
    {
        var end = 0;
        while (end < command.Length && !char.IsWhiteSpace(command[end])) end++;
        return command.Substring(0, end);
    }
}

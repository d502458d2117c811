using System.Text.RegularExpressions;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// Whether a destructive command's words are data: inside a quoted argument that no shell runs
/// (<c>git commit -m 'rm -rf build'</c>, <c>jira comment OPS-12 'ran terraform destroy'</c>) or in the body of a
/// here-document that no shell reads (<c>cat &lt;&lt;EOF &gt; cleanup.sh</c>). A program name there is text, and RB0005 does
/// not report it. Asked only of the patterns that name a program (<c>rm -r</c>, <c>kubectl delete</c>, <c>terraform
/// destroy</c>…): what a client reads as data is still what it deletes (<c>psql -c 'DROP TABLE x'</c>,
/// <c>kubectl patch -p '{"spec":{"replicas":0}}'</c>). Nor is text the command pipes on, to a program that may run it
/// (<c>echo 'rm -rf x' | bash</c>, <c>cat &lt;&lt;EOF | ssh HOST</c>).
/// </summary>
/// <remarks>
/// A command line another shell runs (<see cref="NestedShells"/>: <c>ssh HOST '…'</c>, <c>bash -c '…'</c>, <c>bash &lt;&lt;EOF</c>)
/// is commands, not data, and so is a command substitution inside quotes. A few programs run their quoted argument as
/// code without being on that list, because their quoting is their own: GNU <c>parallel</c>, <c>flock … -c</c>,
/// <c>tmux</c>, <c>screen</c>, <c>script -c</c>, <c>runuser -c</c>, <c>expect</c>, <c>at</c>/<c>batch</c> (a job read from
/// a here-document), interpreters (<c>python -c 'os.system("rm -rf …")'</c>) and remote-run APIs
/// (<c>aws ssm send-command</c>, <c>az vm run-command</c>). Their text keeps being read as commands, as all quoted text
/// was before.
/// </remarks>
internal static class CommandData
{
    // A word of the command before the quoted text, not the end of another one (the same start NestedShells uses).
    private static readonly Regex s_runsItsText = GuardedPattern.CreateRegex(
        @"(?<![^\s/\x02])(parallel|flock|tmux|screen|script|runuser|expect|at|batch|python[\d.]*|perl|ruby|node|php)(?=\s)" +
        @"|\bssm\s+send-command\b|\brun-command\b");

    /// <summary>
    /// True when <paramref name="index"/> of <paramref name="text"/> (as written; <paramref name="shell"/> is its
    /// <see cref="ShellOperators.Read"/> reading) is in text no shell runs, written for a command that does not run it.
    /// </summary>
    public static bool IsData(string text, string shell, int index)
    {
        if (ShellOperators.TextAt(text, index) is not { } quoted) return false;
        var start = ShellCommandBounds.CommandStart(shell, index);
        // Printed or written for the next command of a pipeline, which may run it: `echo 'rm -rf x' | bash`,
        // `cat <<EOF | ssh HOST`.
        if (ShellCommandBounds.IsPipedOn(shell, start) || quoted.HereDocument && IsHereDocumentPipedOn(shell, quoted.Open)) return false;
        if (quoted.Open <= start) return true;
        try
        {
            // Matched in the command's own range, up to the quote (or the body): no substring.
            return !s_runsItsText.Match(shell, start, quoted.Open - start).Success;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when the command that redirects a here-document pipes its output on: in <c>cat &lt;&lt;EOF | ssh HOST</c> the body
    /// follows the <c>ssh</c> in the text, but it is <c>cat</c>'s, whose output the <c>|</c> hands to ssh.
    /// </summary>
    private static bool IsHereDocumentPipedOn(string shell, int bodyOpen)
    {
        // The body's opening line break reads as a blank, not a new line: the redirection's line ends there.
        var lineStart = bodyOpen == 0 ? 0 : shell.LastIndexOf('\n', bodyOpen - 1) + 1;
        var redirection = shell.LastIndexOf("<<", bodyOpen, bodyOpen - lineStart + 1, System.StringComparison.Ordinal);
        return redirection >= 0 && ShellCommandBounds.IsPipedOn(shell, redirection);
    }
}

using RunbookSdk.Analyzers.Text;

// Also compiled into the generator and the analyzers (netstandard2.0), with ShellQuoting.cs.
namespace RunbookSdk.Commands;

/// <summary>
/// Whether a shell reads what a process substitution <c>&lt;( … )</c> prints as its script: the command before it is
/// a shell reading it as its input (<c>bash &lt; &lt;(…)</c>, <c>ssh HOST &lt; &lt;(…)</c>) or as a script file
/// (<c>bash &lt;(…)</c>), or <c>source</c> or <c>.</c> reading it as one.
/// </summary>
/// <remarks>
/// Only the command before the substitution is known when it opens; a redirection written before the command
/// (<c>&lt; &lt;(…) bash</c>) leaves nothing before it, and counts as feeding a shell: refusing more is never unsafe.
/// </remarks>
internal static class ProcessSubstitutions
{
    /// <summary>True when a shell reads as its script what a process substitution prints after <paramref name="before"/>.</summary>
    /// <param name="before">The simple command as written up to the <c>&lt;</c> of <c>&lt;(</c>.</param>
    public static bool FeedsShell(string before)
    {
        var command = before.TrimEnd();
        // bash < <(…): the substitution is the target of an input redirection.
        if (command.Length > 0 && command[command.Length - 1] == '<') command = command.Substring(0, command.Length - 1).TrimEnd();
        if (command.Trim().Length == 0) return true;
        var lastWord = command.Substring(command.LastIndexOfAny([' ', '\t', '\n', ';', '&', '|', '(', '{']) + 1);
        return lastWord is "source" or "." || NestedShells.ReadsStandardInput(command);
    }
}

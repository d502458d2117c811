namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// The shell's reserved words after which a command starts as it does after a separator. One list for the rules
/// (<c>ShellCommandBounds</c>) and for the runner's quoting (linked into RunbookSdk and the generator), which
/// must agree on where a command starts.
/// </summary>
internal static class ShellReservedWords
{
    /// <summary>
    /// The reserved words that open a compound command or a branch of one (<c>if test -d /srv; then rm -rf /srv/app; fi</c>,
    /// <c>while</c>, <c>do</c>, <c>{ …; }</c>, <c>! grep -q ok</c>) and the <c>time</c> prefix: the word after them is a
    /// command's first. Not <c>for</c>, <c>select</c> or <c>case</c>, which a name or a word follows; not <c>fi</c>,
    /// <c>done</c> or <c>}</c>, which end a compound command after a separator. A reserved word is one only where a
    /// command starts: in <c>echo done; rm -rf x</c> <c>done</c> is echo's argument.
    /// </summary>
    public static readonly string[] CommandPrefixes = ["if", "then", "else", "elif", "while", "until", "do", "time", "!", "{"];
}

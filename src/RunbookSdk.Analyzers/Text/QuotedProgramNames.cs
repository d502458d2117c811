using System.Text.RegularExpressions;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// A program's name as bash runs it: quotes and backslashes in the word that names the program are removed before
/// bash looks the program up, so <c>'rm' -rf build</c>, <c>"rm" -rf x</c>, <c>r'm' -rf x</c> and <c>\rm -rf x</c> run
/// the same <c>rm</c> as <c>rm -rf x</c> (a backslash is also how people skip an alias: <c>\rm</c>). The destructive
/// patterns name programs as bare words; this reading gives them that word.
/// </summary>
/// <remarks>
/// Only a word where a command starts (after a separator, a reserved word, or a <c>sudo</c>, <c>command</c>, <c>exec</c>,
/// <c>nohup</c> or <c>env</c> prefix) is read so: a quoted argument of another program stays text
/// (<c>git commit -m 'rm' -rf</c>), as <see cref="CommandData"/> says. Only a word made of name characters once its
/// quotes are gone is rewritten; <c>'rm -rf x'</c> names a program called "rm -rf x", which does not exist.
/// The word's characters move to its start and blanks fill its end, so the text keeps its length and every index into
/// it is an index into the command.
/// </remarks>
internal static class QuotedProgramNames
{
    private static readonly char[] s_quoting = ['\'', '"', '\\'];

    private const string NameCharacter = @"[\w./+-]";

    // One piece of a name: a character, a quoted run of them, or an escaped one.
    private const string NamePart = "(" + NameCharacter + "|'" + NameCharacter + "*'|\"" + NameCharacter + "*\"|\\\\" + NameCharacter + ")";

    // A command word with a quote or backslash in it, whole: up to a blank or the text's end, every quote closed in it.
    private static readonly Regex s_quotedName = GuardedPattern.CreateRegex(
        "(?<=" + ShellCommandBounds.AfterSeparator + @"((sudo|command|exec|nohup|env)\s+)*)" +
        @"(?=\S*['""\\])" + NamePart + @"+(?=\s|$)");

    /// <summary>
    /// <paramref name="shell"/> (a command as <see cref="ShellOperators.Read"/> reads it) with every quoted or escaped
    /// program name written bare; <paramref name="shell"/> itself, not a copy, when it has no quote or backslash.
    /// </summary>
    public static string Unquote(string shell)
    {
        if (shell.IndexOfAny(s_quoting) < 0) return shell;
        MatchCollection matches;
        try
        {
            matches = s_quotedName.Matches(shell);
            if (matches.Count == 0) return shell;
        }
        catch (RegexMatchTimeoutException)
        {
            return shell;
        }

        var characters = shell.ToCharArray();
        foreach (Match match in matches)
        {
            if (!HasName(match.Value)) continue;
            var to = match.Index;
            for (var from = match.Index; from < match.Index + match.Length; from++)
            {
                if (shell[from] is '\'' or '"' or '\\') continue;
                characters[to++] = shell[from];
            }

            for (; to < match.Index + match.Length; to++) characters[to] = ' ';
        }

        return new string(characters);
    }

    /// <summary>
    /// True when <paramref name="index"/> starts a program name <see cref="Unquote"/> rewrote (<paramref name="programs"/>
    /// is its reading of <paramref name="shell"/>): the quote there opens the program's name, not a quoted argument.
    /// </summary>
    public static bool IsRewrittenName(string shell, string programs, int index) =>
        !ReferenceEquals(shell, programs) && index < shell.Length && shell[index] != programs[index];

    // `''` names no program; `'rm'`, `r'm'` and `\rm` leave a name once their quotes go.
    private static bool HasName(string word)
    {
        foreach (var c in word)
        {
            if (c is not ('\'' or '"' or '\\')) return true;
        }

        return false;
    }
}

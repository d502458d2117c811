using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// How one kind of credential is found in a command as written: a pattern that holds it wherever it stands
/// (<c>Authorization: Bearer …</c>, <c>PGPASSWORD=…</c>), or an option of a program that gives it only to that program,
/// so only in the program's own simple command (<c>mysql -p…</c>, <c>redis-cli -a …</c>, <c>curl -u user:…</c>).
/// </summary>
/// <remarks>
/// The program's command is bounded as <see cref="ProgramPattern.OptionInOwnCommand"/> bounds it, by <see cref="ShellCommandBounds"/>
/// in the shell's reading (<see cref="ShellOperators.Read"/>),
/// not by a regex class of operators: a regex stopped at the <c>;</c> inside <c>"$(cat a.sql; cat b.sql)"</c> or
/// <c>-e "select 1; select 2"</c>, so the <c>-p…</c> after it went unread, and it took an option of another command
/// inside the program's words (<c>sshpass -p … ssh db-1 'mysql -p x'</c>). Here a closed nested command line or
/// <c>$(…)</c> is one word of the program's command, and an option inside it is another command's.
/// </remarks>
internal sealed class CredentialPattern
{
    // The program and its option as RB0005's and RB0015's patterns hold them: one shape, and one reading of the option
    // in the program's own command (ProgramPattern.OptionInOwnCommand).
    private readonly ProgramPattern _program;

    private CredentialPattern(ProgramPattern program) => _program = program;

    /// <summary>
    /// The guarded pattern matched first: the whole credential, or the program whose option holds it (a test checks
    /// that no guard rejects a text its pattern matches, and must see these too).
    /// </summary>
    internal GuardedPattern Guarded => _program.Program;

    /// <summary>The program's credential option, read after the program's name; null for a pattern that holds the credential whole.</summary>
    internal Regex? Option => _program.Option;

    /// <summary>A pattern that holds the credential wherever it matches.</summary>
    public static implicit operator CredentialPattern(GuardedPattern pattern) => new(pattern);

    /// <summary>
    /// The credential <paramref name="option"/> (a regex with a <c>secret</c> group, from the blank before the option on)
    /// of the <paramref name="program"/>, read in the program's own simple command; as the program gives its option
    /// more than once, the last one is the one it takes.
    /// </summary>
    public static CredentialPattern OptionOf(GuardedPattern program, string option) => new(ProgramPattern.OptionOf(program, option));

    /// <summary>The matches in <paramref name="text"/>, each with the pattern's groups; none when a regex times out.</summary>
    public IReadOnlyList<Match> In(string text)
    {
        if (!Guarded.MayMatch(text)) return Array.Empty<Match>();
        try
        {
            return Option is { } option ? Options(text, option) : Whole(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return Array.Empty<Match>();
        }
    }

    private IReadOnlyList<Match> Whole(string text)
    {
        var matches = Guarded.Regex.Matches(text);
        if (matches.Count == 0) return Array.Empty<Match>();
        var found = new Match[matches.Count];
        matches.CopyTo(found, 0);
        return found;
    }

    private IReadOnlyList<Match> Options(string text, Regex option)
    {
        List<Match>? found = null;
        string? shell = null;
        for (var program = Guarded.Regex.Match(text); program.Success; program = program.NextMatch())
        {
            shell ??= ShellOperators.Read(text); // the text itself when nothing in it is quoted
            var last = ProgramPattern.OptionInOwnCommand(option, text, shell, program, last: true);
            if (last is not null) (found ??= new List<Match>()).Add(last);
        }

        return found is null ? Array.Empty<Match>() : found;
    }
}

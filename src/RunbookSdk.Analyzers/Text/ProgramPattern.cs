using System.Text.RegularExpressions;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// A program and, when it takes one, the option that makes it what a rule looks for (<c>git push … --force</c>,
/// <c>terraform apply … -auto-approve</c>, <c>tail … -f</c>), read in the program's own simple command as the shell splits
/// it: RB0005 and RB0015 ask this of their commands, RB0006 of a credential option (<see cref="CredentialPattern"/>).
/// A program may also be a finding only without an option (<c>ping</c> without <c>-c</c>, <c>docker stats</c> without
/// <c>--no-stream</c>, <c>shutdown</c> without <c>-c</c>: <see cref="Unless"/>), read in its own command the same way,
/// and both at once: a word it must be given and an option it must not (<c>docker compose … up</c> without <c>-d</c>,
/// <c>kubectl … rollout status</c> without <c>--timeout</c>). A program may need a word first, its subcommand, and then
/// an option after it (<c>kubectl … get … -w</c>, <c>kubectl … apply … --prune</c>: <see cref="Word"/>), each read in the
/// program's own command.
/// </summary>
/// <remarks>
/// The program's command is bounded by <see cref="ShellCommandBounds"/> on the shell's reading
/// (<see cref="ShellOperators.Read"/>), not by a regex class of operators: a class stopped at the <c>;</c> inside
/// <c>git push $(cat remotes; echo x) --force</c>, so the option after it went unread and a force push ran without
/// confirmation. A closed <c>$(…)</c>, subshell or nested command line is one word of the program's command, read over
/// whole; an option written inside one is another command's (<c>curl "https://api/x?q=$(echo -X DELETE)"</c>: bash hands
/// echo's output to curl inside the URL's word).
/// </remarks>
internal sealed class ProgramPattern
{
    private ProgramPattern(GuardedPattern program, Regex? word, Regex? option, Finding reports, Regex? unless, Regex? unlessBefore = null)
    {
        Program = program;
        Word = word;
        Option = option;
        Reports = reports;
        Unless = unless;
        UnlessBefore = unlessBefore;
    }

    /// <summary>What of the program's command a never-ending finding marks (RB0005 marks the whole command).</summary>
    public enum Finding
    {
        /// <summary>From the program to the end of its option: <c>tail -n 100 -f</c>.</summary>
        ProgramToOption,

        /// <summary>The option alone: <c>-fu</c> of <c>journalctl -fu nginx</c>, <c>rollout status</c> of kubectl's.</summary>
        Option,

        /// <summary>The program's name alone: <c>ssh</c> of <c>ssh -N -L 5432:db:5432 bastion</c>.</summary>
        Program,
    }

    /// <summary>Where the program is named; the whole finding when there is no <see cref="Option"/>.</summary>
    public GuardedPattern Program { get; }

    /// <summary>
    /// The word (a subcommand) the program must be given in its own simple command before its <see cref="Option"/>, or
    /// null: <c>get</c> of <c>kubectl -n "$(cat ns; echo)" get pods -w</c>.
    /// </summary>
    public Regex? Word { get; }

    /// <summary>The option the program must be given in its own simple command (after its <see cref="Word"/>), or null.</summary>
    public Regex? Option { get; }

    /// <summary>What the finding marks when the program is given its <see cref="Option"/>.</summary>
    public Finding Reports { get; }

    /// <summary>
    /// The option that, given in the program's own simple command, makes it no finding (<c>-c</c> of <c>ping</c>), or null.
    /// Read as <see cref="Option"/> is: in <c>ping $(cat hosts; echo) -c 3</c> the <c>-c</c> is ping's, in
    /// <c>ping $(grep -w db /etc/hosts)</c> the <c>-w</c> is grep's, and ping still runs forever.
    /// </summary>
    public Regex? Unless { get; }

    /// <summary>
    /// The program that, named before the match in the match's own simple command, makes it no finding (<c>git</c> of
    /// <c>git log $(cat ref; echo) --follow</c>, which follows renames and ends), or null. One named inside a <c>$(…)</c>
    /// is another command's: <c>tail "$(git ls-files '*.log' | head -1)" --follow</c> still follows forever.
    /// </summary>
    public Regex? UnlessBefore { get; }

    /// <summary>A pattern that is the whole finding wherever it matches.</summary>
    public static implicit operator ProgramPattern(GuardedPattern pattern) => new(pattern, null, null, Finding.ProgramToOption, unless: null);

    /// <summary>
    /// The <paramref name="program"/> given <paramref name="option"/> (a regex) in its own simple command, and, when
    /// <paramref name="unless"/> is given, not that option (a regex) anywhere after the program in the same command.
    /// </summary>
    public static ProgramPattern OptionOf(GuardedPattern program, string option, Finding reports = Finding.ProgramToOption, string? unless = null) =>
        new(program, null, GuardedPattern.CreateRegex(option), reports, unless is null ? null : GuardedPattern.CreateRegex(unless));

    /// <summary>
    /// The <paramref name="program"/> given <paramref name="word"/> (a regex: its subcommand) in its own simple command and,
    /// after that word in the same command, <paramref name="option"/> (a regex): <c>kubectl … get … -w</c>. A word or an
    /// option inside a <c>$(…)</c> of the program's words is another command's.
    /// </summary>
    public static ProgramPattern WordThenOption(GuardedPattern program, string word, string option, Finding reports = Finding.ProgramToOption) =>
        new(program, GuardedPattern.CreateRegex(word), GuardedPattern.CreateRegex(option), reports, unless: null);

    /// <summary>The <paramref name="program"/> where its own simple command does not give it <paramref name="option"/> (a regex).</summary>
    public static ProgramPattern UnlessOption(GuardedPattern program, string option) =>
        new(program, null, null, Finding.ProgramToOption, GuardedPattern.CreateRegex(option));

    /// <summary>
    /// The <paramref name="option"/>, the whole finding, where <paramref name="program"/> (a regex) is not named before it
    /// in its own simple command (<see cref="UnlessBefore"/>).
    /// </summary>
    public static ProgramPattern UnlessAfter(GuardedPattern option, string program) =>
        new(option, null, null, Finding.ProgramToOption, unless: null, GuardedPattern.CreateRegex(program));

    /// <summary>
    /// Whether the simple command of <paramref name="shell"/> that holds <paramref name="match"/> makes it no finding: it
    /// gives the program its <see cref="Unless"/> option after the match, or names the <see cref="UnlessBefore"/> program
    /// before it. May throw <see cref="RegexMatchTimeoutException"/>.
    /// </summary>
    public bool IsExcusedIn(string shell, Match match)
    {
        if (Unless is { } unless && OptionInOwnCommand(unless, shell, shell, match, last: false) is not null) return true;
        if (UnlessBefore is not { } before) return false;
        var start = ShellCommandBounds.CommandStart(shell, match.Index);
        return InOwnCommandFrom(before, shell, shell, match.Index, start, last: false) is { } named && named.Index < match.Index;
    }

    /// <summary>Whether the program is a finding only when given its <see cref="Word"/> or <see cref="Option"/>.</summary>
    public bool Requires => Word is not null || Option is not null;

    /// <summary>
    /// What the program at <paramref name="program"/> is given in its own simple command of <paramref name="shell"/> that
    /// makes it a finding: its <see cref="Option"/>, read after its <see cref="Word"/> when it has one; the program itself
    /// when it requires neither; null when the word or the option is missing. May throw <see cref="RegexMatchTimeoutException"/>.
    /// </summary>
    public Match? GivenIn(string shell, Match program)
    {
        var after = program;
        if (Word is { } word)
        {
            if (OptionInOwnCommand(word, shell, shell, program, last: false) is not { } given) return null;
            after = given;
        }

        return Option is { } option ? InOwnCommandFrom(option, shell, shell, program.Index, after.Index + after.Length, last: false) : after;
    }

    /// <summary>
    /// The first match of <paramref name="option"/> (the last when <paramref name="last"/>: a program given an option twice
    /// takes the last) after <paramref name="program"/> in the program's own simple command of <paramref name="shell"/>
    /// (<paramref name="text"/> as <see cref="ShellOperators.Read"/> reads it; the same string when nothing is quoted);
    /// null when there is none. May throw <see cref="RegexMatchTimeoutException"/>.
    /// </summary>
    public static Match? OptionInOwnCommand(Regex option, string text, string shell, Match program, bool last) =>
        InOwnCommandFrom(option, text, shell, program.Index, program.Index + program.Length, last);

    /// <summary>
    /// As <see cref="OptionInOwnCommand(Regex, string, string, Match, bool)"/>, read from <paramref name="from"/> (after the
    /// program's word) in the simple command of the program named at <paramref name="programAt"/>.
    /// </summary>
    private static Match? InOwnCommandFrom(Regex option, string text, string shell, int programAt, int from, bool last)
    {
        var start = ShellCommandBounds.CommandStart(shell, programAt);
        var end = ShellCommandBounds.CommandEnd(shell, from);
        Match? found = null;
        for (var candidate = option.Match(text, from); candidate.Success && candidate.Index < end; candidate = candidate.NextMatch())
        {
            // Inside a $(…) or nested command line of the program's words, the option is another command's.
            if (ShellCommandBounds.CommandStart(shell, candidate.Index) != start) continue;
            found = candidate;
            if (!last) break;
        }

        return found;
    }
}

using System;
using System.Text.RegularExpressions;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// The commands that run text as shell code, so the command rules read that text as commands and not as a quoted word.
/// A quoted argument is a command line when it is the command of
/// <c>ssh [options] HOST '…'</c>, <c>bash|sh|zsh|dash|ksh|ash [options] -c '…'</c> (also after <c>sudo</c>, <c>timeout N</c>,
/// <c>kubectl exec … --</c>, <c>docker exec …</c>, <c>/bin/sh</c>), <c>su</c>, <c>runuser</c>, <c>flock</c> or <c>script … -c '…'</c>
/// (or <c>--command</c>), <c>watch [options] '…'</c> or
/// <c>eval '…'</c>, and the remote command of <c>gcloud compute ssh VM --command '…'</c> (or <c>-- '…'</c>) and of
/// <c>ansible HOSTS -a '…'</c> (any module: shell and raw hand it to a shell, command splits it as one does). A here-document is a script when it is fed to a shell: <c>bash &lt;&lt;'EOF'</c>, <c>sudo sh -s &lt;&lt;EOF</c>,
/// <c>ssh HOST &lt;&lt;EOF</c>, <c>ssh HOST bash -s &lt;&lt;EOF</c> (also <c>'bash -s'</c>). Every other quoted argument (<c>jq '.a | .b'</c>,
/// <c>echo 'rm -rf /'</c>, <c>terraform apply -var 'x=a; b'</c>) and every other here-document (<c>cat &lt;&lt;EOF</c>,
/// <c>kubectl apply -f - &lt;&lt;EOF</c>, <c>psql &lt;&lt;SQL</c>) stays text. The same shells read a script from a pipe
/// (<see cref="ReadsStandardInput"/>: <c>echo "…" | ssh HOST</c>, <c>cat &lt;&lt;EOF | bash</c>; see <see cref="PipedShells"/>).
/// </summary>
/// <remarks>
/// One list for the rules and the runner: asked by the analyzers' <c>ShellOperators</c> at a quote or a <c>&lt;&lt;</c>,
/// about the simple command before it, and by the runner's <c>ShellQuoteContext</c> (this file is linked into RunbookSdk
/// and the generator), which quotes a hole in such a command line once for every shell that reads it. A short,
/// documented list on purpose (docs/rules/RB0005.md, RB0014.md, RB0015.md, docs/runner.md): a command the list misses
/// keeps the rules' reading of quoted text, which reports nothing new.
/// </remarks>
internal static class NestedShells
{
    // A word of the command, not the end of another one (flush, git push): after a blank, a path's slash or a nested start.
    private const string WordStart = @"(?<![^\s/\x02])";
    private const string Shell = @"(ba|z|da|k|a)?sh";
    // ssh's options: those that take a value (-i key, -p 2222 or -p2222, -o 'ProxyCommand=ssh -W %h:%p bastion', -J jump),
    // flags (only the letters that take no value: `-p` is never a flag, so the 2222 of `ssh -p 2222 db-1` is never read as
    // the host) and --. ssh reads them before the host and after it (`ssh db-1 -t -- 'cmd'`).
    private const string SshOptions = @"(\s+-[46AaCfGgKkMNnqsTtVvXxYy]*[BbcDEeFIiJLlmOopQRSWw]\s*('[^']*'|""[^""]*""|\S+)|\s+-[46AaCfGgKkMNnqsTtVvXxYy]+(?=\s)|\s+--(?=\s))*";
    private const string Ssh = "ssh" + SshOptions + @"\s+[^\s-]\S*" + SshOptions;

    // watch's options: -n 5, -n5, -dn 5, --interval=5, --interval 5, and flags (-d, -t, --color); `-n` alone takes a value.
    private const string WatchOptions = @"(\s+(-[a-zA-Z]*n\s*\S+|--interval(=|\s+)\S+|--(?!interval(=|\s|$))[\w-]+(=\S*)?|-[a-zA-Z]*[a-mo-zA-Z](?=\s)))*";

    // gcloud's ssh (`gcloud compute ssh VM`, `gcloud --project p compute tpus tpu-vm ssh VM --zone z`): its --command, and
    // what follows its `--` after ssh's own options, is the remote command, run by the remote user's shell.
    private const string GcloudSsh = @"gcloud(\s+\S+)*?\s+ssh(\s+\S+)*?";
    // An ad-hoc ansible command (`ansible web -i hosts -m shell -a '…'`): the shell and raw modules hand -a/--args to a
    // shell; the command module (the default) splits it as a shell would (shlex), without expanding it.
    private const string Ansible = @"ansible(\s+\S+)*?\s+";

    // Commands whose -c/--command is a command line they hand to `sh -c` (or the user's shell): su, runuser (su's
    // twin for root: `runuser -l postgres -c '…'`), flock (`flock /var/lock/deploy -c '…'`, a lock held around a
    // command) and script (`script -q -c '…' /dev/null`, a terminal for a command that wants one). The last three
    // quoted a value once, for the local shell alone, so `a; reboot` ran reboot in theirs.
    private const string CommandOptionCarriers = "(su|runuser|flock|script)";

    // The group `word`: the carrier hands on the one word after it (sh -c WORD, su -c WORD); otherwise every word up
    // to the end of the simple command (ssh and watch join their arguments with spaces, eval joins its own). An option
    // written with its value (`--command='…'`, `--args=…`) hands on the rest of its word.
    private static readonly Regex s_argumentCarrier = GuardedPattern.CreateRegex(WordStart + "((" +
        "(?<word>" + Shell + @"(\s+([-+][a-zA-Z]*o\s+[\w-]+|--?[a-zA-Z][\w-]*|\+[a-zA-Z]+))*\s+-[a-zA-Z]*c[a-zA-Z]*" +
        @"|" + CommandOptionCarriers + @"(\s+\S+)*?\s+(-c|--command)" +
        "|" + GcloudSsh + @"\s+--command" +
        "|" + Ansible + "(-a|--args))" +
        "|" + Ssh +
        "|" + GcloudSsh + @"\s+--" + SshOptions +
        "|watch" + WatchOptions +
        @"|eval)\s+" +
        "|(?<word>(" + GcloudSsh + "|" + CommandOptionCarriers + @"(\s+\S+)*?)\s+--command|" + Ansible + "--args)=" +
        ")$");

    private static readonly Regex s_hereDocumentReader = GuardedPattern.CreateRegex(WordStart + "(" +
        Shell + @"(\s+[-+][\w-]*)*" +
        "|" + Ssh + @"(\s+['""]?" + Shell + @"(\s+[-+][\w-]*)*['""]?)?" +
        @")\s*$");

    /// <summary>False when no command of the list can appear in <paramref name="text"/>: the reader then asks nothing.</summary>
    public static bool MayCarry(string text) =>
        text.IndexOf("sh", StringComparison.Ordinal) >= 0 || text.IndexOf("su", StringComparison.Ordinal) >= 0 ||
        text.IndexOf("runuser", StringComparison.Ordinal) >= 0 || text.IndexOf("flock", StringComparison.Ordinal) >= 0 ||
        text.IndexOf("script", StringComparison.Ordinal) >= 0 ||
        text.IndexOf("watch", StringComparison.Ordinal) >= 0 || text.IndexOf("eval", StringComparison.Ordinal) >= 0 ||
        text.IndexOf("ansible", StringComparison.Ordinal) >= 0;

    /// <summary>
    /// True when the quote at <paramref name="quote"/> opens the command line of the simple command that starts at
    /// <paramref name="commandStart"/>: <c>ssh ops@bastion '…'</c>, <c>sudo -u app sh -c "…"</c>.
    /// </summary>
    public static bool CarriesArgument(string text, int commandStart, int quote) => CommandLineAt(text, commandStart, quote) != CarriedCommandLine.None;

    /// <summary>
    /// What the simple command that starts at <paramref name="commandStart"/> hands to another shell from the word that
    /// starts at <paramref name="wordStart"/> (a quote, a bare word or a hole): nothing, that one word
    /// (<c>sh -c WORD</c>, <c>su -c WORD</c>, <c>ansible HOSTS -a WORD</c>) or every word to the end of the command
    /// (<c>ssh HOST WORD…</c>, <c>watch WORD…</c>, <c>eval WORD…</c>). <paramref name="wordStart"/> may also be just after
    /// the <c>=</c> of <c>--command=</c> or <c>--args=</c>: the rest of that word is the one word handed on.
    /// </summary>
    public static CarriedCommandLine CommandLineAt(string text, int commandStart, int wordStart)
    {
        if (wordStart - commandStart < 2) return CarriedCommandLine.None;
        try
        {
            // Matched in the command's own range: no substring, and the pattern's $ is the word's start.
            var match = s_argumentCarrier.Match(text, commandStart, wordStart - commandStart);
            if (!match.Success) return CarriedCommandLine.None;
            return match.Groups["word"].Success ? CarriedCommandLine.Word : CarriedCommandLine.Words;
        }
        catch (RegexMatchTimeoutException)
        {
            return CarriedCommandLine.None;
        }
    }

    /// <summary>True when the here-document whose <c>&lt;&lt;</c> is at <paramref name="redirection"/> feeds a shell: <c>bash &lt;&lt;'EOF'</c>, <c>ssh host &lt;&lt;EOF</c>.</summary>
    public static bool ReadsHereDocument(string text, int commandStart, int redirection) => EndsWith(s_hereDocumentReader, text, commandStart, redirection);

    // A redirection of the receiving command (bash 2>&1, ssh db-1 > out.log): its own, not what it reads.
    private static readonly Regex s_redirection = GuardedPattern.CreateRegex(@"\s+\d*(&>>?|>>?&?|<>?|<&)\s*('[^']*'|""[^""]*""|[^\s'""]+)?");

    /// <summary>
    /// True when <paramref name="command"/>, a simple command standing after a pipe, reads its standard input as a
    /// script: a shell with no command line (<c>bash</c>, <c>sh -s</c>, <c>sudo bash</c>, <c>kubectl exec -i pod -- sh</c>)
    /// or <c>ssh HOST</c> with none (or with a shell: <c>ssh HOST bash -s</c>). The shells of <see cref="ReadsHereDocument"/>.
    /// </summary>
    public static bool ReadsStandardInput(string command)
    {
        if (command.IndexOf("sh", StringComparison.Ordinal) < 0) return false;
        try
        {
            var withoutRedirections = s_redirection.Replace(command, "").TrimEnd();
            return EndsWith(s_hereDocumentReader, withoutRedirections, 0, withoutRedirections.Length);
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // quoting for one shell more is never unsafe
        }
    }

    private static bool EndsWith(Regex pattern, string text, int start, int end)
    {
        if (end - start < 2) return false;
        try
        {
            // Matched in the command's own range: no substring, and the pattern's $ is the quote or the <<.
            return pattern.Match(text, start, end - start).Success;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}

/// <summary>What a command hands to another shell as a command line, from a given word on.</summary>
internal enum CarriedCommandLine
{
    /// <summary>Nothing: the word is an argument like any other.</summary>
    None,

    /// <summary>That one word: <c>sh -c WORD</c>, <c>su -c WORD</c>, <c>flock FILE -c WORD</c> (for sh -c, the words after it are <c>$0</c>, <c>$1</c>…).</summary>
    Word,

    /// <summary>Every word to the end of the simple command, joined with spaces: <c>ssh HOST …</c>, <c>watch …</c>, <c>eval …</c>.</summary>
    Words,
}

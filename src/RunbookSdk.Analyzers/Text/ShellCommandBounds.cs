using System.Text.RegularExpressions;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// Where one simple command of a shell list starts, whether it runs at all, and whether something bounds it: RB0015 asks
/// this of a command that would otherwise never end, RB0014 of an HTTP client, RB0005 of a destructive command. Reads the text as the shell splits it (<c>;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>|</c>,
/// <c>&amp;</c>, newlines): every method takes the command as <see cref="ShellOperators.Read"/> reads it, where
/// quoted and escaped operators are text (<c>echo "done; tail -f"</c> is one command, <c>grep 'a&amp;b'</c> no background).
/// </summary>
internal static class ShellCommandBounds
{
    /// <summary>The words after which a command starts as it does after a separator (<see cref="ShellReservedWords.CommandPrefixes"/>).</summary>
    public static readonly string[] ReservedWords = ShellReservedWords.CommandPrefixes;

    /// <summary>
    /// A regex lookbehind's body for "where a command starts": the start of the text, a separator (<c>;</c>, <c>&amp;</c>,
    /// <c>|</c>, <c>(</c>, a backtick, a new line, the start of a nested command line), then blanks and
    /// <see cref="ReservedWords"/>.
    /// </summary>
    public static readonly string AfterSeparator =
        @"(^|[;&|(`\n\x02])\s*((" + string.Join("|", System.Array.ConvertAll(ReservedWords, Regex.Escape)) + @")\s+)*";

    // `timeout 60 tail -f`, `sudo timeout -s INT 5m ...`, `kubectl exec api -- timeout 10 ...`; not --request-timeout.
    private static readonly Regex s_timeoutWord = GuardedPattern.CreateRegex(@"(?<![\w-])g?timeout\s");

    // Commands that take another command line as text: to find it, kill it or print it, never to run it.
    private static readonly Regex s_namingCommand = GuardedPattern.CreateRegex(@"\G\s*(sudo\s+)?(pkill|pgrep|killall|grep|egrep|fgrep|rg|echo|printf)(?=\s|$)");

    /// <summary>
    /// True when the text at <paramref name="index"/> is an argument of a command that only names it:
    /// <c>pkill -f 'kubectl port-forward'</c>, <c>grep 'tail -f'</c>, <c>echo 'then run kubectl proxy'</c>.
    /// </summary>
    public static bool IsOnlyNamed(string text, int index)
    {
        try
        {
            return s_namingCommand.IsMatch(text, CommandStart(text, index)); // \G: at the command's start, no copy
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when the simple command that starts at <paramref name="commandStart"/> only prints or looks for its arguments
    /// (<c>echo</c>, <c>printf</c>, <c>grep</c>, <c>pkill</c>…, also after reserved words such as <c>then</c>), and what it
    /// prints from <paramref name="from"/> on is not piped on: then no word of it runs, not even a command line
    /// (<c>echo Then run: ssh ops@bastion 'rm -rf /srv/app'</c>). Read in the command as written, before quoting is known.
    /// </summary>
    public static bool OnlyNamesItsArguments(string text, int commandStart, int from)
    {
        try
        {
            return s_namingCommand.IsMatch(text, AfterReservedWords(text, commandStart, from)) && !IsPipedOn(text, from);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when the output of the command holding <paramref name="index"/> is piped into another command, which may run
    /// it: <c>echo 'DROP TABLE sessions;' | psql</c>, <c>grep -h 'DROP TABLE' migrations/*.sql | psql</c>. Not after
    /// <c>||</c>, which goes on only when the command fails.
    /// </summary>
    public static bool IsPipedOn(string text, int index)
    {
        for (var i = index; i < text.Length; i++)
        {
            switch (text[i])
            {
                case ';' or '\n' or ShellOperators.NestedEnd:
                    return false;
                case '&' when !IsRedirection(text, i):
                    return false;
                case '|':
                    return i + 1 >= text.Length || text[i + 1] != '|';
            }
        }

        return false;
    }

    /// <summary>
    /// True when the text at <paramref name="index"/> is in the body of a here-document that no shell reads
    /// (<c>cat &lt;&lt;EOF &gt; check.sh</c>, <c>kubectl apply -f - &lt;&lt;EOF</c>): the reading joins such a body to the command
    /// that redirects it, so a <c>&lt;&lt;</c> stands before it in its own command. A script fed to a shell starts
    /// commands of its own.
    /// </summary>
    public static bool IsHereDocumentData(string text, int index)
    {
        var start = CommandStart(text, index);
        for (var at = start; index - at > 2 && (at = text.IndexOf("<<", at, index - at, System.StringComparison.Ordinal)) >= 0; at += 2)
        {
            // A here-string (<<<) redirects one word, not the lines after it; a << inside a closed $(…) or nested command
            // line of this command (KEY=$(cat <<EOF …) watch df -h) feeds that inner command.
            if (at + 2 < text.Length && text[at + 2] == '<')
            {
                at++;
                continue;
            }

            if (CommandStart(text, at) == start) return true;
        }

        return false;
    }

    /// <summary>
    /// True when a <c>timeout N</c> prefix bounds the command at <paramref name="index"/>: it stands earlier in the same
    /// simple command, or in the one that runs the nested command line holding it. A prefix bounds only the command it
    /// prefixes, not the ones after it in the list.
    /// </summary>
    public static bool HasTimeoutPrefix(string text, int index)
    {
        // `timeout 60 ssh host 'cd /srv; tail -f app.log'`: a prefix of the command that runs a nested command line bounds it too.
        for (var at = index; at >= 0; at = ShellOperators.EnclosingStart(text, at))
        {
            if (HasOwnTimeoutPrefix(text, at)) return true;
        }

        return false;
    }

    private static bool HasOwnTimeoutPrefix(string text, int index)
    {
        var start = CommandStart(text, index);
        if (index <= start || text.IndexOf("timeout", start, index - start, System.StringComparison.Ordinal) < 0) return false;
        try
        {
            return s_timeoutWord.Match(text, start, index - start).Success;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when the pipeline holding <paramref name="index"/> is sent to the background with <c>&amp;</c>: the shell does
    /// not wait for it (<c>kubectl port-forward svc/api 8080:80 &amp; sleep 3; curl ...; kill $!</c>), so it does not
    /// hold the runner. <c>2&gt;&amp;1</c> and <c>&amp;&gt; file</c> redirect; they do not background.
    /// </summary>
    public static bool IsBackgrounded(string text, int index)
    {
        for (var i = index; i < text.Length; i++)
        {
            switch (text[i])
            {
                case ';' or '\n':
                    return false;
                case '|' when i + 1 < text.Length && text[i + 1] == '|':
                    return false; // ||: the list goes on in the foreground
                case '&' when !IsRedirection(text, i):
                    return i + 1 >= text.Length || text[i + 1] != '&';
            }
        }

        return false;
    }

    /// <summary>
    /// Where the simple command holding <paramref name="index"/> starts: just after the separator before it, or after the
    /// opening quote of the nested command line it is the first command of (<see cref="ShellOperators.NestedStart"/>).
    /// A closed nested command line or command substitution before <paramref name="index"/> is a word of this command, read
    /// over whole: in <c>ssh db-1 'a; b' --password &lt;pw&gt;</c> and <c>curl https://api/x --data "$(cat a; date)" -H …</c>
    /// the command starts at <c>ssh</c> and <c>curl</c>, not after the <c>;</c> another shell (or the substitution) splits at.
    /// </summary>
    public static int CommandStart(string text, int index)
    {
        // A ')' with no '(' before it is a case pattern's (`start) systemctl start api;;`): then read as the separators say.
        var start = SeparatorBefore(text, index, overEnclosed: true);
        if (start < 0) start = SeparatorBefore(text, index, overEnclosed: false);
        return AfterReservedWords(text, start, index);
    }

    /// <summary>
    /// Where the simple command holding <paramref name="index"/> ends: at the first separator from it on, or at the end of
    /// the text. A nested command line or command substitution that opens in it is read over whole, as
    /// <see cref="CommandStart"/> reads back over one: the command goes on after it (<c>curl -H … --data "$(date)" https://api/x</c>
    /// ends after the URL). One that never closes ends it at its opening, whose commands are others.
    /// </summary>
    public static int CommandEnd(string text, int index)
    {
        var depth = 0;
        var opening = -1;
        for (var i = index; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or ShellOperators.NestedStart)
            {
                if (depth++ == 0) opening = i;
            }
            else if (depth > 0)
            {
                if (c is ')' or ShellOperators.NestedEnd) depth--;
            }
            else if (IsSeparator(text, i))
            {
                return i;
            }
        }

        return depth > 0 ? opening : text.Length;
    }

    /// <summary>
    /// Just after the separator before <paramref name="index"/> (0 at the text's start). <paramref name="overEnclosed"/>:
    /// a closed nested command line, substitution or group before it is skipped whole; -1 when a <c>)</c> or
    /// <see cref="ShellOperators.NestedEnd"/> has no opening. Quoted parentheses are text in the reading, so each one
    /// counted here is the shell's.
    /// </summary>
    private static int SeparatorBefore(string text, int index, bool overEnclosed)
    {
        var depth = 0;
        for (var i = index - 1; i >= 0; i--)
        {
            var c = text[i];
            if (overEnclosed && c is ')' or ShellOperators.NestedEnd)
            {
                depth++;
            }
            else if (depth > 0)
            {
                if (c is '(' or ShellOperators.NestedStart) depth--;
            }
            else if (IsSeparator(text, i))
            {
                return i + 1;
            }
        }

        return depth > 0 ? -1 : 0;
    }

    /// <summary>
    /// Past the <see cref="ReservedWords"/> that stand between a separator at <paramref name="start"/> and
    /// <paramref name="index"/>: in <c>then rm -rf /srv/app</c> the command is <c>rm</c>. A loop over the words, no copy.
    /// </summary>
    private static int AfterReservedWords(string text, int start, int index)
    {
        var at = start;
        while (true)
        {
            var word = at;
            while (word < index && char.IsWhiteSpace(text[word])) word++;
            var end = word;
            while (end < index && !char.IsWhiteSpace(text[end])) end++;
            // A reserved word is followed by a blank before the command it starts.
            if (end >= index || !IsReservedWord(text, word, end - word)) return at;
            at = end;
        }
    }

    private static bool IsReservedWord(string text, int start, int length)
    {
        foreach (var word in ReservedWords)
        {
            if (word.Length == length && string.CompareOrdinal(text, start, word, 0, length) == 0) return true;
        }

        return false;
    }

    private static bool IsSeparator(string text, int i) => text[i] switch
    {
        ';' or '|' or '\n' or '(' or ShellOperators.NestedStart => true,
        '&' => !IsRedirection(text, i),
        _ => false,
    };

    /// <summary><c>2&gt;&amp;1</c>, <c>&amp;&gt;file</c>, <c>&gt;&amp;2</c>: an ampersand that redirects, not one that separates.</summary>
    private static bool IsRedirection(string text, int i) =>
        i > 0 && text[i - 1] == '>' || i + 1 < text.Length && text[i + 1] == '>';
}

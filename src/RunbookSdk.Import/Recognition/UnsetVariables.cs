using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Variables a command reads that nothing sets where it runs: a document's <c>redis-cli DEL $BIG_KEY</c>, where the
/// author had set <c>BIG_KEY</c> by hand first. Each imported command runs in a fresh shell, so such a variable is empty
/// there — <c>rm -rf $DIR/</c> becomes <c>rm -rf /</c> — unless the engineer's environment happens to hold it.
/// </summary>
/// <remarks>
/// A light reading, for a warning: text in single quotes is another program's (<c>awk '{print $1}'</c>) or another
/// shell's (<c>ssh host 'echo $HOME'</c>) and is skipped; a read with a default (<c>${X:-5}</c>) or a check
/// (<c>${X:?}</c>) is no surprise; the environment every shell has (<c>HOME</c>, <c>PATH</c>), bash's own variables and
/// the cloud tools' (<c>KUBECONFIG</c>, <c>AWS_PROFILE</c>) are not named.
/// </remarks>
internal static partial class UnsetVariables
{
    private static readonly HashSet<string> Environment = new(StringComparer.Ordinal)
    {
        "HOME", "PATH", "USER", "LOGNAME", "PWD", "OLDPWD", "SHELL", "HOSTNAME", "TERM", "LANG", "LC_ALL", "TMPDIR", "TZ",
        "EDITOR", "VISUAL", "PAGER", "DISPLAY", "SSH_AUTH_SOCK", "UID", "EUID", "PPID", "RANDOM", "SECONDS", "LINENO",
        "IFS", "REPLY", "OPTARG", "OPTIND", "PIPESTATUS", "FUNCNAME", "HOSTTYPE", "OSTYPE", "MACHTYPE", "GROUPS", "SRANDOM",
        "EPOCHSECONDS", "EPOCHREALTIME", "KUBECONFIG", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
        "GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_CORE_PROJECT", "AZURE_CONFIG_DIR", "DOCKER_HOST",
    };

    /// <summary>
    /// The variables <paramref name="command"/> reads where nothing sets them, in the order first read so. A name set in
    /// a subshell, a pipeline's command or a substitution is set only there (<see cref="VariableScope"/>).
    /// </summary>
    public static List<string> ReadButNotSet(string command)
    {
        var reads = new List<(string Name, int At)>();
        var inDouble = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '\\') { i++; continue; }
            if (c == '\'' && !inDouble)
            {
                var close = command.IndexOf('\'', i + 1);
                if (close < 0) break;
                i = close;
                continue;
            }
            if (c == '"') { inDouble = !inDouble; continue; }
            if (c != '$' || Read().Match(command, i) is not { Success: true } read) continue;
            if (!read.Groups["default"].Success) reads.Add((read.Groups["name"].Value, i));
            i += read.Length - 1;
        }
        if (reads.Count == 0) return [];
        var shell = BacktickSubstitutions.Read(command);
        var unset = new List<string>();
        foreach (var (name, at) in reads)
        {
            if (unset.Contains(name) || Environment.Contains(name) || name.StartsWith("BASH", StringComparison.Ordinal)
                || name.StartsWith("XDG_", StringComparison.Ordinal)) continue;
            if (!SetsOf(command, shell, name).Select(set => VariableScope.Of(shell, set))
                    .Concat(PrefixScopes(command, shell, name)).Any(scope => at >= scope.Start && at < scope.End))
                unset.Add(name);
        }
        return unset;
    }

    /// <summary>
    /// Whether <paramref name="command"/> sets <paramref name="name"/> in its own shell, for what would follow it there
    /// (<c>read -r HOST</c>, <c>mapfile -t PODS &lt; pods.txt</c>; not <c>(read -r HOST)</c> or <c>echo x | read -r HOST</c>).
    /// </summary>
    public static bool SetsForWhatFollows(string command, string name)
    {
        var shell = BacktickSubstitutions.Read(command);
        return SetsOf(command, shell, name).Select(set => VariableScope.Of(shell, set)).Any(scope => scope.Start == 0 && scope.End == shell.Length);
    }

    /// <summary>
    /// True when <paramref name="command"/> assigns <paramref name="name"/> only in front of a command
    /// (<c>LIMIT=5 kubectl logs --tail=$LIMIT</c>): bash puts it in that command's environment alone, after expanding
    /// the command's own words, so <c>$LIMIT</c> there and in later commands is empty.
    /// </summary>
    public static bool SetOnlyForItsCommand(string command, string name)
    {
        var shell = BacktickSubstitutions.Read(command);
        return PrefixScopes(command, shell, name).Any();
    }

    /// <summary>Where <paramref name="name"/> is set in <paramref name="shell"/> (the command as <see cref="BacktickSubstitutions"/> reads it).</summary>
    private static IEnumerable<int> SetsOf(string command, string shell, string name)
    {
        var n = Regex.Escape(name);
        // NAME=…, for NAME in, a select's loop variable, getopts' option variable; read [-r …] NAME, mapfile NAME,
        // local/declare/export/readonly NAME in the builtin's own command (SettingBuiltins).
        // An assignment in front of a command sets it for that command's environment alone (PrefixScopes).
        var assignments = AssignmentsOf(shell, name).Where(at => PrefixEnd(command, shell, at) is null);
        var loops = Regex.Matches(shell, $@"\b(?:for|select)\s+(?<name>{n})\b|\bgetopts\s+\S+\s+(?<name>{n})\b").Select(m => m.Groups["name"].Index);
        return assignments.Concat(loops).Concat(SettingBuiltins.Setting(command, shell, name));
    }

    // An assignment only where bash reads one, before its command's name: 'curl --data X=1' sets nothing.
    private static IEnumerable<int> AssignmentsOf(string shell, string name) =>
        Regex.Matches(shell, $@"(?<=^|[\s;&|(]){Regex.Escape(name)}\+?=").Select(m => m.Index).Where(at => IsAssignmentPosition(shell, at));

    /// <summary>
    /// Where a name assigned in front of a command is seen in this shell: only by the assignments after it in the same
    /// prefix (<c>X=1 Y=$X cmd</c> gives Y the 1), not by the command's words, which bash expands first.
    /// </summary>
    private static IEnumerable<(int Start, int End)> PrefixScopes(string command, string shell, string name)
    {
        foreach (var at in AssignmentsOf(shell, name))
        {
            if (PrefixEnd(command, shell, at) is { } commandName) yield return (at, commandName);
        }
    }

    /// <summary>
    /// Where the command's name starts after the assignment at <paramref name="at"/> and any that follow it; null when
    /// only assignments make up the command (<c>A=1 B=2</c>), which set their names for what follows in the shell.
    /// </summary>
    private static int? PrefixEnd(string command, string shell, int at)
    {
        var i = at;
        while (true)
        {
            i = ValueEnd(command, shell, shell.IndexOf('=', i) + 1);
            while (i < shell.Length && shell[i] != '\n' && char.IsWhiteSpace(shell[i])) i++;
            if (i >= shell.Length || shell[i] is ';' or '&' or '|' or '\n' or ')') return null;
            if (!AssignmentAt().IsMatch(shell, i)) return i;
        }
    }

    /// <summary>
    /// Where an assignment's value that starts at <paramref name="from"/> ends: at a blank or separator outside quotes
    /// and parentheses. Parentheses are counted in <paramref name="shell"/>, where quoted ones are text already and a
    /// <c>$(…)</c> inside double quotes is not; quotes in <paramref name="command"/>, outside a <c>$(…)</c>.
    /// </summary>
    private static int ValueEnd(string command, string shell, int from)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = from; i < shell.Length; i++)
        {
            var c = shell[i];
            if (c == '(') { depth++; continue; }
            if (c == ')') { if (depth == 0) return i; depth--; continue; }
            if (depth > 0) continue;
            var raw = command[i];
            if (quote != '\0')
            {
                if (raw == quote) quote = '\0';
                else if (raw == '\\' && quote == '"') i++;
                continue;
            }
            if (raw == '\\') { i++; continue; }
            if (raw is '\'' or '"') { quote = raw; continue; }
            if (char.IsWhiteSpace(c) || c is ';' or '&' or '|') return i;
        }
        return shell.Length;
    }

    [GeneratedRegex(@"\G[A-Za-z_][A-Za-z0-9_]*\+?=")]
    private static partial Regex AssignmentAt();

    private static bool IsAssignmentPosition(string shell, int at)
    {
        var start = ShellCommandBounds.CommandStart(shell, at);
        return AssignmentsBefore().Match(shell, start, at - start).Success;
    }

    // What may stand before an assignment in its own command: blanks and other assignments; the whole span, no more.
    [GeneratedRegex(@"\G\s*(?:[A-Za-z_][A-Za-z0-9_]*\+?=(?:'[^']*'|""[^""]*""|\S)*\s+)*$")]
    private static partial Regex AssignmentsBefore();

    // $NAME or ${NAME…}; "default" when the braces give a default, an assignment or a check (${X:-5}, ${X:=5}, ${X:?}).
    [GeneratedRegex(@"\G\$(?:\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<default>:?[-=?+])[^}]*)?[^}]*\}|(?<name>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Read();
}

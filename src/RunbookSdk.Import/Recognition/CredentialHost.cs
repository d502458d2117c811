using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// The host a command sends its credential to, where the command writes it: ssh's destination
/// (<c>sshpass -p &lt;pw&gt; ssh ops@db-1</c>), a registry login's registry (<c>docker login -p &lt;pw&gt; reg1.example</c>),
/// a libpq connection string's <c>host=</c> (<c>psql "host=db-1 …"</c>) or <c>PGHOST=</c>, a URL's host, or the
/// <c>-h</c>/<c>--host</c> of a client whose option names its server (<c>mysql -h db-1</c>, <c>redis-cli -h cache-1</c>);
/// null when it writes none.
/// </summary>
/// <remarks>
/// The host is read in the simple command that holds the credential, not in the whole command line: in
/// <c>mysql -h db-1 -p&lt;pw&gt; … | ssh backup-1 …</c> the password goes to db-1, and <c>df -h data &amp;&amp; mysql -p&lt;pw&gt;</c>
/// writes no host. Where that command writes none and stands in a command line another command runs
/// (<c>ssh db-1 'mysql -p&lt;pw&gt; …'</c>), the running command's host is the one: the client talks to its own machine there.
/// The tool's own destination comes before a URL: <c>sshpass -p … ssh db-1 'curl http://localhost/…'</c> sends the
/// password to db-1, not to the remote command's URL. A port is no part of the host, as in a URL.
/// Read so that two credentials to two hosts are not named as one (<see cref="PossiblyOneCredential"/>): before, a
/// registry or ssh host was no host, and the passwords of two registries were named as a pair; and <c>-h</c> of any tool
/// was a host, so <c>df -h data</c> or <c>sort -h sizes</c> named one (<c>-h</c> is "human-readable" or "help" there).
/// </remarks>
internal static partial class CredentialHost
{
    /// <summary>
    /// The host that the simple command of <paramref name="command"/> holding <paramref name="credentialAt"/> sends its
    /// credential to, else the host of the command that runs the command line it stands in; null when none is written.
    /// </summary>
    public static string? Of(string command, int credentialAt)
    {
        var shell = ShellOperators.Read(command);
        var start = ShellCommandBounds.CommandStart(shell, credentialAt);
        var end = ShellCommandBounds.CommandEnd(shell, credentialAt);
        var own = OwnWords(command, shell, start, end);
        var host = In(own);
        // export PGPASSWORD=<pw> && psql -h db-1: a command that only sets variables hands the credential to the commands
        // after it, so the first of them that names a host is the one.
        if (host is null && OnlySetsVariables().IsMatch(own)) host = InCommandsAfter(command, shell, end);
        // ssh db-1 'mysql -p<pw> …': the nested command line starts at its quote; the command before the quote runs it.
        for (var nested = ShellOperators.EnclosingStart(shell, start); host is null && nested >= 0; nested = ShellOperators.EnclosingStart(shell, nested))
        {
            host = In(command[ShellCommandBounds.CommandStart(shell, nested)..nested]);
        }

        return host;
    }

    private static string? InCommandsAfter(string command, string shell, int end)
    {
        for (var next = end + 1; next < shell.Length; next++)
        {
            // A nested command line's commands are another shell's: its variables are not this one's.
            if (shell[next] == ShellOperators.NestedStart || shell[next] == ShellOperators.NestedEnd) return null;
            var after = ShellCommandBounds.CommandEnd(shell, next);
            if (after == next) continue; // the second character of "&&" or "||"
            if (In(OwnWords(command, shell, next, after)) is { } host) return host;
            next = after;
        }

        return null;
    }

    /// <summary>
    /// The simple command from <paramref name="start"/> to <paramref name="end"/> as written, with the text of the nested
    /// command lines and command substitutions it holds blanked: those are other commands, and the host one of them names
    /// (<c>--data "$(ssh ops@db-1 cat body.json)"</c>) is not where this command sends its credential. The command's own
    /// words after them stay: ShellCommandBounds reads over such a part, so a credential written after one
    /// (<c>ssh db-1 'cd /srv; ./rotate' --password &lt;pw&gt;</c>) is in the command that names the host.
    /// </summary>
    private static string OwnWords(string command, string shell, int start, int end)
    {
        if (shell.IndexOfAny(['(', ShellOperators.NestedStart], start, end - start) < 0) return command[start..end];
        var words = command.ToCharArray(start, end - start);
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            var c = shell[i];
            if (depth > 0 && c is ')' or ShellOperators.NestedEnd) depth--;
            if (depth > 0) words[i - start] = ' ';
            if (c is '(' or ShellOperators.NestedStart) depth++;
        }

        return new string(words);
    }

    private static string? In(string simpleCommand) =>
        Host(SshDestination(), simpleCommand)
        ?? Host(RegistryLogin(), simpleCommand)
        ?? Host(ConnectionStringHost(), simpleCommand)
        ?? Host(UrlHost(), simpleCommand)
        ?? Host(HostOption(), simpleCommand)
        ?? Host(LongHostOption(), simpleCommand);

    private static string? Host(Regex pattern, string command) =>
        pattern.Match(command) is { Success: true } match ? match.Groups["host"].Value : null;

    // export A=… B=…, or assignments alone: a simple command that runs nothing.
    [GeneratedRegex(@"^\s*(?:export\s+)?(?:[A-Za-z_][A-Za-z0-9_]*=(?:'[^']*'|""[^""]*""|\S)*\s*)+$")]
    private static partial Regex OnlySetsVariables();

    // A host as written: a name, an address or a hole ("<db-host>", "{DbHost}"), up to a blank, a quote, an operator,
    // a port or a path.
    private const string HostName = @"(?<host>[A-Za-z0-9<{][^\s'""`;&|:/]*)";
    // An option's value: quoted, or a word.
    private const string OptionValue = @"(?:'[^']*'|""[^""]*""|[^\s;&|]+)";

    // ssh [options] [user@]host: the options that take a value (-p 2222, -i key, -o Opt=v, -J jump) and the flags (-t, -4).
    [GeneratedRegex(@"(?<![\w./-])ssh(?:\s+(?>-[BbcDEeFIiJLlmOopQRSWw]\s*" + OptionValue + @"|-[46AaCfGgKkMNnqsTtVvXxYy]+))*\s+(?:[^\s@'""`;&|]+@)?" + HostName)]
    private static partial Regex SshDestination();

    // docker login [options] registry (also podman, nerdctl, buildah, skopeo, oras, helm registry): -u/-p and the long
    // options that take a value, then flags, then the registry; a registry written as a URL is read as one. Each option
    // is taken whole (atomic): "-p <pw>" read as the flag -p would make the password the registry.
    [GeneratedRegex(@"(?<![\w./-])(?:docker|podman|nerdctl|buildah|skopeo|oras|helm\s+registry)\s+login(?:\s+(?>-[up]\s*" + OptionValue + @"|--(?:username|password|authfile|cert-dir|creds)(?:=|\s+)" + OptionValue + @"|--[\w-]+(?:=" + OptionValue + @")?|-[A-Za-z]+))*\s+(?:[a-z]+://)?" + HostName)]
    private static partial Regex RegistryLogin();

    // A libpq connection string's host ("host=db-1 port=5432 …") or the variable that gives it (PGHOST=db-1).
    [GeneratedRegex(@"(?<![\w.-])(?:host|PGHOST)=['""]?" + HostName)]
    private static partial Regex ConnectionStringHost();

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^\s/@'""]*@)?(?<host>[^\s/:'""`?#]+)")]
    private static partial Regex UrlHost();

    // -h and --host name the server for these clients alone, each checked against its manual: MySQL's and MariaDB's
    // programs, PostgreSQL's (psql, pg_dump, pg_isready, createdb …), redis-cli and its forks valkey-cli and keydb-cli,
    // clickhouse-client, MongoDB's database tools (mongodump …), pgcli and mycli. Elsewhere -h is "human-readable"
    // (df, du, ls, sort, free) or "help", and no host.
    private const string HostOptionClients =
        @"(?:mysql(?:dump|admin|check|import|show)?|mariadb(?:-dump|-admin|-check|-import|-show)?|psql|pg_(?:dump|dumpall|restore|isready|basebackup)"
        + @"|createdb|dropdb|createuser|dropuser|vacuumdb|reindexdb|clusterdb|pgbench|redis-cli|valkey-cli|keydb-cli"
        + @"|clickhouse-client|clickhouse\s+client|mongo(?:dump|restore|export|import|stat|top|files)|pgcli|mycli)";

    // The client's -h/--host, later in its simple command (sudo -u postgres psql -h db-1, kubectl exec … -- mysql -h db-1).
    [GeneratedRegex(@"(?<![\w./-])" + HostOptionClients + @"(?![\w./-]).*?\s(?:-h\s*|--host(?:=|\s+))" + HostName, RegexOptions.Singleline)]
    private static partial Regex HostOption();

    // mongo's and mongosh's --host; their -h is --help.
    [GeneratedRegex(@"(?<![\w./-])mongo(?:sh)?(?![\w./-]).*?\s--host(?:=|\s+)" + HostName, RegexOptions.Singleline)]
    private static partial Regex LongHostOption();
}

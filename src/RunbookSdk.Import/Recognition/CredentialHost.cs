using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// The host a command sends its credential to, where the command writes it: ssh's destination
/// (<c>sshpass -p &lt;pw&gt; ssh ops@db-1</c>), a registry login's registry (<c>docker login -p &lt;pw&gt; reg1.example</c>),
/// a libpq connection string's <c>host=</c> (<c>psql "host=db-1 …"</c>) or <c>PGHOST=</c>, a URL's host, or the
/// <c>-h</c>/<c>--host</c> given (<c>mysql -h db-1</c>, <c>redis-cli -h cache-1</c>); null when it writes none.
/// </summary>
/// <remarks>
/// The tool's own destination comes before a URL: <c>sshpass -p … ssh db-1 'curl http://localhost/…'</c> sends the
/// password to db-1, not to the remote command's URL. A port is no part of the host, as in a URL.
/// Read so that two credentials to two hosts are not named as one (<see cref="PossiblyOneCredential"/>): before, a
/// registry or ssh host was no host, and the passwords of two registries were named as a pair.
/// </remarks>
internal static partial class CredentialHost
{
    /// <summary>The host <paramref name="command"/> sends its credential to, or null when it writes none.</summary>
    public static string? Of(string command) =>
        Host(SshDestination(), command)
        ?? Host(RegistryLogin(), command)
        ?? Host(ConnectionStringHost(), command)
        ?? Host(UrlHost(), command)
        ?? Host(HostOption(), command);

    private static string? Host(Regex pattern, string command) =>
        pattern.Match(command) is { Success: true } match ? match.Groups["host"].Value : null;

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

    [GeneratedRegex(@"(?:^|\s)(?:-h\s*|--host(?:=|\s+))(?<host>[A-Za-z0-9<{][^\s'""`;&|]*)")]
    private static partial Regex HostOption();
}

namespace RunbookSdk.Execution;

/// <summary>
/// The passwords the proxy variables of the environment hold (<c>HTTPS_PROXY=http://user:password@proxy:3128</c>):
/// masked in everything a run shows and journals, as a secret parameter is. .NET names the proxy, credentials and all,
/// in the error of a request the proxy refused (<c>The proxy tunnel request to proxy 'http://user:password@…' failed
/// with status code '407'</c>), and a shell step's <c>env</c> or <c>curl -v</c> prints it too.
/// </summary>
internal static class ProxyPasswords
{
    private static readonly string[] Variables = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"];

    /// <summary>Each password as written in its variable and decoded (<c>p%40ss</c> and <c>p@ss</c>).</summary>
    public static IReadOnlyCollection<string> FromEnvironment(Func<string, string?> environment)
    {
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Variables)
        {
            if (environment(name) is not { Length: > 0 } value) continue;
            // A proxy given without its scheme (proxy:3128, user:pw@proxy:3128) is an http:// one, as curl and .NET read it.
            var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)) continue;
            var colon = uri.UserInfo.IndexOf(':');
            if (colon < 0 || colon == uri.UserInfo.Length - 1) continue;
            var written = uri.UserInfo[(colon + 1)..];
            passwords.Add(written);
            passwords.Add(Uri.UnescapeDataString(written));
        }
        return passwords;
    }
}

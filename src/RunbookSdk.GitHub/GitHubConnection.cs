using Octokit;
using Octokit.Internal;
using RunbookSdk.GitHub.Http;

namespace RunbookSdk.GitHub;

/// <summary>Where and as whom to talk to GitHub.</summary>
/// <param name="Repository">The repository as <c>owner/name</c>.</param>
/// <param name="Token">The token (<c>GITHUB_TOKEN</c>); null to go anonymous, which can read but not write.</param>
/// <param name="ApiUrl">The REST API root: null for github.com, <c>https://host/api/v3/</c> for GitHub Enterprise Server,
/// <c>https://api.SUBDOMAIN.ghe.com/</c> for GHE.com (data residency).</param>
public sealed record GitHubConnection(string Repository, string? Token, Uri? ApiUrl = null)
{
    /// <summary>The repository owner.</summary>
    public string Owner => Split()[0];

    /// <summary>The repository name.</summary>
    public string Name => Split()[1];

    /// <summary>
    /// Reads the token from <c>GITHUB_TOKEN</c> and the API root from <c>GITHUB_API_URL</c> (GitHub Actions sets both;
    /// on GitHub Enterprise Server the latter is <c>https://host/api/v3</c>), unless <paramref name="apiUrl"/> is given,
    /// and the cap on waiting for retries from <see cref="RetryWaitVariable"/>.
    /// </summary>
    /// <param name="repository">The repository as <c>owner/name</c>.</param>
    /// <param name="apiUrl">An explicit API root, or null.</param>
    /// <exception cref="InvalidOperationException"><c>GITHUB_API_URL</c> is used and is not an http(s) URL, or
    /// <see cref="RetryWaitVariable"/> is not a whole number of seconds.</exception>
    public static GitHubConnection FromEnvironment(string repository, Uri? apiUrl = null)
    {
        var token = Environment.GetEnvironmentVariable("GITHUB_TOKEN");
        var fromEnvironment = Environment.GetEnvironmentVariable("GITHUB_API_URL");
        if (apiUrl is null && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                throw new InvalidOperationException($"GITHUB_API_URL '{fromEnvironment}' is not an http(s) URL such as https://HOST/api/v3.");
            apiUrl = parsed;
        }
        var retry = GitHubRetryOptions.Default;
        var wait = Environment.GetEnvironmentVariable(RetryWaitVariable);
        if (!string.IsNullOrWhiteSpace(wait))
        {
            if (!int.TryParse(wait, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                throw new InvalidOperationException($"{RetryWaitVariable} '{wait}' is not a number of seconds such as 60 (0: no retries).");
            retry = retry with { MaxTotalWait = TimeSpan.FromSeconds(seconds) };
        }

        return new GitHubConnection(repository, string.IsNullOrWhiteSpace(token) ? null : token, apiUrl) { Retry = retry };
    }

    /// <summary>
    /// The environment variable that caps, in seconds, how long one run waits for GitHub in all between retries
    /// (default 60; 0 sends every request once).
    /// </summary>
    public const string RetryWaitVariable = "RUNBOOK_GITHUB_RETRY_WAIT";

    /// <summary>How the client retries rate limits and server errors; <see cref="GitHubRetryOptions.Default"/> unless set.</summary>
    public GitHubRetryOptions Retry { get; init; } = GitHubRetryOptions.Default;

    /// <summary>
    /// The proxy requests go through; null for the system's (<c>HTTPS_PROXY</c>, <c>HTTP_PROXY</c>, <c>ALL_PROXY</c> on
    /// Linux). Either way a host <c>NO_PROXY</c> exempts is asked directly, as curl reads <c>NO_PROXY</c>.
    /// </summary>
    public System.Net.IWebProxy? Proxy { get; init; }

    /// <summary>Where <c>NO_PROXY</c> is read from: the process's environment unless a test gives another.</summary>
    internal Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>An Octokit client for this connection, whose requests are retried as <see cref="Retry"/> says.</summary>
    public IGitHubClient CreateClient()
    {
        var product = new ProductHeaderValue("RunbookSdk", typeof(GitHubConnection).Assembly.GetName().Version?.ToString(3) ?? "0");
        var credentials = new InMemoryCredentialStore(Token is null ? Credentials.Anonymous : new Credentials(Token));
        // NO_PROXY read as the runner's HTTP steps read it (NoProxyList): .NET's own reading knows exact names and
        // .domain suffixes only, so a GitHub Enterprise host exempted as 10.0.0.0/8 or corp.example got the token
        // through the corporate proxy, or failed there.
        var proxy = new Execution.NoProxyAwareProxy(Proxy ?? HttpClient.DefaultProxy, Execution.NoProxyList.FromEnvironment(EnvironmentVariable));
        // Octokit has no retry; the handler under its HttpClient adds it for every call the reporters make.
        var http = new HttpClientAdapter(() => new GitHubRetryHandler(Retry) { InnerHandler = HttpMessageHandlerFactory.CreateDefault(proxy) });
        return new GitHubClient(new Connection(product, BaseAddress(ApiUrl), credentials, http, new SimpleJsonSerializer()));
    }

    /// <summary>The API root as Octokit would take it from <paramref name="url"/>, except for GHE.com.</summary>
    private static Uri BaseAddress(Uri? url) => url switch
    {
        null => GitHubClient.GitHubApiUrl,
        { Host: "api.github.com" } => url,
        // GHE.com (data residency) serves the API at https://api.SUBDOMAIN.ghe.com/; Octokit would append /api/v3/
        // to any host but github.com, so the root is taken as it is.
        _ when url.Host.EndsWith(".ghe.com", StringComparison.OrdinalIgnoreCase) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"),
        // GitHub Enterprise Server: https://host/api/v3/, whatever path was given (Octokit's own rule).
        _ => new Uri(url, "/api/v3/"),
    };

    private string[] Split()
    {
        var parts = Repository.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new ArgumentException($"'{Repository}' is not a repository; expected owner/name.", nameof(Repository));
        return parts;
    }
}

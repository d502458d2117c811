using Octokit;
using Octokit.Internal;

namespace RunbookSdk.GitHub;

/// <summary>
/// The account a token writes as, so a reporter updates only comments it wrote. REST <c>GET /user</c> refuses app
/// installation tokens — the workflow's <c>GITHUB_TOKEN</c> among them (403 "Resource not accessible by
/// integration") — but GraphQL's <c>viewer</c> answers for those (<c>github-actions[bot]</c>) and for personal tokens alike.
/// </summary>
/// <param name="Login">The account's login, e.g. <c>github-actions[bot]</c>.</param>
/// <param name="Id">The account's numeric id (a comment's <c>user.id</c>), when GitHub gave it.</param>
public sealed record TokenIdentity(string Login, long? Id)
{
    /// <summary>Whether <paramref name="user"/> is this account.</summary>
    /// <param name="user">A comment's author.</param>
    public bool Is(User? user) =>
        user is not null && (Id is { } id ? user.Id == id : string.Equals(user.Login, Login, StringComparison.OrdinalIgnoreCase));

    /// <summary>Asks GitHub who <paramref name="client"/>'s token is; null when it cannot tell (GraphQL refused or unreachable).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task<TokenIdentity?> OfAsync(IGitHubClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            // The GraphQL endpoint is beside the REST root: /graphql on github.com and GHE.com, /api/graphql on GHES (REST at /api/v3/).
            var uri = new Uri(client.Connection.BaseAddress, client.Connection.BaseAddress.AbsolutePath.EndsWith("/api/v3/", StringComparison.Ordinal) ? "../graphql" : "graphql");
            var response = await client.Connection.Post<ViewerResponse>(uri, new { query = "query { viewer { login databaseId } }" }, "application/json", "application/json", (IDictionary<string, string>?)null, cancellationToken).ConfigureAwait(false);
            return response.Body?.Data?.Viewer is { Login: { Length: > 0 } login } viewer ? new TokenIdentity(login, viewer.DatabaseId) : null;
        }
        catch (Exception exception) when (GitHubErrors.IsGitHubFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>GraphQL's answer: <c>{"data":{"viewer":{"login":…,"databaseId":…}}}</c>.</summary>
    internal sealed class ViewerResponse
    {
        public ViewerData? Data { get; set; }
    }

    internal sealed class ViewerData
    {
        public Viewer? Viewer { get; set; }
    }

    internal sealed class Viewer
    {
        public string? Login { get; set; }

        [Octokit.Internal.Parameter(Key = "databaseId")]
        public long? DatabaseId { get; set; }
    }
}

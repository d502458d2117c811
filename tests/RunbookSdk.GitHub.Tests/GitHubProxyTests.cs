using RunbookSdk.GitHub.Http;
using RunbookSdk.Tests.Runner;

namespace RunbookSdk.GitHub.Tests;

/// <summary>
/// A GitHub Enterprise Server on the internal network, exempted from the corporate proxy by <c>NO_PROXY</c> as curl
/// reads it (a CIDR network, a bare domain). .NET's own reading of <c>NO_PROXY</c> knows exact names and <c>.domain</c>
/// suffixes only: Octokit's requests, with the token, went to the proxy, which answered 502 (or kept them).
/// </summary>
public sealed class GitHubProxyTests
{
    // What a corporate proxy answers for a host it cannot reach.
    private const string Refusal = "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    [Theory]
    [InlineData("127.0.0.0/8")]
    [InlineData("10.0.0.0/8, 127.0.0.1")]
    [InlineData("*")]
    public async Task A_host_no_proxy_exempts_is_asked_directly(string noProxy)
    {
        using var github = new FakeGitHub();
        using var proxy = new RecordingProxy(Refusal);
        var connection = new GitHubConnection("octo/ops", "ghs_secret", github.ApiUrl)
        {
            Proxy = proxy,
            EnvironmentVariable = name => name == "NO_PROXY" ? noProxy : null,
        };

        github.AddIssue("Incident: API down", "body");

        var issues = await connection.CreateClient().Issue.GetAllForRepository("octo", "ops");

        Assert.Equal("Incident: API down", Assert.Single(issues).Title);
        Assert.Empty(proxy.RequestLines);
    }

    [Fact]
    public async Task A_host_no_proxy_does_not_exempt_goes_through_the_proxy()
    {
        using var github = new FakeGitHub();
        using var proxy = new RecordingProxy(Refusal);
        var connection = new GitHubConnection("octo/ops", "ghs_secret", github.ApiUrl)
        {
            Proxy = proxy,
            EnvironmentVariable = name => name == "NO_PROXY" ? "10.0.0.0/8,corp.example" : null,
            Retry = GitHubRetryOptions.Default with { MaxTotalWait = TimeSpan.Zero },
        };

        await Assert.ThrowsAnyAsync<Exception>(() => connection.CreateClient().Issue.GetAllForRepository("octo", "ops"));

        Assert.Contains(proxy.RequestLines, line => line.StartsWith("GET http://127.0.0.1:", StringComparison.Ordinal));
        Assert.Empty(github.Requests);
    }
}

using Octokit;

namespace RunbookSdk.GitHub.Tests;

/// <summary>The API root the client talks to, for github.com, GitHub Enterprise Server and GitHub Enterprise Cloud with data residency.</summary>
public sealed class GitHubConnectionTests
{
    [Theory]
    [InlineData(null, "https://api.github.com/")]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://ghes.example.com/api/v3", "https://ghes.example.com/api/v3/")]
    [InlineData("https://ghes.example.com/api/v3/", "https://ghes.example.com/api/v3/")]
    // GitHub Actions sets GITHUB_API_URL=https://api.SUBDOMAIN.ghe.com on GHE.com: the API is at the host's root, not /api/v3.
    [InlineData("https://api.octocorp.ghe.com", "https://api.octocorp.ghe.com/")]
    [InlineData("https://api.octocorp.ghe.com/", "https://api.octocorp.ghe.com/")]
    public void TheClientTalksToTheGivenApiRoot(string? apiUrl, string expected)
    {
        var connection = new GitHubConnection("octo/ops", "ghs_test", apiUrl is null ? null : new Uri(apiUrl));

        var client = (GitHubClient)connection.CreateClient();

        Assert.Equal(new Uri(expected), client.Connection.BaseAddress);
    }

    [Fact]
    public void TheWaitForRetriesIsCappedFromTheEnvironment()
    {
        var before = Environment.GetEnvironmentVariable(GitHubConnection.RetryWaitVariable);
        try
        {
            Environment.SetEnvironmentVariable(GitHubConnection.RetryWaitVariable, "0");
            Assert.Equal(TimeSpan.Zero, GitHubConnection.FromEnvironment("octo/ops").Retry.MaxTotalWait);

            Environment.SetEnvironmentVariable(GitHubConnection.RetryWaitVariable, null);
            Assert.Equal(TimeSpan.FromSeconds(60), GitHubConnection.FromEnvironment("octo/ops").Retry.MaxTotalWait);

            Environment.SetEnvironmentVariable(GitHubConnection.RetryWaitVariable, "a minute");
            Assert.Contains(GitHubConnection.RetryWaitVariable, Assert.Throws<InvalidOperationException>(() => GitHubConnection.FromEnvironment("octo/ops")).Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(GitHubConnection.RetryWaitVariable, before);
        }
    }
}

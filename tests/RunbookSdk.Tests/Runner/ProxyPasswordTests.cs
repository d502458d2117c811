using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>The password a proxy variable holds is masked as a secret parameter is.</summary>
public sealed class ProxyPasswordTests
{
    private const string Password = "pr0xy-p4ss";

    [Fact]
    public async Task A_proxy_that_refuses_the_tunnel_does_not_put_its_password_on_the_console_or_in_the_journal()
    {
        // A bastion whose HTTPS_PROXY carries the team's proxy account. The proxy refused the CONNECT (407), and .NET's
        // error named the proxy with its credentials: the step's reason, the closing "error:" line and the journal
        // (and so the incident issue) held the password in clear.
        using var proxy = new RecordingProxy("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var temp = new TempDirectory();
        await SandboxApp.EnsureBuiltAsync();
        var proxyUrl = proxy.GetProxy(new Uri("https://status.example/")).ToString().Replace("http://", $"http://ops:{Password}@");
        var environment = new Dictionary<string, string?>
        {
            ["HTTPS_PROXY"] = proxyUrl, ["https_proxy"] = null, ["HTTP_PROXY"] = proxyUrl, ["http_proxy"] = null,
            ["ALL_PROXY"] = null, ["all_proxy"] = null, ["NO_PROXY"] = null, ["no_proxy"] = null,
        };

        var (exitCode, output) = await SandboxApp.RunAsync(temp.Path, environment,
            "run", "sandbox-dependency-fault", "BaseUrl=https://sandbox.example", "--non-interactive", "--yes", "--journal", "journal.jsonl");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("CONNECT sandbox.example:443", proxy.RequestLines[^1]);
        Assert.Contains("failed with status code '407'", output);
        Assert.Contains("ops:***@", output);
        Assert.DoesNotContain(Password, output);
        Assert.DoesNotContain(Password, File.ReadAllText(temp.File("journal.jsonl")));
    }

    [Theory]
    [InlineData("http://ops:p%40ss@proxy:3128", new[] { "p%40ss", "p@ss" })]
    [InlineData("ops:secret@proxy:3128", new[] { "secret" })]
    [InlineData("http://proxy:3128", new string[0])]
    [InlineData("http://ops@proxy:3128", new string[0])]
    public void Reads_the_password_of_a_proxy_variable(string value, string[] expected) =>
        Assert.Equal(expected.Order(), ProxyPasswords.FromEnvironment(name => name == "HTTPS_PROXY" ? value : null).Order());
}

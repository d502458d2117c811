using System.Net;
using System.Net.Sockets;
using System.Text;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>NO_PROXY as curl reads it: an HTTP step goes where the curl of a shell step beside it goes.</summary>
public sealed class NoProxyTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "http://10.20.30.40/admin", true)]
    [InlineData("10.0.0.0/8", "http://11.0.0.1/admin", false)]
    [InlineData("169.254.169.254", "http://169.254.169.254/latest", true)]
    [InlineData("fd00::/8", "http://[fd12::1]:8080/", true)]
    [InlineData("*", "https://status.example.com/", true)]
    [InlineData("corp.example", "https://lb.admin.corp.example/pools", true)]
    [InlineData("corp.example", "https://corp.example/", true)]
    [InlineData("corp.example", "https://notcorp.example/", false)]
    [InlineData(".corp.example", "https://api.corp.example/", true)]
    [InlineData("*.corp.example", "https://api.corp.example/", true)]
    [InlineData("API.Corp.Example", "https://api.corp.example/", true)]
    [InlineData("flags.internal:8443", "https://flags.internal:8443/", true)]
    [InlineData("flags.internal:8443", "https://flags.internal/", false)]
    [InlineData("localhost, 127.0.0.1 ,.svc", "http://payments.svc/", true)]
    [InlineData("", "http://10.0.0.1/", false)]
    public void Exempts_hosts_as_curl_does(string noProxy, string url, bool exempt) =>
        Assert.Equal(exempt, NoProxyList.FromEnvironment(name => name == "NO_PROXY" ? noProxy : null).Exempts(new Uri(url)));

    [Fact]
    public void The_lower_case_name_comes_first_as_in_curl() =>
        Assert.True(NoProxyList.FromEnvironment(name => name switch { "no_proxy" => "10.0.0.0/8", "NO_PROXY" => "other", _ => null })
            .Exempts(new Uri("http://10.1.1.1/")));

    [Theory]
    [InlineData("10.0.0.0/8,127.0.0.0/8")]
    [InlineData("*")]
    public async Task A_host_no_proxy_exempts_is_asked_directly_and_the_proxy_never_sees_its_token(string noProxy)
    {
        // The load balancer's admin API on an internal address, exempted from the corporate proxy as the team's curl
        // knows it. .NET's own NO_PROXY reading knew neither a CIDR nor "*": the request, bearer token and all, went to
        // the proxy, which answered 403 at 3 a.m.
        using var proxy = new RecordingProxy();
        using var service = new NonShellStepFailureTests.TestHttpServer(context => NonShellStepFailureTests.TestHttpServer.ReplyAsync(context, 200, "pool drained"));
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Drain", s => s.Http("GET", p["Url"] + "pools/web").Header("Authorization", "Bearer " + p["Token"]).ExpectBodyContains("drained")))
            .NoRollback("test"))
            .Parameter("Url", service.Url)
            .Parameter("Token", "lb-admin-token", secret: true);

        var result = await run.RunAsync(TestRun.NonInteractive with
        {
            Proxy = proxy,
            EnvironmentVariable = name => name == "NO_PROXY" ? noProxy : null,
        });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(proxy.RequestLines);
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task A_host_no_proxy_does_not_exempt_goes_through_the_proxy()
    {
        using var proxy = new RecordingProxy();
        using var service = new NonShellStepFailureTests.TestHttpServer(context => NonShellStepFailureTests.TestHttpServer.ReplyAsync(context, 200, "direct"));
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Status", s => s.Http("GET", p["Url"] + "status").ExpectBodyContains("proxied")))
            .NoRollback("test"))
            .Parameter("Url", service.Url);

        var result = await run.RunAsync(TestRun.NonInteractive with
        {
            Proxy = proxy,
            EnvironmentVariable = name => name == "NO_PROXY" ? "10.0.0.0/8,.corp.example" : null,
        });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["GET " + service.Url + "status HTTP/1.1"], proxy.RequestLines);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task The_sandbox_runner_asks_a_service_NO_PROXY_exempts_by_its_network_as_its_curl_step_does()
    {
        // The real runner process with the environment of a corporate bastion: everything through the proxy, the
        // internal networks exempted by CIDR. Its curl step went direct; its HTTP steps went to the proxy.
        await using var service = await SandboxService.StartAsync();
        using var proxy = new RecordingProxy();
        using var temp = new Support.TempDirectory();
        await service.PostAsync("/fault", "on");
        var proxyUrl = proxy.GetProxy(new Uri(service.BaseUrl)).ToString();
        var environment = new Dictionary<string, string?>
        {
            ["HTTP_PROXY"] = proxyUrl, ["http_proxy"] = proxyUrl, ["HTTPS_PROXY"] = proxyUrl, ["https_proxy"] = null,
            ["ALL_PROXY"] = null, ["all_proxy"] = null, ["NO_PROXY"] = "10.0.0.0/8,127.0.0.0/8", ["no_proxy"] = null,
        };

        var (exitCode, output) = await SandboxApp.RunAsync(temp.Path, environment,
            "run", "sandbox-dependency-fault", $"BaseUrl={service.BaseUrl}", "--non-interactive", "--yes", "--journal", "journal.jsonl");

        Assert.True(exitCode == 0, output);
        Assert.Empty(proxy.RequestLines);
        Assert.Equal(200, (await service.GetAsync("/health")).Status);
    }
}

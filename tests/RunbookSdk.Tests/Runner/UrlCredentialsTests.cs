using System.Text;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>A URL's user:password is sent as Basic credentials, as curl sends it.</summary>
public sealed class UrlCredentialsTests
{
    [Fact]
    public async Task The_user_and_password_of_a_url_reach_the_server_as_basic_credentials()
    {
        // The load balancer's admin API as its curl one-liner has it: https://ops:PASSWORD@lb/admin. .NET dropped the
        // credentials without a word, and the step failed 401 at 3 a.m. with nothing saying why.
        const string password = "p@ss:w0rd/ü";
        using var service = new TestHttpServer(context => TestHttpServer.ReplyAsync(context,
            context.Request.Headers["Authorization"] is null ? 401 : 200, "pool drained"));
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Drain", s => s.Http("POST", p["Url"].Replace("http://", "http://ops:" + Uri.EscapeDataString(p["Password"]) + "@") + "pools/web/drain").Body("{}"))
                .Step("Own header wins", s => s.Http("GET", p["Url"].Replace("http://", "http://ops:x@") + "pools").Header("Authorization", "Bearer t0ken")))
            .NoRollback("test"))
            .Parameter("Url", service.Url)
            .Parameter("Password", password, secret: true);

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + password)), service.Requests[0].Headers["Authorization"]);
        Assert.Equal("/pools/web/drain", service.Requests[0].Path);
        Assert.Equal("Bearer t0ken", service.Requests[1].Headers["Authorization"]);
        Assert.Contains("POST http://ops:***@", result.Output);
        Assert.DoesNotContain("p%40ss", result.Output);
    }
}

using System.Net;
using RunbookSdk.Tests.Runner;

namespace RunbookSdk.Tests.Requests;

/// <summary>
/// A parameter value in an HTTP step's query or path reaches a real server on 127.0.0.1 as that one value: before,
/// <c>?user={User}</c> with <c>a&amp;role=admin</c> sent a second query parameter, and <c>#</c> cut the URL short.
/// </summary>
public sealed class EncodedUrlRequestTests
{
    [Fact]
    public async Task A_query_and_path_value_reach_the_server_as_one_value_each()
    {
        var received = new List<(string Path, string? User, string? Role)>();
        using var server = new NonShellStepFailureTests.TestHttpServer(context =>
        {
            lock (received) received.Add((context.Request.Url!.AbsolutePath, context.Request.QueryString["user"], context.Request.QueryString["role"]));
            return NonShellStepFailureTests.TestHttpServer.ReplyAsync(context, 200, "ok");
        });
        using var run = new TestRun((rb, p) => rb
            .Phase("Look", ph => ph.Step("Fetch", s => s
                .Http("GET", $"{p["Url"]}accounts/{p["Account"]}/sessions?user={p["User"]}&role=viewer")
                .ExpectStatus(200)))
            .NoRollback("read only"))
            .Parameter("Url", server.Url)
            .Parameter("Account", "eu west#1")
            .Parameter("User", "a&role=admin");

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        var (path, user, role) = Assert.Single(received);
        Assert.Equal("/accounts/eu%20west%231/sessions", path);
        Assert.Equal("a&role=admin", user);
        Assert.Equal("viewer", role);
    }
}

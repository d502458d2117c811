using System.Text.Json;
using RunbookSdk.Tests.Runner;

namespace RunbookSdk.Tests.Requests;

/// <summary>
/// A parameter value in a JSON body reaches a real server on 127.0.0.1 as that one value: before, a <c>"</c> in it
/// ended the string, so <c>{"user": "{User}"}</c> with <c>a", "role": "admin</c> sent a second field, and a blank
/// count sent JSON the server could not parse. A secret in the body is still masked in the journal and on the console.
/// </summary>
public sealed class EscapedJsonBodyRequestTests
{
    [Fact]
    public async Task A_string_and_a_number_reach_the_server_as_one_JSON_value_each()
    {
        using var server = new NonShellStepFailureTests.TestHttpServer(context => NonShellStepFailureTests.TestHttpServer.ReplyAsync(context, 200, "ok"));
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Grant", s => s
                .Http("POST", $"{p["Url"]}grants")
                .Body($$"""{"user": "{{p["User"]}}", "token": "{{p["Token"]}}", "days": {{int.Parse(p["Days"])}}}""")
                .ExpectStatus(200)))
            .NoRollback("test"))
            .Parameter("Url", server.Url)
            .Parameter("User", "mallory\", \"role\": \"admin")
            .Parameter("Token", "s3cr\"et-token", secret: true)
            .Parameter("Days", "7");

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        var request = Assert.Single(server.Requests);
        var (contentType, body) = (request.Headers["Content-Type"], request.Body);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("mallory\", \"role\": \"admin", json.GetProperty("user").GetString());
        Assert.Equal("s3cr\"et-token", json.GetProperty("token").GetString());
        Assert.Equal(7, json.GetProperty("days").GetInt32());
        Assert.False(json.TryGetProperty("role", out _));
        Assert.DoesNotContain("s3cr", File.ReadAllText(run.JournalPath), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", result.Output, StringComparison.Ordinal);
    }
}

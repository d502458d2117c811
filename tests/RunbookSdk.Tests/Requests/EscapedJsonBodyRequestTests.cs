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

    // The body handler leaves an emoji, DEL or U+FEFF as it is, where every JSON encoder the
    // masker knew writes them as \uXXXX: a secret holding one and a " was masked in none of the forms the body
    // carried it in, and a server echoing the body it refused showed it in clear on the console and in the journal.
    [Theory]
    [InlineData("\U0001F511s3cr\"et")]
    [InlineData("s3cr\"et\u007F")]
    [InlineData("\uFEFFs3cr\"et")]
    public Task A_secret_in_a_JSON_body_echoed_by_the_server_is_masked_as_the_body_carried_it(string secret) =>
        AssertMaskedWhenEchoedFromTheBodyAsync(secret);

    /// <summary>
    /// Sends <paramref name="secret"/> in a JSON body to a real server on 127.0.0.1 that refuses it, echoing the body it
    /// read: the reply is shown and journaled with the secret masked, in whatever form the body carried it.
    /// </summary>
    internal static async Task AssertMaskedWhenEchoedFromTheBodyAsync(string secret)
    {
        var (result, journal) = await LogInRefusedAsync(secret, received => ("refused: " + received, "text/plain"));

        Assert.Equal(1, result.ExitCode);
        Assert.True(result.Output.Contains("refused: {\"password\": \"***\"}", StringComparison.Ordinal), result.Output);
        Assert.DoesNotContain("s3cr", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", journal, StringComparison.Ordinal);
    }

    // An API gateway refusing the request echoes the JSON body it got inside a JSON string of its own error, which
    // escapes the body's escapes once more: the secret s3cr"et, sent as s3cr\"et, came back as s3cr\\\"et (or, from
    // an encoder that escapes quotes as \u0022, s3cr\\\u0022et), a form the masker did not know, shown in clear on the
    // console and in the journal.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_secret_in_a_JSON_body_echoed_inside_a_JSON_string_is_masked(bool relaxedEncoder)
    {
        var encoder = new JsonSerializerOptions { Encoder = relaxedEncoder ? System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null };
        var (result, journal) = await LogInRefusedAsync("s3cr\"et\\x",
            received => (JsonSerializer.Serialize(new { message = "Invalid request body: " + received }, encoder), "application/json"));

        Assert.Equal(1, result.ExitCode);
        Assert.True(result.Output.Contains("Invalid request body: ", StringComparison.Ordinal) && result.Output.Contains("***", StringComparison.Ordinal), result.Output);
        Assert.DoesNotContain("s3cr", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", journal, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs a step that logs in with <paramref name="secret"/> as the password of a JSON body, against a real server on
    /// 127.0.0.1 that answers 400 with the error <paramref name="errorFor"/> makes of the body it read.
    /// </summary>
    private static async Task<(RunResult Result, string Journal)> LogInRefusedAsync(string secret, Func<string, (string Body, string ContentType)> errorFor)
    {
        NonShellStepFailureTests.TestHttpServer? server = null;
        using var listening = server = new NonShellStepFailureTests.TestHttpServer(context =>
        {
            // The server has read the body by now (TestHttpServer records each request before it answers).
            string received;
            lock (server!.Requests) received = server.Requests.Last().Body;
            var (body, contentType) = errorFor(received);
            return NonShellStepFailureTests.TestHttpServer.ReplyAsync(context, 400, body, contentType);
        });
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Log in", s => s
                .Http("POST", $"{p["Url"]}login")
                .Body($$"""{"password": "{{p["Password"]}}"}""")
                .ExpectStatus(200)))
            .NoRollback("test"))
            .Parameter("Url", server.Url)
            .Parameter("Password", secret, secret: true);

        var result = await run.RunAsync();
        return (result, File.ReadAllText(run.JournalPath));
    }

    [Fact]
    public async Task The_dry_run_shows_a_secret_in_a_JSON_body_masked()
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Log in", s => s
                .Http("POST", "https://auth.example.com/login")
                .Body($$"""{"password": "{{p["Password"]}}"}""")))
            .NoRollback("test"))
            .Parameter("Password", "\U0001F511s3cr\"et", secret: true);

        var result = await Support.Host.RunAsync(run.Catalog(), "run", run.Id, "--dry-run", "Password=\U0001F511s3cr\"et");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("body: {\"password\": \"***\"}", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", result.Output, StringComparison.Ordinal);
    }
}

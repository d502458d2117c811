using System.Text;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A <c>[Secret]</c> sent as HTTP Basic credentials travels as <c>base64(user:password)</c>, a form no mask of the
/// secret itself matches: a server echoing the request's headers (a debug endpoint, httpbin's <c>/headers</c>, an error
/// page) showed it on the console, in the journal and in a failed check's reason, where anyone decodes it.
/// </summary>
public sealed class BasicCredentialsMaskingTests
{
    private const string Password = "s3cr3t-Pa55word";
    private static readonly string Token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"ops:{Password}"));

    [Fact]
    public async Task The_basic_credentials_a_urls_secret_password_is_sent_as_are_masked_where_a_server_echoes_them()
    {
        using var server = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 200,
            $$"""{"authorization":"{{context.Request.Headers["Authorization"]}}"}""", "application/json"));
        var host = server.Url["http://".Length..];
        using var run = new TestRun((rb, p) => rb
            .Phase("Check", ph => ph.Step("Headers", s => s.Http("GET", $"http://ops:{p["Password"]}@{host}headers").ExpectJson("authorization", "none")))
            .NoRollback("test"))
            .Parameter("Password", Password, secret: true);

        var result = await run.RunAsync();

        // Sent as it must be: masking is of what is shown, never of what goes.
        Assert.Equal($"Basic {Token}", Assert.Single(server.Requests).Headers["Authorization"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("""{"authorization":"Basic ***"}""", result.Output);
        Assert.Equal("""JSON authorization is the string "Basic ***", expected none""", result.Events("step-finished").Single()["reason"]);
        Assert.DoesNotContain(Token, result.Output);
        Assert.DoesNotContain(Token, File.ReadAllText(run.JournalPath));
        Assert.DoesNotContain(Password, result.Output);
    }

    [Fact]
    public async Task An_authorization_header_the_runbook_builds_from_a_secret_is_masked_in_the_dry_run_and_the_live_run()
    {
        using var server = new TestHttpServer(context => TestHttpServer.ReplyAsync(context, 200,
            $"you sent: {context.Request.Headers["Authorization"]}"));
        using var run = new TestRun((rb, p) => rb
            .Phase("Check", ph => ph.Step("Headers", s => s
                .Http("GET", server.Url + "headers")
                .Header("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"ops:{p["Password"]}")))))
            .NoRollback("test"))
            .Parameter("Password", Password, secret: true);
        var console = new PlainConsole();

        await new DryRunPrinter(console.Console).ExecuteAsync(run.Bind(), CancellationToken.None);
        var result = await run.RunAsync();

        Assert.Contains("header Authorization: Basic ***", console.Output);
        Assert.DoesNotContain(Token, console.Output);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("you sent: Basic ***", result.Output);
        Assert.DoesNotContain(Token, result.Output);
        Assert.DoesNotContain(Token, File.ReadAllText(run.JournalPath));
    }

    [Fact]
    public void A_basic_header_that_holds_no_secret_is_left_as_it_is()
    {
        // A public demo credential is no secret: masking every Basic header would hide what a reader needs to see.
        var demo = Convert.ToBase64String(Encoding.UTF8.GetBytes("demo:demo"));
        using var run = new TestRun((rb, p) => rb
            .Phase("Check", ph => ph.Step("Demo", s => s.Http("GET", "http://127.0.0.1:1/x").Header("Authorization", "Basic " + demo)))
            .NoRollback("test"))
            .Parameter("Password", Password, secret: true);

        Assert.Equal(demo, run.Bind().Secrets.Mask(demo));
    }
}

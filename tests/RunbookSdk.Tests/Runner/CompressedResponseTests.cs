using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using RunbookSdk.Execution;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// An HTTP step's response sent compressed (<c>Content-Encoding: gzip</c>, <c>deflate</c>, <c>br</c>), as APIs behind
/// nginx or a CDN send it when asked, and some send it always. Before, the body was not decoded: ExpectJson and
/// ExpectBodyContains read compressed bytes and failed, and the console, the journal and the output kept for later steps
/// held garbage.
/// </summary>
public sealed class CompressedResponseTests
{
    private const string Json = """{"status":"ok","version":"2.4.1"}""";

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task A_body_the_server_compresses_when_asked_is_decoded_for_the_checks_the_console_the_journal_and_later_steps(string encoding)
    {
        // As nginx with "gzip on": compressed only for a client that says it takes that encoding.
        using var server = new TestHttpServer(context => context.Request.Headers["Accept-Encoding"]?.Contains(encoding, StringComparison.Ordinal) == true
            ? ReplyCompressedAsync(context, encoding, Encoding.UTF8.GetBytes(Json))
            : TestHttpServer.ReplyAsync(context, 200, """{"status":"uncompressed"}""", "application/json"));
        string? kept = null;
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph
                .Step("Health", s => s.Http("GET", server.Url + "health").ExpectStatus(200).ExpectJson("status", "ok").ExpectBodyContains("2.4.1"))
                .Step("Read it", s => s.Execute("read the answer", ctx => { kept = ctx.Outputs["Health"]; return Task.CompletedTask; })))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(Json, kept);
        Assert.Contains(Json, result.Output);
        Assert.Contains($"-> 200 ({Json.Length} bytes)", result.Output);
        var action = result.Events("action").Single(e => e["kind"] == "http");
        Assert.Equal(Json, Assert.Single(action.Fields.GetProperty("outputTail").EnumerateArray()).GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json))), action["outputSha256"]);
    }

    [Fact]
    public async Task A_body_sent_gzipped_unasked_is_decoded_and_a_secret_in_it_is_masked()
    {
        // Some servers compress whatever the client says; this one echoes the token in its answer, as a debug endpoint does.
        const string Token = "s3cr3t-t0ken-value";
        using var server = new TestHttpServer(context => ReplyCompressedAsync(context, "gzip",
            Encoding.UTF8.GetBytes($$"""{"status":"ok","echo":"{{context.Request.Headers["X-Token"]}}"}""")));
        using var run = new TestRun((rb, p) => rb
            .Phase("Check", ph => ph.Step("Ask", s => s.Http("GET", p["Url"]).Header("X-Token", p["Token"]).ExpectJson("status", "ok")))
            .NoRollback("test"))
            .Parameter("Url", server.Url)
            .Parameter("Token", Token, secret: true);

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("""{"status":"ok","echo":"***"}""", result.Output);
        Assert.DoesNotContain(Token, result.Output);
        Assert.DoesNotContain(Token, File.ReadAllText(run.JournalPath));
    }

    [Fact]
    public async Task A_small_compressed_body_that_decodes_past_the_cap_is_read_only_up_to_the_cap()
    {
        // 20 MiB of one character gzip to about 20 KiB: the cap is on what the runner decodes and holds, not on what
        // arrived, or a small answer would fill the runner's memory.
        var size = LiveRun.MaxBodyBytes + 4 * 1024 * 1024;
        var whole = Encoding.ASCII.GetBytes(new string('a', size));
        using var server = new TestHttpServer(context => ReplyCompressedAsync(context, "gzip", whole));
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Dump", s => s.Http("GET", server.Url).ExpectStatus(200)))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("true", result.Events("action").Single()["bodyTruncated"]);
        Assert.Contains("the first 16 MiB of a longer body; the rest was not read", result.Output);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_body_marked_compressed_that_is_not_fails_its_step_saying_so_and_is_journaled_with_its_status(string encoding)
    {
        // A misconfigured proxy that adds Content-Encoding to a body it did not compress: the decoder throws on the
        // first bytes. Before, that escaped as an InvalidDataException with no action journaled for the request.
        using var server = new TestHttpServer(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.AddHeader("Content-Encoding", encoding);
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(Json));
            context.Response.Close();
        });
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("POST", server.Url + "deploy").Body("{}")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        var reason = result.Events("step-finished").Single()["reason"];
        Assert.StartsWith("status 200 arrived, but its body could not be decoded: it is marked compressed (Content-Encoding) and is not: ", reason);
        var action = result.Events("action").Single(e => e["kind"] == "http");
        Assert.Equal("200", action["status"]);
        Assert.StartsWith("body could not be decoded", action["error"]);
        // The POST was answered: it took effect, whatever its body held, and a resume must not send it again unasked.
        Assert.Equal("true", action["outcomeUnknown"]);
    }

    /// <summary>Answers 200 with the body compressed in the encoding named, as the Content-Encoding header says.</summary>
    [Fact]
    public async Task A_raw_deflate_body_without_the_zlib_header_is_decoded()
    {
        // Old IIS (and some embedded servers) send Content-Encoding: deflate as raw deflate (RFC 1951), without the zlib
        // wrapper HTTP names: browsers and curl read it. Before, it was refused as "marked compressed and is not".
        using var server = new TestHttpServer(async context =>
        {
            using var compressed = new MemoryStream();
            await using (var encoder = new DeflateStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                await encoder.WriteAsync(Encoding.UTF8.GetBytes(Json));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.AddHeader("Content-Encoding", "deflate");
            await context.Response.OutputStream.WriteAsync(compressed.ToArray());
            context.Response.Close();
        });
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("GET", server.Url + "health").ExpectJson("status", "ok").ExpectBodyContains("2.4.1")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"-> 200 ({Json.Length} bytes)", result.Output);
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("gzip")]
    public async Task A_step_that_sets_its_own_accept_encoding_sends_it_as_set(string acceptEncoding)
    {
        // A step checking that the origin serves an uncompressed body (identity), or that it compresses with gzip alone.
        string? received = null;
        using var server = new TestHttpServer(context =>
        {
            received = context.Request.Headers["Accept-Encoding"];
            return TestHttpServer.ReplyAsync(context, 200, Json, "application/json");
        });
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("GET", server.Url + "health").Header("Accept-Encoding", acceptEncoding).ExpectJson("status", "ok")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(acceptEncoding, received);
    }

    [Fact]
    public async Task A_step_without_an_accept_encoding_says_it_takes_every_coding_the_runner_decodes()
    {
        string? received = null;
        using var server = new TestHttpServer(context =>
        {
            received = context.Request.Headers["Accept-Encoding"];
            return TestHttpServer.ReplyAsync(context, 200, Json, "application/json");
        });
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("GET", server.Url + "health").ExpectJson("status", "ok")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("gzip, deflate, br", received);
    }

    internal static async Task ReplyCompressedAsync(HttpListenerContext context, string encoding, byte[] body)
    {
        using var compressed = new MemoryStream();
        await using (Stream encoder = encoding switch
        {
            "gzip" => new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
            // HTTP's "deflate" is the zlib format (RFC 9110), not raw deflate.
            "deflate" => new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
        })
        {
            await encoder.WriteAsync(body);
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.AddHeader("Content-Encoding", encoding);
        await context.Response.OutputStream.WriteAsync(compressed.ToArray());
        context.Response.Close();
    }
}

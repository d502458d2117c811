using System.IO.Compression;
using System.Text;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Response bodies whose <c>Content-Encoding</c> the runner must read exactly or refuse: an encoding it does not decode
/// (<c>zstd</c>), a compressed stream cut short inside a complete HTTP body, and encodings stacked on one another
/// (<c>gzip, gzip</c>). Before, each reached the checks, the console and the journal as bytes the runner took for the body.
/// </summary>
public sealed class ContentEncodingLayersTests
{
    private const string Json = """{"status":"ok","version":"2.4.1","note":"the whole answer arrived"}""";

    [Theory]
    [InlineData("zstd")]
    [InlineData("compress")]
    [InlineData("gzip, zstd")]
    public async Task A_body_in_an_encoding_the_runner_cannot_decode_fails_its_step_naming_it_and_is_journaled_with_its_status(string encoding)
    {
        // A CDN answering with Zstandard: the bytes are no text, and the check failing on them said nothing of why.
        var zstdFrame = new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x05, 0x29, 0x00, 0x00, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' };
        using var server = new TestHttpServer(context => ReplyRawAsync(context, encoding, zstdFrame));
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("GET", server.Url + "health").ExpectBodyContains("hello")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        var reason = result.Events("step-finished").Single()["reason"];
        var unknown = encoding.Split(',')[^1].Trim();
        Assert.Equal($"status 200 arrived, but its body could not be decoded: it is encoded '{unknown}' (Content-Encoding: {encoding}), which the runner cannot decode; it decodes gzip, deflate and br", reason);
        var action = result.Events("action").Single(e => e["kind"] == "http");
        Assert.Equal("200", action["status"]);
        Assert.StartsWith($"body could not be decoded: it is encoded '{unknown}'", action["error"]);
        Assert.Null(action["outputTail"]);
        Assert.DoesNotContain("(Content-Encoding: " + encoding + ")\n\u0028\u00B5", result.Output);
        Assert.DoesNotContain("-> 200", result.Output);
    }

    [Fact]
    public async Task An_empty_body_in_an_encoding_the_runner_cannot_decode_is_no_body()
    {
        // A HEAD's answer names the encoding the GET's body would have; there is nothing to decode.
        using var server = new TestHttpServer(context => ReplyRawAsync(context, "zstd", []));
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("HEAD", server.Url + "health").ExpectStatus(200)))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("-> 200 (0 bytes)", result.Output);
    }

    [Theory]
    [InlineData("gzip", 8)]
    [InlineData("gzip", 4)]
    [InlineData("gzip", -2)]
    [InlineData("deflate", 4)]
    [InlineData("deflate", -2)]
    [InlineData("br", 3)]
    [InlineData("br", -2)]
    public async Task A_compressed_body_cut_short_inside_a_complete_response_fails_as_an_undecodable_body(string encoding, int cut)
    {
        // A proxy that buffered part of a compressed answer and sent it with a Content-Length of that part: the HTTP body
        // is whole, the compressed stream in it is not. Before, it was decoded as far as it went and a check on its first
        // half passed. A positive cut drops that many bytes from the end (the trailer), a negative one keeps 1/-cut of it.
        var whole = Compress(encoding, Encoding.UTF8.GetBytes(Json + "\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"line {i}\n"))));
        var kept = cut > 0 ? whole[..^cut] : whole[..(whole.Length / -cut)];
        using var server = new TestHttpServer(context => ReplyRawAsync(context, encoding, kept));
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("GET", server.Url + "health").ExpectBodyContains("\"status\":\"ok\"")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 1, result.Output);
        var reason = result.Events("step-finished").Single()["reason"];
        Assert.Equal($"status 200 arrived, but its body could not be decoded: its {encoding} data ends before the encoding's end: the body was cut short", reason);
        var action = result.Events("action").Single(e => e["kind"] == "http");
        Assert.Equal("200", action["status"]);
        Assert.Equal("true", action["outcomeUnknown"]);
    }

    [Theory]
    [InlineData("gzip", "\n")]
    [InlineData("gzip", "\r\n")]
    [InlineData("deflate", "\n")]
    [InlineData("br", "\n")]
    public async Task A_compressed_body_followed_by_a_line_break_is_read_whole(string encoding, string after)
    {
        // A server that ends every answer with a line break, after the compressed data: the decoders, curl and browsers
        // ignore it, and it is no sign of a body cut short.
        byte[] body = [.. Compress(encoding, Encoding.UTF8.GetBytes(Json)), .. Encoding.ASCII.GetBytes(after)];
        using var server = new TestHttpServer(context => ReplyRawAsync(context, encoding, body));
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("GET", server.Url + "health").ExpectJson("status", "ok")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Theory]
    [InlineData("gzip, gzip")]
    [InlineData("deflate, br")]
    [InlineData("br, gzip, deflate")]
    [InlineData("identity, gzip")]
    public async Task A_body_with_stacked_encodings_is_decoded_layer_by_layer_in_reverse_order(string encodings)
    {
        // RFC 9110 8.4: the codings are listed in the order they were applied. A proxy gzipping an answer its origin
        // had gzipped already sends "gzip, gzip"; before, one layer was decoded and the checks read gzip bytes.
        var body = Encoding.UTF8.GetBytes(Json);
        foreach (var coding in encodings.Split(',', StringSplitOptions.TrimEntries)) body = coding == "identity" ? body : Compress(coding, body);
        using var server = new TestHttpServer(context => ReplyRawAsync(context, encodings, body));
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph.Step("Health", s => s.Http("GET", server.Url + "health").ExpectJson("status", "ok").ExpectBodyContains("2.4.1")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains(Json, result.Output);
        Assert.Contains($"-> 200 ({Json.Length} bytes)", result.Output);
    }

    [Fact]
    public async Task A_gzip_body_of_several_members_is_read_whole_and_an_empty_one_as_no_body()
    {
        // gzip allows members one after another (a server appending compressed chunks); each has its own trailer, and the
        // last one's says nothing of the first: the check must not take such a body for one cut short.
        var first = Compress("gzip", Encoding.UTF8.GetBytes("""{"status":"ok",""" + string.Concat(Enumerable.Range(0, 200).Select(i => $"\"k{i}\":{i},"))));
        var second = Compress("gzip", Encoding.UTF8.GetBytes(""" "end":true}"""));
        using var server = new TestHttpServer(context => context.Request.Url!.AbsolutePath == "/empty"
            ? ReplyRawAsync(context, "gzip", [])
            : ReplyRawAsync(context, "gzip", [.. first, .. second]));
        using var run = new TestRun(rb => rb
            .Phase("Check", ph => ph
                .Step("Health", s => s.Http("GET", server.Url + "health").ExpectJson("status", "ok").ExpectJson("end", "true"))
                .Step("Nothing", s => s.Http("GET", server.Url + "empty").ExpectStatus(200)))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("-> 200 (0 bytes)", result.Output);
    }

    /// <summary>Answers 200 with these bytes as the body and this <c>Content-Encoding</c>, whatever they hold.</summary>
    private static async Task ReplyRawAsync(System.Net.HttpListenerContext context, string encoding, byte[] body)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.AddHeader("Content-Encoding", encoding);
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    private static byte[] Compress(string encoding, byte[] body)
    {
        using var compressed = new MemoryStream();
        using (Stream encoder = encoding switch
        {
            "gzip" => new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
        })
        {
            encoder.Write(body);
        }
        return compressed.ToArray();
    }
}

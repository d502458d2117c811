using RunbookSdk.Tests.Requests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// An HTTP response is shown and journaled a line at a time, each line masked on its own. It was cut into lines also
/// at U+0085, U+2028, U+2029 and form feed (ReplaceLineEndings), so a secret holding one of them — echoed by a server
/// from the body it refused, which a JSON body's hole sends with them as they are — was cut in two pieces no mask
/// matched and shown and journaled in clear. A command's output never was: its lines end at <c>\n</c> and <c>\r</c> only.
/// </summary>
public sealed class SecretWithUnicodeLineBreakTests
{
    [Theory]
    [InlineData("s3cr\"et\u2028key")]
    [InlineData("s3cr3t\u0085key")]
    [InlineData("s3cr3t\u2029key")]
    public Task A_secret_holding_a_unicode_line_break_echoed_by_a_server_is_masked(string secret) =>
        EscapedJsonBodyRequestTests.AssertMaskedWhenEchoedFromTheBodyAsync(secret);

    [Fact]
    public async Task A_response_is_still_shown_a_line_at_a_time_at_each_line_break()
    {
        using var server = new NonShellStepFailureTests.TestHttpServer(context =>
            NonShellStepFailureTests.TestHttpServer.ReplyAsync(context, 200, "one\r\ntwo\nthree\rfour"));
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Check", s => s.Http("GET", $"{p["Url"]}health")))
            .NoRollback("test"))
            .Parameter("Url", server.Url);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        foreach (var line in new[] { "    | one", "    | two", "    | three", "    | four" })
            Assert.Contains(line + "\n", result.Output, StringComparison.Ordinal);
    }
}

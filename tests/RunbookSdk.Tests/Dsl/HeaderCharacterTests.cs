using RunbookSdk.Dsl.Recording;
using RunbookSdk.Model;
using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Dsl;

/// <summary>
/// A header value holding a character HTTP cannot carry is refused when the runbook is recorded, naming the header and
/// the character's code point, never the value (it may be a secret). Before, one that is not ASCII (<c>José</c>, a
/// pasted no-break space or line separator) was recorded, and the HTTP client refused the request when it was sent —
/// <c>request failed: Request headers must contain only ASCII characters</c>, after the steps before it had run —, and
/// another control character was sent, for the server to answer 400 Bad Request.
/// </summary>
public sealed class HeaderCharacterTests
{
    [Theory]
    [InlineData("X-User", "José", "U+00E9")]
    [InlineData("X-Note", "a\u2028b", "U+2028")]
    [InlineData("Authorization", "Bearer\u00A0s3cr3t", "U+00A0")]
    public void A_value_that_is_not_ASCII_is_refused_saying_what_to_do(string name, string value, string codePoint)
    {
        var refused = Assert.Throws<ArgumentException>(() => StepRecorder.Record("step", s => s.Http("GET", "https://x.example/health").Header(name, value)));

        Assert.Equal("value", refused.ParamName);
        Assert.StartsWith($"Header(\"{name}\", value) cannot send a value holding {codePoint}, which is not ASCII: the HTTP client sends header values in ASCII only, so the request could not be sent. Percent-encode the value (Uri.EscapeDataString) if the service decodes it, or send it in the Body.", refused.Message);
        Assert.DoesNotContain(value, refused.Message);
    }

    [Theory]
    [InlineData("nul\0x", "U+0000")]
    [InlineData("bell\u0007", "U+0007")]
    [InlineData("del\u007F", "U+007F")]
    public void A_value_holding_a_control_character_is_refused(string value, string codePoint)
    {
        var refused = Assert.Throws<ArgumentException>(() => StepRecorder.Record("step", s => s.Http("GET", "https://x.example/health").Header("X-Note", value)));

        Assert.StartsWith($"Header(\"X-Note\", value) cannot send a value holding the control character {codePoint}: HTTP allows none in a header value but a tab, and a server answers such a request 400 Bad Request. Take it out.", refused.Message);
    }

    [Theory]
    [InlineData("tab\there")]
    [InlineData("Bearer abc-~!#$%&'*+.^_`|0 ;=,/\"()")]
    public void A_printable_ASCII_value_or_a_tab_is_kept(string value) =>
        Assert.Equal(value, ((HttpRequestAction)Assert.Single(StepRecorder.Record("step", s => s.Http("GET", "https://x.example/health").Header("X-Note", value)).Actions)).Headers.Single().Value);

    [Fact]
    public async Task A_value_from_a_parameter_is_refused_before_any_step_runs()
    {
        using var temp = new TempDirectory();
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph
                .Step("Drain", s => s.Run($"touch {temp.File("drained")}"))
                .Step("Tell the service", s => s.Http("POST", "http://127.0.0.1:9/users").Header("X-User", p["User"]).Body("{}")))
            .NoRollback("test"))
            .Parameter("User", "José");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => run.RunAsync());

        Assert.Contains("Header(\"X-User\", value) cannot send a value holding U+00E9, which is not ASCII", refused.Message);
        Assert.False(File.Exists(temp.File("drained")));
    }
}

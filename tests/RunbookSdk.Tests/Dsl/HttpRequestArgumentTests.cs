using RunbookSdk.Dsl.Recording;
using RunbookSdk.Model;

namespace RunbookSdk.Tests.Dsl;

/// <summary>
/// An HTTP request's arguments that could never work are refused when the runbook is recorded, naming the call: the
/// run stops before anything ran ("could not be prepared"), not half-way through the incident.
/// </summary>
public sealed class HttpRequestArgumentTests
{
    private static StepPlan Step(Action<IStepBuilder> step) => StepRecorder.Record("step", step);

    [Theory]
    [InlineData("GE T", "Http(method, url) cannot send a request with the method 'GE T': an HTTP method is one word with no spaces or separators, e.g. GET, POST, PUT, PATCH or DELETE.")]
    [InlineData("GET:", "Http(method, url) cannot send a request with the method 'GET:'")]
    [InlineData("PÖST", "Http(method, url) cannot send a request with the method 'PÖST'")]
    [InlineData("", "Http(method, url) needs the HTTP method, e.g. Http(\"GET\", …); it is empty.")]
    public void A_method_http_cannot_carry_is_refused(string method, string reason)
    {
        // Before, it was recorded, and the step failed with a FormatException when reached, after the steps before it ran.
        var refused = Assert.Throws<ArgumentException>(() => Step(s => s.Run("./drain.sh").Http(method, "https://x.example/health")));

        Assert.StartsWith(reason, refused.Message);
        Assert.Equal("method", refused.ParamName);
    }

    [Theory]
    [InlineData("get", "GET")]
    [InlineData("PURGE", "PURGE")]
    [InlineData("M-SEARCH", "M-SEARCH")]
    public void A_method_http_carries_is_kept_in_capitals(string method, string sent)
    {
        var http = (HttpRequestAction)Assert.Single(Step(s => s.Http(method, "https://x.example/health")).Actions);

        Assert.Equal(sent, http.Method);
        Assert.Equal(sent, new HttpMethod(http.Method).Method); // the runner can build the request
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(99)]
    [InlineData(600)]
    [InlineData(999)]
    public void A_status_no_response_has_is_refused(int status)
    {
        // Before, it was recorded, and the check failed whatever the service answered, after the request was sent.
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Step(s => s.Http("GET", "https://x.example/health").ExpectStatus(status)));

        Assert.StartsWith($"ExpectStatus(status) must be an HTTP status code, 100 to 599; it is {status}, which no response has, so the check could never pass.", refused.Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(204)]
    [InlineData(599)]
    public void A_status_a_response_can_have_is_kept(int status) =>
        Assert.Equal(status, ((HttpRequestAction)Assert.Single(Step(s => s.Http("GET", "https://x.example/health").ExpectStatus(status)).Actions)).ExpectedStatus);

    [Theory]
    [InlineData("Content-Type", "json")]
    [InlineData("content-type", "application json")]
    public void A_content_type_that_is_no_media_type_is_refused(string name, string value)
    {
        // Before, the step failed with "FormatException: The format of value 'json' is invalid." when reached.
        var refused = Assert.Throws<ArgumentException>(() => Step(s => s.Http("POST", "https://x.example/purge").Header(name, value).Body("{}")));

        Assert.StartsWith($"Header(\"Content-Type\", value) needs a media type, e.g. \"application/json\" or \"text/plain; charset=utf-8\"; it is '{value}'", refused.Message);
    }

    [Theory]
    [InlineData("Content-Type", "application/json")]
    [InlineData("Content-Type", "text/plain; charset=utf-8")]
    [InlineData("X-Mode", "json")] // another header's value is not judged
    public void A_header_value_the_request_can_carry_is_kept(string name, string value) =>
        Assert.Equal(value, ((HttpRequestAction)Assert.Single(Step(s => s.Http("POST", "https://x.example/purge").Header(name, value).Body("{}")).Actions)).Headers.Single().Value);
}

/// <summary>
/// A header value holding a line break (CR or LF) — a token read from a file with its final newline, a value pasted
/// over two lines — is refused when the runbook is recorded, naming the header but never quoting the value (it may be
/// a secret). Before, it was recorded, and the HTTP client refused the request when it was sent, after the steps
/// before it had run.
/// </summary>
public sealed class HeaderLineBreakTests
{
    [Theory]
    [InlineData("Authorization", "Bearer s3cr3t-token\n")]
    [InlineData("Authorization", "Bearer s3cr3t-token\r\n")]
    [InlineData("X-Note", "first\rsecond")]
    [InlineData("Content-Type", "application/json\n")]
    public void A_value_with_a_line_break_is_refused_without_quoting_it(string name, string value)
    {
        var refused = Assert.Throws<ArgumentException>(() => StepRecorder.Record("step", s => s.Http("GET", "https://x.example/health").Header(name, value)));

        Assert.Equal("value", refused.ParamName);
        Assert.StartsWith($"Header(\"{name}\", value) cannot send a value holding a line break (CR or LF): no HTTP header can carry one, so the request could not be sent.", refused.Message);
        Assert.DoesNotContain(value.Trim(), refused.Message);
    }

    [Fact]
    public void The_refusal_names_the_phase_and_step_it_stands_in()
    {
        var refused = Assert.Throws<ArgumentException>(() => RunbookRecorder.Record("x", new InlineRunbook(rb => rb
            .Phase("Check", p => p.Step("Health", s => s.Http("GET", "https://x.example/health").Header("Authorization", "Bearer t\n"))))));

        Assert.Equal("phase 'Check', step 'Health'", DefinitionSite.Of(refused));
    }

    private sealed class InlineRunbook(Action<IRunbookBuilder> define) : Runbook
    {
        public override void Define(IRunbookBuilder rb) => define(rb);
    }
}

/// <summary>
/// A <c>Content-Type</c> on a request without a body is refused when the runbook is recorded, naming where: the HTTP
/// client carries it only with a body, so the request went without it, without a word. The body may follow the header
/// in the chain, or come from the request's builder kept aside.
/// </summary>
public sealed class ContentTypeWithoutBodyTests
{
    [Theory]
    [InlineData("Content-Type")]
    [InlineData("content-type")]
    public void A_content_type_on_a_request_without_a_body_is_refused(string name)
    {
        var refused = Assert.Throws<ArgumentException>(() => RunbookRecorder.Record("x", new InlineRunbook(rb => rb
            .Phase("Purge", p => p.Step("Purge the cache", s => s.Http("POST", "https://x.example/purge").Header(name, "application/json"))))));

        Assert.StartsWith("Header(\"Content-Type\", value) describes a body, and the POST request has none: it would be sent without the header. Give the request its Body(…) (Body(\"\") for an empty one), or leave the header out.", refused.Message);
        Assert.Equal("phase 'Purge', step 'Purge the cache'", DefinitionSite.Of(refused));
    }

    [Fact]
    public void A_body_after_the_header_or_from_a_kept_builder_is_a_body()
    {
        var step = StepRecorder.Record("step", s =>
        {
            s.Http("POST", "https://x.example/a").Header("Content-Type", "application/json").Body("{}");
            var kept = s.Http("POST", "https://x.example/b").Header("Content-Type", "text/plain");
            s.Run("true");
            kept.Body("");
        });

        Assert.All(step.Actions.OfType<HttpRequestAction>(), h => Assert.NotNull(h.Body));
    }

    private sealed class InlineRunbook(Action<IRunbookBuilder> define) : Runbook
    {
        public override void Define(IRunbookBuilder rb) => define(rb);
    }
}

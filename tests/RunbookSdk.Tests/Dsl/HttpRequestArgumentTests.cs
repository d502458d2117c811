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
}

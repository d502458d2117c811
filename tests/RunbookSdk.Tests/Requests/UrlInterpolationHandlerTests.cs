using System.Globalization;
using RunbookSdk.Requests;

namespace RunbookSdk.Tests.Requests;

/// <summary>
/// An HTTP step's URL holes: a base URL, host or port is sent as written; a value in the path, query or fragment is
/// one value, percent-encoded, so what it holds cannot change the request.
/// </summary>
public sealed class UrlInterpolationHandlerTests
{
    private static string Url(UrlInterpolationHandler url) => url.ToString();

    [Fact]
    public void A_base_url_host_and_port_are_sent_as_written()
    {
        var baseUrl = "http://127.0.0.1:5099/api/v1";
        var host = "payments.internal";
        var port = 8443;

        Assert.Equal("http://127.0.0.1:5099/api/v1/health", Url($"{baseUrl}/health"));
        Assert.Equal("https://payments.internal:8443/health", Url($"https://{host}:{port}/health"));
        Assert.Equal("http://127.0.0.1:5099/api/v1", Url($"{baseUrl}"));
    }

    [Fact]
    public void A_path_value_is_one_segment_whatever_it_holds()
    {
        var baseUrl = "https://api.internal";
        var user = "a/../admin?x=1#top";

        Assert.Equal("https://api.internal/users/a%2F..%2Fadmin%3Fx%3D1%23top/sessions", Url($"{baseUrl}/users/{user}/sessions"));
        Assert.Equal("https://api.internal/users/a%2F..%2Fadmin%3Fx%3D1%23top", Url($"https://api.internal/users/{user}"));
    }

    [Fact]
    public void A_query_value_keeps_its_ampersand_equals_plus_and_blank()
    {
        var baseUrl = "https://search.internal";
        var query = "a&admin=1 +b";
        var since = new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal("https://search.internal/logs?q=a%26admin%3D1%20%2Bb&since=2026-12-06T03%3A00%3A00.0000000%2B01%3A00",
            Url($"{baseUrl}/logs?q={query}&since={since:O}"));
        Assert.Equal("https://search.internal?q=a%26admin%3D1%20%2Bb", Url($"{baseUrl}?q={query}"));
    }

    [Fact]
    public void A_fragment_value_is_encoded()
    {
        var section = "step 2#b";

        Assert.Equal("https://wiki.internal/page#step%202%23b", Url($"https://wiki.internal/page#{section}"));
    }

    [Fact]
    public void A_value_is_formatted_invariantly_whatever_the_machine_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var ratio = 0.5;
            Assert.Equal("https://x.internal/scale?ratio=0.5", Url($"https://x.internal/scale?ratio={ratio}"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_null_value_is_empty()
    {
        string? missing = null;

        Assert.Equal("https://x.internal/items?tag=", Url($"https://x.internal/items?tag={missing}"));
    }

    [Fact]
    public void A_sequence_is_refused_when_the_runbook_is_defined_instead_of_sent_as_its_type_name()
    {
        string[] tags = ["a", "b"];

        var refused = Assert.Throws<ArgumentException>(() => Url($"https://x.internal/items?tag={tags}"));
        Assert.Contains("one value, not a sequence", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interpolated_url_given_to_Http_is_recorded_encoded()
    {
        var baseUrl = "https://api.internal";
        var user = "o'brien&co";
        var plan = RunbookSdk.Dsl.Recording.RunbookRecorder.Record("test", new DelegateRunbook(rb => rb
            .Phase("Look", ph => ph.Step("Fetch", s => s.Http("GET", $"{baseUrl}/users/{user}").ExpectStatus(200)))
            .NoRollback("read only")));

        var http = Assert.IsType<RunbookSdk.Model.HttpRequestAction>(Assert.Single(plan.Phases[0].Steps[0].Actions));
        Assert.Equal("https://api.internal/users/o%27brien%26co", http.Url);
    }

    private sealed class DelegateRunbook(Action<IRunbookBuilder> define) : Runbook
    {
        public override void Define(IRunbookBuilder rb) => define(rb);
    }
}

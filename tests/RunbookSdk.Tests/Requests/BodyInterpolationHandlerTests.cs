using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunbookSdk.Requests;

namespace RunbookSdk.Tests.Requests;

/// <summary>
/// An HTTP step's body holes: in a JSON body, a value inside a string is JSON-escaped and a value outside one is one
/// JSON value, so what a parameter holds cannot end a string, add a field or break the JSON; any other body takes its
/// holes as written.
/// </summary>
public sealed class BodyInterpolationHandlerTests
{
    private static string Body(BodyInterpolationHandler body) => body.ToString();

    private static JsonElement Parsed(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_value_inside_a_JSON_string_cannot_end_the_string_or_add_a_field()
    {
        var user = "mallory\", \"role\": \"admin";
        var note = "line 1\nline 2 \\ tab\t\u001b[31m";

        var json = Body($$"""{"user": "{{user}}", "note": "{{note}}"}""");

        var parsed = Parsed(json);
        Assert.Equal(user, parsed.GetProperty("user").GetString());
        Assert.Equal(note, parsed.GetProperty("note").GetString());
        Assert.False(parsed.TryGetProperty("role", out _));
    }

    [Fact]
    public void A_value_outside_a_string_is_one_JSON_value_of_its_kind()
    {
        var replicas = 3;
        var ratio = 0.5;
        var dryRun = false;
        string? owner = null;
        var region = "eu-west-1";
        var tags = new[] { "db", "p1" };

        var json = Body($$"""{"replicas": {{replicas}}, "ratio": {{ratio}}, "dryRun": {{dryRun}}, "owner": {{owner}}, "region": {{region}}, "tags": {{tags}}}""");

        Assert.Equal("""{"replicas": 3, "ratio": 0.5, "dryRun": false, "owner": null, "region": "eu-west-1", "tags": ["db","p1"]}""", json);
    }

    [Fact]
    public void A_string_outside_quotes_cannot_add_a_field()
    {
        var count = "1, \"admin\": true";

        var parsed = Parsed(Body($$"""{"count": {{count}}}"""));

        Assert.Equal(JsonValueKind.String, parsed.GetProperty("count").ValueKind);
        Assert.False(parsed.TryGetProperty("admin", out _));
    }

    [Fact]
    public void An_object_is_written_as_PostAsJsonAsync_writes_it_and_an_enum_by_name()
    {
        var target = new Target("checkout", DayOfWeek.Monday);

        Assert.Equal("""{"target": {"service":"checkout","window":"Monday"}}""", Body($$"""{"target": {{target}}}"""));
    }

    [Fact]
    public void JSON_built_elsewhere_goes_in_as_it_is_through_a_JsonNode_or_JsonElement()
    {
        var items = JsonNode.Parse("""[{"id": 1}]""");
        var filter = Parsed("""{"state":"open"}""");

        Assert.Equal("""{"items": [{"id":1}], "filter": {"state":"open"}}""", Body($$"""{"items": {{items}}, "filter": {{filter}}}"""));
    }

    [Fact]
    public void A_formatted_number_stays_a_number_and_a_formatted_date_is_a_string()
    {
        var ratio = 0.126;
        var since = new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal("""{"ratio": 0.13, "since": "2026-12-06T03:00:00.0000000+00:00"}""", Body($$"""{"ratio": {{ratio:F2}}, "since": {{since:O}}}"""));
    }

    [Fact]
    public void Values_are_formatted_invariantly_whatever_the_machine_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var ratio = 0.5;
            Assert.Equal("""{"ratio": 0.5, "text": "0.5", "fixed": 0.50}""", Body($$"""{"ratio": {{ratio}}, "text": "{{ratio}}", "fixed": {{ratio:F2}}}"""));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_body_that_is_not_JSON_takes_its_holes_as_written()
    {
        var user = "a\"b";
        var payload = """{"already": "json"}""";

        Assert.Equal("user=a\"b&confirm=yes", Body($"user={user}&confirm=yes"));
        Assert.Equal(payload, Body($"{payload}"));
        Assert.Equal("  off", Body($"  {"off"}"));
    }

    [Fact]
    public void A_JSON_array_body_is_JSON_too_and_blanks_before_it_do_not_matter()
    {
        var name = "x\"y";

        Assert.Equal("""  ["x\"y"]""", Body($$"""  [{{name}}]"""));
    }

    [Fact]
    public void An_escaped_quote_in_the_literal_does_not_end_the_string()
    {
        var user = "a\"b";

        Assert.Equal("""{"note": "said \"hi\" to a\"b"}""", Body($$"""{"note": "said \"hi\" to {{user}}"}"""));
    }

    // The literal's backslash escaped the hole's first character: "\"}, ..." was escaped to \"}, ..., the literal and
    // the value's backslash read as one escaped backslash, and the value's quote ended the string it was in.
    [Theory]
    [InlineData("\"}, \"role\": \"admin")]
    [InlineData("\\")]
    [InlineData("temp")]
    public void A_hole_right_after_a_backslash_in_a_JSON_string_is_refused_whatever_it_holds(string dir)
    {
        var refused = Assert.Throws<ArgumentException>(() => Body($$"""{"path": "C:\{{dir}}"}"""));

        Assert.Contains("right after a backslash inside a JSON string", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hole_after_an_escaped_backslash_is_escaped_as_anywhere_in_a_string()
    {
        var dir = "\"}, \"role\": \"admin";

        var parsed = Parsed(Body($$"""{"path": "C:\\{{dir}}"}"""));

        Assert.Equal("C:\\" + dir, parsed.GetProperty("path").GetString());
        Assert.False(parsed.TryGetProperty("role", out _));
    }

    [Fact]
    public void A_sequence_inside_a_string_is_refused_when_the_runbook_is_defined()
    {
        string[] tags = ["a", "b"];

        var refused = Assert.Throws<ArgumentException>(() => Body($$"""{"tags": "{{tags}}"}"""));
        Assert.Contains("inside a JSON string takes one value, not a sequence", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Body($"tags={tags}"));
    }

    [Fact]
    public void A_value_JSON_cannot_hold_is_refused_naming_its_type()
    {
        var ratio = double.NaN;

        var refused = Assert.Throws<ArgumentException>(() => Body($$"""{"ratio": {{ratio}}}"""));
        Assert.Contains("(Double) that cannot be written as JSON", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interpolated_body_given_to_Body_is_recorded_escaped_and_a_plain_string_as_written()
    {
        var user = "a\"b";
        var plan = RunbookSdk.Dsl.Recording.RunbookRecorder.Record("test", new DelegateRunbook(rb => rb
            .Phase("Act", ph => ph
                .Step("Post", s => s.Http("POST", "https://api.internal/users").Body($$"""{"user": "{{user}}"}""").ExpectStatus(200))
                .Step("Raw", s => s.Http("POST", "https://api.internal/raw").Body("""{"user": "a"}""").ExpectStatus(200)))
            .NoRollback("test")));

        var post = Assert.IsType<RunbookSdk.Model.HttpRequestAction>(Assert.Single(plan.Phases[0].Steps[0].Actions));
        var raw = Assert.IsType<RunbookSdk.Model.HttpRequestAction>(Assert.Single(plan.Phases[0].Steps[1].Actions));
        Assert.Equal("""{"user": "a\"b"}""", post.Body);
        Assert.Equal("""{"user": "a"}""", raw.Body);
    }

    private sealed record Target(string Service, DayOfWeek Window);

    private sealed class DelegateRunbook(Action<IRunbookBuilder> define) : Runbook
    {
        public override void Define(IRunbookBuilder rb) => define(rb);
    }
}

using RunbookSdk.Execution;
using RunbookSdk.Model;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// <c>ExpectJson(path, value)</c> compares by what the JSON holds: numbers by value, booleans and null as literals,
/// strings by text, and a value written as a JSON string literal asks for a string. A failure names the kind found.
/// </summary>
public sealed class JsonExpectationTests
{
    private const string Body = """
        {"replicas": 3.0, "count": 3, "big": 1e2, "healthy": true, "down": false, "owner": null, "version": "3",
         "name": "api", "tags": ["a", 1], "limits": {"cpu": 2}}
        """;

    [Theory]
    [InlineData("replicas", "3")]
    [InlineData("replicas", "3.00")]
    [InlineData("count", "3.0")]
    [InlineData("big", "100")]
    [InlineData("healthy", "true")]
    [InlineData("healthy", "True")] // what C# writes for true: $"{flag}"
    [InlineData("down", "false")]
    [InlineData("owner", "null")]
    [InlineData("version", "3")]
    [InlineData("version", "\"3\"")] // written as a JSON string: must be a string
    [InlineData("name", "api")]
    [InlineData("tags", """["a", 1.0]""")]
    [InlineData("limits", """{ "cpu": 2.0 }""")]
    public void Matches_by_what_the_JSON_holds(string path, string expected) =>
        Assert.Empty(Check(path, expected));

    [Theory]
    [InlineData("replicas", "4", "JSON replicas is the number 3.0, expected 4")]
    [InlineData("replicas", "three", "JSON replicas is the number 3.0, expected three")]
    [InlineData("count", "\"3\"", "JSON count is the number 3, expected the string \"3\"")]
    [InlineData("healthy", "false", "JSON healthy is the boolean true, expected false")]
    [InlineData("healthy", "yes", "JSON healthy is the boolean true, expected yes")]
    [InlineData("owner", "", "JSON owner is null, expected \"\"")]
    [InlineData("version", "3.0", "JSON version is the string \"3\", expected 3.0")]
    [InlineData("name", "API", "JSON name is the string \"api\", expected API")]
    [InlineData("tags", "a", "JSON tags is an array [\"a\",1], expected a")]
    [InlineData("missing", "x", "JSON has no missing")]
    public void A_mismatch_says_what_kind_was_found(string path, string expected, string message) =>
        Assert.Equal([message], Check(path, expected));

    [Theory]
    [InlineData("", "body is empty, expected JSON")]
    [InlineData("  \n", "body is empty, expected JSON")]
    [InlineData("<html>down</html>", "body is not JSON")]
    public void A_body_that_holds_no_JSON_says_whether_it_was_empty(string body, string message) =>
        Assert.Equal([message], HttpExpectations.Check(new HttpRequestAction("GET", "http://x") { JsonEquals = [new("status", "ok")] }, 200, body));

    [Fact]
    public async Task A_real_response_with_a_decimal_number_meets_an_integer_expectation()
    {
        using var service = new NonShellStepFailureTests.TestHttpServer(context =>
            NonShellStepFailureTests.TestHttpServer.ReplyAsync(context, 200, """{"replicas": 3.0, "healthy": true}""", "application/json"));
        using var run = new TestRun((rb, p) => rb
            .Phase("Check", ph => ph.Step("Scaled", s => s.Http("GET", p["Url"] + "status")
                .ExpectJson("replicas", "3").ExpectJson("healthy", true.ToString())))
            .NoRollback("test"))
            .Parameter("Url", service.Url);

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
    }

    private static IReadOnlyList<string> Check(string path, string expected) =>
        HttpExpectations.Check(new HttpRequestAction("GET", "http://x") { JsonEquals = [new(path, expected)] }, 200, Body);
}

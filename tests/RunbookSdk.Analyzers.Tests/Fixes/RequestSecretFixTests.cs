using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;
using RunbookSdk.Requests;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// RB0006 in an <c>Http(...)</c> URL or a <c>Body(...)</c> had no fix, where the same secret in a command or a header had
/// "Take it from a [Parameter, Secret]". A URL percent-encodes a hole after the host and a body escapes a hole in a JSON
/// string, which leave an ordinary secret (letters, digits, <c>-_.~</c>) as it is: the fix is offered where the value
/// sent is the one that was written, and only there.
/// </summary>
public sealed class RequestSecretFixTests
{
    private static string Call(string request) =>
        $$"""            .Step("Call", s => s.{{request}}.ExpectStatus(200))""";

    private static string Secret(string name, string description) =>
        $$"""    [Parameter("{{description}}"), Secret] public string {{name}} { get; init; } = "";""" + "\n";

    [Fact]
    public Task A_secret_in_a_urls_query_becomes_a_hole() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook(Call("""Http("GET", "https://api.example.com/v1/export?api_key={|RB0006:9f8e7d6c5b4a39281706|}")""")),
            Sources.Runbook(Call("""Http("GET", $"https://api.example.com/v1/export?api_key={ApiKey}")"""), extraMembers: Secret("ApiKey", "API key")));

    [Fact]
    public Task A_password_in_a_urls_authority_becomes_a_hole_whatever_its_characters() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook(Call("""Http("GET", "https://ops:{|RB0006:S3cr3t!x|}@grafana.example.com/api/health")""")),
            Sources.Runbook(Call("""Http("GET", $"https://ops:{Password}@grafana.example.com/api/health")"""), extraMembers: Secret("Password", "Password")));

    [Fact]
    public Task A_secret_in_a_json_string_of_the_body_becomes_a_hole() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook(Call("""Http("POST", "https://api.example.com/login").Body("{\"user\": \"ops\", \"password\": \"{|RB0006:hunter2-Xq9|}\"}")""")),
            Sources.Runbook(Call("""Http("POST", "https://api.example.com/login").Body($"{{\"user\": \"ops\", \"password\": \"{Password}\"}}")"""), extraMembers: Secret("Password", "Password")));

    [Fact]
    public Task A_secret_the_request_would_send_otherwise_has_no_fix() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook(Call("""Http("GET", "https://api.example.com/v1/export?api_key={|RB0006:9f8e+7d6c/5b4a3928=|}")""") + "\n" +
                            Call("""Http("POST", "https://api.example.com/login").Body("{\"user\": \"ops\", \"password\": \"{|RB0006:hunter2\\\\Xq9|}\"}")""")),
            Sources.Runbook(Call("""Http("GET", "https://api.example.com/v1/export?api_key={|RB0006:9f8e+7d6c/5b4a3928=|}")""") + "\n" +
                            Call("""Http("POST", "https://api.example.com/login").Body("{\"user\": \"ops\", \"password\": \"{|RB0006:hunter2\\\\Xq9|}\"}")""")));

    /// <summary>Each fix compiles, takes its finding away and brings no other (no RB0025 or RB0027 for the new hole).</summary>
    [Fact]
    public async Task Each_request_fix_compiles_and_brings_no_other_finding()
    {
        var source = Sources.Runbook(""""
                        .Step("Query", s => s.Http("GET", "https://api.example.com/v1/export?api_key=9f8e7d6c5b4a39281706").ExpectStatus(200))
                        .Step("Grafana", s => s.Http("GET", "https://ops:S3cr3t!x@grafana.example.com/api/health").ExpectStatus(200))
                        .Step("Login", s => s.Http("POST", "https://api.example.com/login").Body("""{"user": "ops", "password": "hunter2-Xq9"}""").ExpectStatus(200))
            """");
        Assert.True(await AppliedFixes.CheckEachFixAsync(AppliedFixes.Document(source).Project) >= 3);
    }

    /// <summary>A URL or a body still being typed: the rule and the fix run over it without throwing.</summary>
    [Fact]
    public async Task Half_typed_urls_and_bodies_do_not_throw()
    {
        var source = Sources.Runbook("""
                        .Step("Call", s => s.Http("GET", "https://ops:hunter2-Xq9@grafana.example.com/api?api_key=9f8e7d6c5b4a39281706").Body("{\"password\": \"hunter2-Xq9
            """);
        var document = AppliedFixes.Document(source);
        foreach (var finding in await AppliedFixes.FindingsAsync(document))
            await AppliedFixes.ApplyEachAsync(document, finding.Diagnostic);
    }

    /// <summary>What the fix promises, from the handlers themselves: an ordinary secret is sent as it is.</summary>
    [Theory]
    [InlineData("9f8e7d6c5b4a39281706")]
    [InlineData("hunter2-Xq9_a.b~c")]
    public void The_handlers_send_an_ordinary_secret_as_it_is(string secret)
    {
        var url = new UrlInterpolationHandler(40, 1);
        url.AppendLiteral("https://api.example.com/v1/export?api_key=");
        url.AppendFormatted(secret);
        Assert.Equal("https://api.example.com/v1/export?api_key=" + secret, url.ToString());

        var body = new BodyInterpolationHandler(20, 1);
        body.AppendLiteral("{\"password\": \"");
        body.AppendFormatted(secret);
        body.AppendLiteral("\"}");
        Assert.Equal("{\"password\": \"" + secret + "\"}", body.ToString());
    }
}

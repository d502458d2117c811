using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Requests;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Requests;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0027: a hole of an HTTP step's JSON body serialized or escaped by hand is written as JSON again by the body's
/// handler, so the server reads <c>"jane"</c>, quotes and all, for <c>jane</c>. Runbooks written before the handler
/// escaped holes did exactly this, rightly then.
/// </summary>
public sealed class HandEscapedJsonHoleTests
{
    private static string Source(string body) => $$"""
        using System;
        using System.Text.Json;
        using RunbookSdk;

        [Runbook("grant-access")]
        public sealed class GrantAccess : Runbook
        {
            [Parameter("User")] public string User { get; init; } = "jane";
            [Parameter("Days")] public int Days { get; init; } = 7;

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Grant access")
                .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                .Phase("Grant", p => p.Step("Post", s => s.Http("POST", "https://api.internal/grants").Body({{body}}).ExpectStatus(200)))
                .NoRollback("Grants expire on their own")
                .Verification(v => v.Step("Check", s => s.Http("GET", $"https://api.internal/grants/{User}").ExpectStatus(200)));
        }
        """;

    private const string InString = "the server reads a\"b as a\\\"b";
    private const string AsValue = "the server reads jane as \"jane\", quotes and all";

    private static DiagnosticResult Escaped(string call, string example) =>
        new DiagnosticResult("RB0027", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(call + "(…)", example);

    [Theory]
    [InlineData("""$"{{\"user\": {{|#0:JsonSerializer.Serialize(User)|}}}}" """, "JsonSerializer.Serialize", AsValue)]
    [InlineData("""$"{{\"user\": {{|#0:System.Text.Json.JsonSerializer.Serialize<string>(User)|}}, \"days\": {Days}}}" """, "System.Text.Json.JsonSerializer.Serialize<string>", AsValue)]
    [InlineData("""$"{{\"user\": \"{{|#0:JsonEncodedText.Encode(User)|}}\"}}" """, "JsonEncodedText.Encode", InString)]
    [InlineData("""$"{{\"user\": \"{{|#0:JsonEncodedText.Encode(User).Value|}}\"}}" """, "JsonEncodedText.Encode", InString)]
    [InlineData("""$"[\"{{|#0:(JsonEncodedText.Encode(User).ToString())|}}\"]" """, "JsonEncodedText.Encode", InString)]
    [InlineData("""$@"{{""note"": ""a \""quoted\"" {{|#0:JsonEncodedText.Encode(User)|}}""}}" """, "JsonEncodedText.Encode", InString)]
    public Task A_hole_of_a_JSON_body_written_as_JSON_by_the_framework_is_reported(string body, string call, string example) =>
        Verify<HandEscapedJsonHoleAnalyzer>.AnalyzerAsync(Source(body), Escaped(call, example));

    [Theory]
    [InlineData("""$"user={JsonSerializer.Serialize(User)}" """)]
    [InlineData("""$"{JsonSerializer.Serialize(new { User })}" """)]
    [InlineData("""$"{{\"user\": \"{User}\", \"days\": {Days}}}" """)]
    [InlineData("""$"{{\"user\": {Json.Serialize(User)}}}" """)]
    [InlineData(""" "{\"user\": " + JsonSerializer.Serialize("jane") + "}" """)]
    public Task A_body_that_is_not_JSON_a_plain_value_a_team_helper_or_a_string_passes(string body) =>
        Verify<HandEscapedJsonHoleAnalyzer>.AnalyzerAsync(Source(body) + Helpers);

    private const string Helpers = """

        static class Json
        {
            public static string Serialize(string value) => value;
        }
        """;

    [Theory]
    [InlineData("""$"{{\"user\": {{|RB0027:JsonSerializer.Serialize(User)|}}}}" """, """$"{{\"user\": {User}}}" """)]
    [InlineData("""$"{{\"user\": \"{{|RB0027:JsonEncodedText.Encode(User.Trim()).Value|}}\", \"days\": {Days}}}" """, """$"{{\"user\": \"{User.Trim()}\", \"days\": {Days}}}" """)]
    public Task The_fix_puts_the_value_in_the_hole_as_it_is(string body, string fixedBody) =>
        Verify<HandEscapedJsonHoleAnalyzer>.FixAsync<HandEscapedJsonHoleCodeFix>(Source(body), Source(fixedBody));
}

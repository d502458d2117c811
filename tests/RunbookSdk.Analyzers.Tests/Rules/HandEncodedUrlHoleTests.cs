using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Requests;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Requests;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0025: a hole of an HTTP step's URL encoded by hand is encoded again by the URL's handler, so the server gets
/// <c>a%2520b</c> for <c>a b</c>. Runbooks written before the handler encoded holes did exactly this, rightly then.
/// </summary>
public sealed class HandEncodedUrlHoleTests
{
    private static string Source(string url) => $$"""
        using System;
        using System.Net;
        using RunbookSdk;

        [Runbook("find-user")]
        public sealed class FindUser : Runbook
        {
            [Parameter("BaseUrl")] public string BaseUrl { get; init; } = "https://api.internal";
            [Parameter("User")] public string User { get; init; } = "jane doe";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Find a user")
                .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                .Phase("Look", p => p.Step("Fetch", s => s.Http("GET", {{url}}).ExpectStatus(200)))
                .NoRollback("Reads only")
                .Verification(v => v.Step("Check", s => s.Http("GET", $"{BaseUrl}/health").ExpectStatus(200)));
        }
        """;

    private static DiagnosticResult Encoded(string call) =>
        new DiagnosticResult("RB0025", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(call + "(…)");

    [Theory]
    [InlineData("""$"{BaseUrl}/users/{{|#0:Uri.EscapeDataString(User)|}}" """, "Uri.EscapeDataString")]
    [InlineData("""$"{BaseUrl}/users?name={{|#0:WebUtility.UrlEncode(User)|}}" """, "WebUtility.UrlEncode")]
    [InlineData("""$"https://api.internal/users/{{|#0:System.Uri.EscapeDataString(User)|}}" """, "System.Uri.EscapeDataString")]
    [InlineData("""$"{BaseUrl}/users#{({|#0:Uri.EscapeDataString(User)|})}" """, "Uri.EscapeDataString")]
    [InlineData("""$@"{BaseUrl}/users/{{|#0:Uri.EscapeUriString(User)|}}" """, "Uri.EscapeUriString")]
    public Task A_hole_after_the_host_encoded_by_the_framework_is_reported(string url, string call) =>
        Verify<HandEncodedUrlHoleAnalyzer>.AnalyzerAsync(Source(url), Encoded(call));

    [Theory]
    [InlineData("""$"{Uri.EscapeDataString(BaseUrl)}/users" """)]
    [InlineData("""$"https://{Uri.EscapeDataString(BaseUrl)}/users" """)]
    [InlineData("""$"{BaseUrl}/users/{User}" """)]
    [InlineData("""$"{BaseUrl}/users/{Encoders.UrlEncode(User)}" """)]
    [InlineData(""" "https://api.internal/users/" + Uri.EscapeDataString("jane doe") """)]
    public Task A_base_url_a_plain_value_or_a_team_encoder_passes(string url) =>
        Verify<HandEncodedUrlHoleAnalyzer>.AnalyzerAsync(Source(url) + Encoders);

    private const string Encoders = """

        static class Encoders
        {
            public static string UrlEncode(string value) => value.Replace(' ', '-');
        }
        """;

    [Theory]
    [InlineData("""$"{BaseUrl}/users/{{|RB0025:Uri.EscapeDataString(User)|}}" """, """$"{BaseUrl}/users/{User}" """)]
    [InlineData("""$"{BaseUrl}/users?name={{|RB0025:WebUtility.UrlEncode(User.Trim())|}}&limit=1" """, """$"{BaseUrl}/users?name={User.Trim()}&limit=1" """)]
    public Task The_fix_puts_the_value_in_the_hole_as_it_is(string url, string fixedUrl) =>
        Verify<HandEncodedUrlHoleAnalyzer>.FixAsync<HandEncodedUrlHoleCodeFix>(Source(url), Source(fixedUrl));
}

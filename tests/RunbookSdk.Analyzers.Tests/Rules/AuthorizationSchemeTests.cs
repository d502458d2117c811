using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0006 reads an Authorization header as HTTP does: a scheme, then the credential (RFC 9110 §11.4). Only six schemes
/// were known, so the first word of any other was taken for the credential: the APIs an incident runbook calls —
/// Opsgenie (<c>GenieKey</c>), Okta (<c>SSWS</c>), Splunk HEC (<c>Splunk</c>) — failed the build with their key in a
/// secret parameter, and the fix wrote <c>Authorization: {ApiToken} {ApiToken}</c>. PagerDuty's
/// <c>Token token=…</c> names its credential as a parameter of the scheme.
/// </summary>
public sealed class AuthorizationSchemeTests
{
    [Theory]
    [InlineData("curl -f -H 'Authorization: GenieKey {ApiToken}' https://api.opsgenie.com/v2/alerts")]
    [InlineData("curl -f -H \\\"Authorization: SSWS {ApiToken}\\\" https://omnix.okta.com/api/v1/users")]
    [InlineData("curl -f -H 'Authorization: Splunk {ApiToken}' https://splunk.omnix.ai:8088/services/collector")]
    [InlineData("curl -f -H 'Authorization: Token token={ApiToken}' https://api.pagerduty.com/incidents")]
    [InlineData("curl -f -H 'Authorization: Bearer {ApiToken}' https://api.omnix.ai/v1/health")]
    public Task A_scheme_with_the_credential_in_a_secret_parameter_is_not_reported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Call", s => s.Run($"{{command}}"))
            """));

    [Theory]
    [InlineData("GenieKey {ApiToken}")]
    [InlineData("SSWS {ApiToken}")]
    [InlineData("Token token={ApiToken}")]
    public Task A_header_value_with_any_scheme_and_a_secret_parameter_is_not_reported(string value) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Call", s => s.Http("GET", "https://api.opsgenie.com/v2/alerts").Header("Authorization", $"{{value}}").ExpectStatus(200))
            """));

    [Fact]
    public Task The_credential_after_any_scheme_is_reported_not_the_scheme() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Opsgenie", s => s.Run("curl -f -H 'Authorization: GenieKey {|RB0006:3f2a9c1e-77b0-4a5d-9e1f-0c2d8b6a4e13|}' https://api.opsgenie.com/v2/alerts"))
                        .Step("PagerDuty", s => s.Run("curl -f -H 'Authorization: Token token={|RB0006:y_NbAkKc66ryYTWUXYEu|}' https://api.pagerduty.com/incidents"))
                        .Step("Base64", s => s.Run("curl -f -H 'Authorization: Basic {|RB0006:b3BzOmh1bnRlcjI=|}' https://api.omnix.ai/v1/health"))
                        .Step("Bare", s => s.Run("curl -f -H 'Authorization: {|RB0006:lin_api_8f3k2j9d|}' https://api.linear.app/graphql"))
                        .Step("Header", s => s.Http("GET", "https://api.opsgenie.com/v2/alerts").Header("Authorization", "GenieKey {|RB0006:3f2a9c1e-77b0|}").ExpectStatus(200))
            """));

    [Fact]
    public Task The_fix_keeps_the_scheme_and_replaces_the_credential() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook("""
                        .Step("Opsgenie", s => s.Run("curl -f -H 'Authorization: GenieKey {|RB0006:3f2a9c1e-77b0-4a5d-9e1f-0c2d8b6a4e13|}' https://api.opsgenie.com/v2/alerts"))
            """),
            Sources.Runbook("""
                        .Step("Opsgenie", s => s.Run($"curl -f -H 'Authorization: GenieKey {ApiToken}' https://api.opsgenie.com/v2/alerts"))
            """));
}

using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// RB0006 on a <c>Header(name, value)</c>: <c>.Header("Authorization", "Bearer sk_live_…")</c> was reported with no
/// fix, where the same credential in a command (<c>curl -H 'Authorization: Bearer …'</c>) had "Take it from a
/// [Parameter, Secret]". The header's credential becomes a secret parameter used as a hole, the scheme stays.
/// </summary>
public sealed class HeaderSecretFixTests
{
    private static string Call(string header) =>
        $$"""            .Step("Call", s => s.Http("GET", "https://api.example.com/v1/charges").{{header}}.ExpectStatus(200))""";

    private static string Secret(string name, string description) =>
        $$"""    [Parameter("{{description}}"), Secret] public string {{name}} { get; init; } = "";""" + "\n";

    [Fact]
    public Task An_authorization_header_takes_the_runbooks_api_token() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook(Call("""Header("Authorization", "Bearer {|RB0006:sk_live_4eC39HqLyjWDarjtT1zdp7dc|}")""")),
            Sources.Runbook(Call("""Header("Authorization", $"Bearer {ApiToken}")""")));

    [Theory]
    [InlineData("""Header("X-Api-Key", "{|RB0006:9f8e7d6c5b4a39281706|}")""", """Header("X-Api-Key", $"{ApiKey}")""", "ApiKey", "API key")]
    [InlineData("""Header("Cookie", @"{|RB0006:session=9f8e7d6c5b4a|}")""", """Header("Cookie", $@"{SessionCookie}")""", "SessionCookie", "Session cookie")]
    public Task A_credential_header_becomes_a_secret_parameter_named_for_it(string written, string fixedHeader, string name, string description) =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook(Call(written)),
            Sources.Runbook(Call(fixedHeader), extraMembers: Secret(name, description)));

    /// <summary>The value is found by its parameter's name too, whatever order the arguments are written in.</summary>
    [Fact]
    public Task A_value_given_by_name_is_fixed_and_the_header_name_is_not() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook(Call("""Header(value: $"Token token={|RB0006:y_NbAkKc66ryYTWUXYEu|}", name: "Authorization")""")),
            Sources.Runbook(Call("""Header(value: $"Token token={ApiToken}", name: "Authorization")""")));
}

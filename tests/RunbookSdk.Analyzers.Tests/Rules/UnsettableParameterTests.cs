using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Parameters;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Parameters;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0024: a <c>[Parameter]</c> the runner cannot set (static, or without set or init) was left out by the generator
/// without a word: the page did not list it, <c>run … Region=us-east-1</c> was refused, and the runbook ran with the
/// code's value.
/// </summary>
public sealed class UnsettableParameterTests
{
    private static string Source(string parameter) => $$"""
        using System;
        using RunbookSdk;

        [Runbook("restart-api")]
        public sealed class RestartApi : Runbook
        {
            {{parameter}}

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Restart the API")
                .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                .Phase("Act", p => p.Step("Restart", s => s.Run($"systemctl restart api-{Region}").RequiresConfirmation()))
                .Rollback(r => r.Step("Undo", s => s.Run("systemctl restart api-previous").RequiresConfirmation()))
                .Verification(v => v.Step("Check", s => s.Run("curl --fail http://127.0.0.1/health")));
        }
        """;

    private static DiagnosticResult Unsettable(string what, string advice) =>
        new DiagnosticResult("RB0024", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Region", what, advice);

    [Theory]
    [InlineData("""[Parameter("Region")] public string {|#0:Region|} { get; } = "eu-west-1";""")]
    [InlineData("""[Parameter("Region")] public string {|#0:Region|} => "eu-west-1";""")]
    [InlineData("""[Parameter("Region")] public string {|#0:Region|} { get { return "eu-west-1"; } }""")]
    public Task A_read_only_parameter_is_reported_on_its_name(string parameter) =>
        Verify<UnsettableParameterAnalyzer>.AnalyzerAsync(Source(parameter), Unsettable("read-only (no set or init)", "give it an init accessor: { get; init; }"));

    [Fact]
    public Task A_static_parameter_is_reported_on_its_name() =>
        Verify<UnsettableParameterAnalyzer>.AnalyzerAsync(
            Source("""[Parameter("Region")] public static string {|#0:Region|} { get; set; } = "eu-west-1";"""),
            Unsettable("static", "make it an instance property"));

    [Theory]
    [InlineData("""[Parameter("Region")] public string Region { get; init; } = "eu-west-1";""")]
    [InlineData("""[Parameter("Region")] public string Region { get; private set; } = "eu-west-1";""")]
    [InlineData("""public string Region => "eu-west-1";""")]
    public Task A_settable_parameter_or_a_plain_property_passes(string parameter) =>
        Verify<UnsettableParameterAnalyzer>.AnalyzerAsync(Source(parameter));

    [Theory]
    [InlineData("""[Parameter("Region")] public string {|RB0024:Region|} { get; } = "eu-west-1";""", """[Parameter("Region")] public string Region { get; init; } = "eu-west-1";""")]
    [InlineData("""[Parameter("Region")] public string {|RB0024:Region|} => "eu-west-1";""", """[Parameter("Region")] public string Region { get; init; } = "eu-west-1";""")]
    [InlineData("""[Parameter("Region")] public static string {|RB0024:Region|} { get; set; } = "eu-west-1";""", """[Parameter("Region")] public string Region { get; set; } = "eu-west-1";""")]
    [InlineData("""[Parameter("Region")] static public string {|RB0024:Region|} { get; set; } = "eu-west-1";""", """[Parameter("Region")] public string Region { get; set; } = "eu-west-1";""")]
    public Task The_fix_makes_the_parameter_settable_and_keeps_its_value_as_the_default(string parameter, string fixedParameter) =>
        Verify<UnsettableParameterAnalyzer>.FixAsync<UnsettableParameterCodeFix>(Source(parameter), Source(fixedParameter));

    [Fact]
    public Task A_getter_with_a_body_gets_no_fix() =>
        Verify<UnsettableParameterAnalyzer>.FixAsync<UnsettableParameterCodeFix>(
            Source("""[Parameter("Region")] public string {|RB0024:Region|} { get { return "eu-west-1"; } }"""),
            Source("""[Parameter("Region")] public string {|RB0024:Region|} { get { return "eu-west-1"; } }"""));
}

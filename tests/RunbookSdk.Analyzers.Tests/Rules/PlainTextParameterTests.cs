using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0028: <c>Run("… --function-name {FunctionName}")</c>, written like a communication template, runs the text
/// <c>{FunctionName}</c>: only an interpolated string puts a parameter's value in. Nothing reported it, and the page,
/// which shows a hole the same way, read as if the parameter were there.
/// </summary>
public sealed class PlainTextParameterTests
{
    private static DiagnosticResult Plain(int location, string name, string what = "command") =>
        new DiagnosticResult("RB0028", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(name, what);

    [Fact]
    public Task Each_parameter_named_in_braces_in_a_plain_command_is_reported_where_it_is_written() =>
        CommandRuleSources.ActAsync("\"aws lambda get-function --function-name {|#0:{FunctionName}|} --region {|#1:{Region}|}\"",
            [Plain(0, "FunctionName"), Plain(1, "Region")]);

    [Fact]
    public Task A_parameter_named_in_a_plain_url_is_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Look", s => s.Http("GET", "https://api.omnix.ai/functions/{|#0:{FunctionName}|}").ExpectStatus(200))
            """), Plain(0, "FunctionName", "URL"));

    // A parameter renamed or a request pasted from a curl line: a header value and a body are sent as written too, so
    // "Bearer {ApiToken}" went out as that text (a 401 at 3 a.m.) and a body with "{FunctionName}" named no function.
    [Fact]
    public Task A_parameter_named_in_a_plain_header_value_or_body_is_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Invoke", s => s.Http("POST", "https://api.omnix.ai/invoke")
                            .Header("Authorization", "Bearer {|#0:{ApiToken}|}")
                            .Header("X-Region", @"{|#1:{Region}|}")
                            .Body("{\"function\": \"{|#2:{FunctionName}|}\", \"dryRun\": true}")
                            .ExpectStatus(200))
            """), Plain(0, "ApiToken", "header value"), Plain(1, "Region", "header value"), Plain(2, "FunctionName", "body"));

    // An expected value is compared as written: ExpectJson("version", "{Version}") failed whatever the service answered.
    [Fact]
    public Task A_parameter_named_in_a_plain_expected_value_is_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Deployed", s => s.Http("GET", "https://api.omnix.ai/version")
                            .ExpectJson("function", "{|#0:{FunctionName}|}")
                            .ExpectBodyContains("{|#1:{Region}|}")
                            .ExpectJson("region", $"{Region}"))
            """), Plain(0, "FunctionName", "expected value"), Plain(1, "Region", "expected value"));

    [Fact]
    public Task An_interpolated_header_value_or_body_is_not_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Invoke", s => s.Http("POST", "https://api.omnix.ai/invoke")
                            .Header("Authorization", $"Bearer {ApiToken}")
                            .Header("X-Trace", "{trace}")
                            .Body($"{{\"function\": \"{FunctionName}\"}}")
                            .ExpectStatus(200))
            """));

    [Theory]
    [InlineData("$\"aws lambda get-function --function-name {FunctionName}\"")] // interpolated: the handler fills it
    [InlineData("\"echo ${Region}\"")] // a shell variable
    [InlineData("\"docker inspect -f '{{Region}}' api\"")] // a Go template
    [InlineData("\"find /tmp -name '*.lock' -exec ls {} +\"")] // find's own placeholder
    [InlineData("\"echo {Stage} {region}\"")] // names no parameter (C# would not bind {region} to Region either)
    [InlineData("\"jq '{name: .Region}' out.json\"")] // not a name alone in braces
    public Task Braces_that_name_no_parameter_or_are_not_a_hole_are_not_reported(string command) =>
        CommandRuleSources.ActAsync(command, []);

    [Fact]
    public Task Prose_is_not_a_command() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Look", s => s.Instruction("Open the dashboard for {Region}"))
            """));
}

public sealed class InterpolatePlainCommandCodeFixTests
{
    [Fact]
    public Task The_command_becomes_interpolated_with_its_other_braces_kept_as_text() =>
        Verify<CommandTextAnalyzer>.FixAsync<InterpolatePlainCommandCodeFix>(
            Sources.Runbook("""
                        .Step("Get", s => s.Run("aws lambda get-function --function-name {|RB0028:{FunctionName}|} --region {|RB0028:{Region}|} --query '{a: b}' && echo ${HOME}", "Check it"))
            """),
            Sources.Runbook("""
                        .Step("Get", s => s.Run($"aws lambda get-function --function-name {FunctionName} --region {Region} --query '{{a: b}}' && echo ${{HOME}}", "Check it"))
            """));

    [Fact]
    public Task A_verbatim_url_keeps_its_at() =>
        Verify<CommandTextAnalyzer>.FixAsync<InterpolatePlainCommandCodeFix>(
            Sources.Runbook("""
                        .Step("Look", s => s.Http("GET", @"https://api.omnix.ai/functions/{|RB0028:{FunctionName}|}").ExpectStatus(200))
            """),
            Sources.Runbook("""
                        .Step("Look", s => s.Http("GET", $@"https://api.omnix.ai/functions/{FunctionName}").ExpectStatus(200))
            """));

    // A JSON body becomes one the body's handler fills: its own braces doubled, the hole JSON-escaped when it is sent.
    [Fact]
    public Task A_body_and_a_header_value_become_interpolated() =>
        Verify<CommandTextAnalyzer>.FixAsync<InterpolatePlainCommandCodeFix>(
            Sources.Runbook("""
                        .Step("Invoke", s => s.Http("POST", "https://api.omnix.ai/invoke").Header("Authorization", "Bearer {|RB0028:{ApiToken}|}").Body("{\"function\": \"{|RB0028:{FunctionName}|}\"}").ExpectStatus(200))
            """),
            Sources.Runbook("""
                        .Step("Invoke", s => s.Http("POST", "https://api.omnix.ai/invoke").Header("Authorization", $"Bearer {ApiToken}").Body($"{{\"function\": \"{FunctionName}\"}}").ExpectStatus(200))
            """));

    // A script over several lines stays one, its Go template's braces text: one $ more than their longest run. (Run
    // without the testing library's markup, whose $$ marks a position.)
    [Fact]
    public async Task A_raw_script_gets_as_many_dollars_as_its_braces_need()
    {
        var source = Sources.Runbook(""""
                        .Step("Inspect", s => s.Run("""
                            docker inspect -f '{{.State.Status}}' {FunctionName}
                            aws lambda get-function --function-name {FunctionName}
                            """))
            """");
        var document = AppliedFixes.Document(source);
        var findings = (await AppliedFixes.FindingsAsync(document)).Where(f => f.Diagnostic.Id == "RB0028").ToList();
        Assert.Equal(["{FunctionName}", "{FunctionName}"], findings.Select(f => f.Text));

        var applied = Assert.Single(await AppliedFixes.ApplyEachAsync(document, findings[1].Diagnostic));

        Assert.Empty(applied.Errors);
        Assert.DoesNotContain(applied.Findings, d => d.Id == "RB0028");
        Assert.Equal(Sources.Runbook(""""
                        .Step("Inspect", s => s.Run($$$"""
                            docker inspect -f '{{.State.Status}}' {{{FunctionName}}}
                            aws lambda get-function --function-name {{{FunctionName}}}
                            """))
            """"), applied.Source);
    }

    // No instance there has the property: $"…{Region}" would not compile, so the finding stands without a fix.
    [Fact]
    public Task No_fix_in_a_static_helper() =>
        Verify<CommandTextAnalyzer>.FixAsync<InterpolatePlainCommandCodeFix>(
            Sources.Runbook("""            .Step("Look", s => s.Instruction("look"))""", """
                private static void AddCheck(IPhaseBuilder phase) => phase.Step("Echo", s => s.Run("echo {|RB0028:{Region}|}"));
            """),
            Sources.Runbook("""            .Step("Look", s => s.Instruction("look"))""", """
                private static void AddCheck(IPhaseBuilder phase) => phase.Step("Echo", s => s.Run("echo {|RB0028:{Region}|}"));
            """));
}

using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0005 reports an HTTP DELETE: it removes what its URL names (<c>curl -XDELETE localhost:9200/logs-2024.01</c> drops
/// an Elasticsearch index), whether a command sends it or an <c>Http("DELETE", …)</c> step does. Other methods, and the
/// word in a URL or a message, are not reported.
/// </summary>
public sealed class HttpDeleteTests
{
    [Theory]
    [InlineData("curl -XDELETE localhost:9200/logs-2024.01", "curl -XDELETE localhost:9200/logs-2024.01")]
    [InlineData("curl -fsS -X DELETE https://search.internal/logs-2024.01", "curl -fsS -X DELETE https://search.internal/logs-2024.01")]
    [InlineData("curl -sX DELETE https://search.internal/_snapshot/nightly/old", "curl -sX DELETE https://search.internal/_snapshot/nightly/old")]
    [InlineData("curl --request=DELETE https://api.internal/queues/jobs", "curl --request=DELETE https://api.internal/queues/jobs")]
    [InlineData("curl -fsS --request 'DELETE' https://api.internal/queues/jobs", "curl -fsS --request 'DELETE' https://api.internal/queues/jobs")]
    [InlineData("http --check-status DELETE https://api.internal/sessions", "http --check-status DELETE https://api.internal/sessions")]
    [InlineData("xh DELETE :8080/cache", "xh DELETE :8080/cache")]
    [InlineData("wget -q --method=DELETE https://api.internal/cache", "wget -q --method=DELETE https://api.internal/cache")]
    public Task An_http_delete_a_command_sends_is_reported(string command, string reported) =>
        CommandRuleSources.DestructiveAsync(command, reported);

    [Theory]
    [InlineData("curl -fsS -X GET https://search.internal/logs-2024.01/_count")]
    [InlineData("curl -fsS https://api.internal/jobs?state=DELETE")]
    [InlineData("curl -fsS -X POST https://api.internal/jobs -d '{\\\"action\\\":\\\"DELETE\\\"}'")]
    [InlineData("http GET https://api.internal/DELETE-log")]
    [InlineData("echo 'curl -X DELETE https://api.internal/cache'")]
    [InlineData("grep -c DELETE /var/log/nginx/access.log")]
    public Task Other_methods_and_the_word_as_data_are_not_reported(string command) =>
        CommandRuleSources.DestructiveAsync(command, reported: null);

    [Fact]
    public Task An_http_step_that_sends_delete_is_reported_on_its_method() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Drop the old index", s => s.Http({|#0:"DELETE"|}, "https://search.internal/logs-2024.01").ExpectStatus(200))
                        .Step("Confirmed", s => s.Http("delete", "https://search.internal/logs-2024.02").ExpectStatus(200).RequiresConfirmation())
                        .Step("Read", s => s.Http("GET", "https://search.internal/logs-2024.01/_count").ExpectStatus(200))
            """), [new DiagnosticResult("RB0005", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("DELETE https://search.internal/logs-2024.01")]);

    [Fact]
    public Task The_fix_asks_for_confirmation_before_an_http_delete_step() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook("""
                        .Step("Drop the old index", s => s.Http({|RB0005:"DELETE"|}, "https://search.internal/logs-2024.01").ExpectStatus(200))
            """),
            Sources.Runbook("""
                        .Step("Drop the old index", s => s.Http("DELETE", "https://search.internal/logs-2024.01").ExpectStatus(200).RequiresConfirmation())
            """));
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// The command rules read a command as the shell splits it: <c>;</c>, <c>|</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>&amp;</c>
/// and new lines inside quotes (<c>'…'</c>, <c>"…"</c>, <c>$'…'</c>) or after a backslash are text, not operators.
/// Reading them as operators split one command into two and reported the wrong one, or hid the right one.
/// </summary>
public sealed class QuotedCommandTests
{
    private static Task Act(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{command}}"))
            """));

    private static Task Check(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
            verification: $$"""v => v.Step("Check", s => s.Run("{{command}}"))"""));

    // RB0015: text that only mentions a command, or a command a `timeout` prefix bounds, is not a command that never ends.
    [Theory]
    [InlineData("echo \\\"step done; now tail -f the log\\\"")]
    [InlineData("echo 'deploy finished | run kubectl logs -f deploy/api to watch it'")]
    [InlineData("echo $'it\\\\'s done; now tail -f the log'")] // in $'...' a backslash escapes the quote
    [InlineData("timeout 300 sh -c 'cd /srv/api; tail -f app.log'")]
    public Task QuotedSeparatorsDoNotStartACommandThatNeverEnds(string command) => Act(command);

    [Theory]
    [InlineData("{|RB0015:tail -f|} /var/log/nginx/access.log | grep 'GET /search?q=api&page=2'")] // not a background `&`
    [InlineData("kubectl logs {|RB0015:-f|} deploy/api | grep \\\"R&D\\\"")]
    [InlineData("bash -c 'kubectl logs {|RB0015:-f|} deploy/api'")]
    [InlineData("kubectl logs deploy/api \\\\\\n  --since 10m {|RB0015:-f|}")] // a backslash before the new line continues the command
    [InlineData("echo 'watching; press Ctrl-C' && {|RB0015:kubectl get pods -w|}")]
    public Task QuotedAmpersandsDoNotSendACommandToTheBackground(string command) => Act(command);

    // RB0014: a `|` inside a pattern is part of it; the pipeline ends with the command that reads it.
    [Theory]
    [InlineData("curl -s https://api.omnix.ai/health | grep -qE 'ok|healthy'")]
    [InlineData("curl -s https://api.omnix.ai/health | jq -e '.checks | all'")]
    [InlineData("curl -fsS https://api.omnix.ai/health | grep -q \\\"status: ok; db: up\\\"")]
    [InlineData("psql -h db.internal -tAc 'select 1; select 2' | grep -qx 2")]
    public Task QuotedPipesAndSemicolonsDoNotHideTheCheck(string command) => Check(command);

    [Theory]
    [InlineData("curl -fsS https://api.omnix.ai/health | {|RB0014:jq|} -r '.checks[] | .status'")]
    [InlineData("curl -fsS https://api.omnix.ai/health {|RB0014:|| echo|} 'unhealthy; check the dashboard'")]
    public Task QuotedSeparatorsDoNotHideACheckThatCannotFail(string command) => Check(command);

    // RB0005: a rollback only read about is not run; a destructive command is one command, quotes and all.
    [Theory]
    [InlineData("grep -E \\\"revert|rollback\\\" /var/log/deploy.log")]
    [InlineData("echo \\\"deploy verified; rollback not needed\\\"")]
    public Task ReadingAboutARollbackInsideQuotesIsNotReported(string command) => Act(command);

    // ...and the finding names it as written, quoted semicolon and all.
    [Fact]
    public Task ADestructiveCommandWithAQuotedSemicolonIsReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(
            Sources.Runbook("""
                        .Step("Apply", s => s.Run("{|#0:terraform apply -var 'banner=Back soon; sorry' -auto-approve|}"))
            """),
            new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("terraform apply -var 'banner=Back soon; sorry' -auto-approve"));
}

using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>Commands real runbooks write that the command rules once judged wrongly (found by an adversarial pass); each states what the rule's page promises.</summary>
public sealed class CommandRuleEdgeTests
{
    // RB0014 false positive: the check's exit status is grep's/jq's, which fails when the page is an error page.
    // Seed 001 line 402 writes exactly this. Adding --fail (the offered fix) would even break this check when the
    // maintenance page is served with a 503.
    [Theory]
    [InlineData("curl -s https://hooks.omninode.ai/ | grep -q maintenance")]
    [InlineData("curl -s https://api.omnix.ai/health | jq -e '.status == \\\"ok\\\"'")]
    public Task RB0014_CurlPipedIntoACheckThatCanFailIsNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
            verification: $$"""v => v.Step("Check", s => s.Run("{{command}}"))"""));

    // RB0005 false positives: "Restarts, describe/get/list ... are not reported".
    [Theory]
    [InlineData("docker run --rm postgres:16 pg_isready -h db.internal")] // --rm only cleans up the throwaway container
    [InlineData("kubectl auth can-i delete pods -n prod")]                  // asks a question, deletes nothing
    [InlineData("grep -i rollback /var/log/deploy.log")]                    // reads a log
    public Task RB0005_ReadOnlyCommandsAreNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    // RB0005 false negative: the page lists `aws ... delete-*` and `aws s3 rm`; a global option before the service hides them.
    [Theory]
    [InlineData("aws --profile prod s3 rm s3://omnix-uploads/tmp --recursive")]
    [InlineData("aws --region eu-central-1 dynamodb delete-table --table-name omnix-ai-orders")]
    public Task RB0005_AwsWithAGlobalOptionFirstIsStillDestructive(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Clean", s => s.Run({|RB0005:"{{command}}"|}))
            """));

    // RB0006 false negatives: "password=/token= assignments" and "--password ... options" are missed when quoted.
    [Fact]
    public Task RB0006_QuotedPasswordAssignmentIsReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Db", s => s.Run("PGPASSWORD='{|RB0006:s3cr3tPass|}' psql -h db.internal -U app -c 'SELECT 1'"))
            """));

    [Fact]
    public Task RB0006_QuotedPasswordOptionIsReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Db", s => s.Run("mysql -u root --password='{|RB0006:s3cr3tPass|}' -e 'SELECT 1'"))
            """));

    // RB0006 false negative: "passwords in URLs and connection strings"; a Redis URL has no user name.
    [Fact]
    public Task RB0006_PasswordInAUrlWithoutUserNameIsReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Cache", s => s.Run("redis-cli -u redis://:{|RB0006:s3cr3tPass|}@cache.internal:6379 PING"))
            """));

    // RB0015 false positive: git log --follow follows renames and ends on its own.
    [Fact]
    public Task RB0015_GitLogFollowIsNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("History", s => s.Run("git log --follow --oneline -- config/app.yaml"))
            """));
}

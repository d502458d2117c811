using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0014 on HTTPie: like curl without <c>--fail</c>, <c>http</c> and <c>https</c> exit 0 on a 4xx or 5xx unless given
/// <c>--check-status</c>, so a verification made of one passes while the service answers 500.
/// </summary>
public sealed class HttpieVerificationTests
{
    private static Task Check(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
            verification: $$"""v => v.Step("Check", s => s.Run("{{command}}"))"""));

    [Theory]
    [InlineData("{|RB0014:http|} GET https://api.omnix.ai/health")]
    [InlineData("{|RB0014:https|} api.omnix.ai/health")]
    [InlineData("{|RB0014:http|} --timeout 5 :8080/health")]
    [InlineData("timeout 10 {|RB0014:http|} GET https://api.omnix.ai/health")]
    [InlineData("kubectl -n api rollout status deploy/api --timeout=2m && {|RB0014:http|} https://api.omnix.ai/health")]
    public Task HttpieWithoutCheckStatusIsReported(string command) => Check(command);

    [Theory]
    [InlineData("http --check-status GET https://api.omnix.ai/health")]
    [InlineData("https --check-status --ignore-stdin api.omnix.ai/health")]
    [InlineData("http GET https://api.omnix.ai/health --check-status")]
    [InlineData("http --body https://api.omnix.ai/health | grep -q ok")] // the grep judges the page
    [InlineData("curl -fsS http://localhost:8080/health")] // http is a scheme here, not a command
    [InlineData("grep -q http /etc/nginx/conf.d/api.conf")]
    public Task HttpieThatCanFailAndOtherHttpWordsAreNotReported(string command) => Check(command);

    // xh is HTTPie-compatible: it too exits 0 on a 4xx or 5xx unless given --check-status.
    [Theory]
    [InlineData("{|RB0014:xh|} GET https://api.omnix.ai/health")]
    [InlineData("{|RB0014:xhs|} api.omnix.ai/health")]
    [InlineData("kubectl -n api rollout status deploy/api --timeout=2m && timeout 10 {|RB0014:xh|} :8080/health")]
    [InlineData("ssh ops@bastion '{|RB0014:xh|} GET localhost:8080/ready'")]
    public Task XhWithoutCheckStatusIsReported(string command) => Check(command);

    [Theory]
    [InlineData("xh --check-status GET https://api.omnix.ai/health")]
    [InlineData("xhs api.omnix.ai/health --check-status")]
    [InlineData("xh --body https://api.omnix.ai/health | grep -q ok")]
    [InlineData("grep -c xh /var/log/nginx/access.log")]
    public Task XhThatCanFailIsNotReported(string command) => Check(command);

    [Fact]
    public Task HttpieOutsideAVerificationIsNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Look", s => s.Run("http GET https://api.omnix.ai/health"))
            """));
}

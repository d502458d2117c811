using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0015 on the commands incident runbooks really write: the ones that hold the runner forever (a rollout that never
/// completes, a tunnel, a session) and the bounded forms beside them, which must stay quiet.
/// </summary>
public sealed class EndlessCommandTests
{
    private static Task Verify(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{command}}"))
            """));

    // kubectl waits for a rollout with no time limit unless told one: a stuck rollout holds the run forever.
    [Theory]
    [InlineData("kubectl {|RB0015:rollout status|} deploy/api")]
    [InlineData("kubectl -n payments {|RB0015:rollout status|} deployment/api")]
    [InlineData("kubectl {|RB0015:rollout status|} deploy/api --timeout=0s")] // zero means no limit
    public Task RolloutStatusWithoutATimeoutIsReported(string command) => Verify(command);

    [Theory]
    [InlineData("kubectl rollout status deploy/api --timeout=5m")]
    [InlineData("kubectl -n payments rollout status deployment/api --timeout 120s")]
    [InlineData("kubectl rollout status deploy/api --watch=false")]
    [InlineData("kubectl rollout history deploy/api")]
    public Task RolloutStatusThatEndsIsNotReported(string command) => Verify(command);
}

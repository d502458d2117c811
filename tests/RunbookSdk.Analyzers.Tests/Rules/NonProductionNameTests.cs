using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0012 in a production runbook, on the names real commands use: numbered environments and a literal environment
/// suffix after a parameter are dev resources; a -dev package, a mailbox and a device are not.
/// </summary>
public sealed class NonProductionNameTests
{
    private static Task Verify(string step) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => {{step}})
            """));

    [Theory]
    [InlineData("""s.Run("redis-cli -h {|RB0012:cache-stg01.internal|} ping")""")]
    [InlineData("""s.Run("curl -fsS https://{|RB0012:api-dev2.omnix.ai|}/health")""")]
    [InlineData("""s.Run($"aws lambda get-function --function-name {FunctionName}{|RB0012:-dev|} --region {Region}")""")] // whatever the function, its -dev twin
    public Task DevResourcesAreReported(string step) => Verify(step);
}

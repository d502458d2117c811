using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A message quotes the command's text with its holes as the author wrote them, <c>{Region}</c>. The rules match
/// against <c>${Region}</c> (a hole must read as a value, not a word), and messages used to show that form: it reads
/// like a shell variable the shell would expand, which the runbook never wrote. A dev suffix written after a hole is
/// shown with the hole it is the twin of (<c>{FunctionName}-dev</c>, where the message said <c>'-dev'</c>).
/// </summary>
public sealed class MessageHoleTests
{
    [Fact]
    public async Task Messages_show_holes_as_written_in_the_command()
    {
        var document = AppliedFixes.Document(Sources.Runbook("""
                        .Step("Watch", s => s.Run($"kubectl get pods -n {Region} --watch"))
                        .Step("Tail", s => s.Run($"aws logs tail /aws/ecs/{FunctionName}   --follow --since 30m"))
                        .Step("Drop", s => s.Run($"kubectl delete namespace {FunctionName.ToLowerInvariant()}"))
                        .Step("Twin", s => s.Run($"aws lambda get-function --function-name {FunctionName}-dev"))
                        .Step("Logs", s => s.Run($"tail -n 50 /home/jon{FunctionName}/app.log"))
            """));
        var messages = (await AppliedFixes.FindingsAsync(document)).Select(f => f.Diagnostic.Id + ": " + f.Diagnostic.GetMessage()).ToList();

        Assert.Contains(messages, m => m.StartsWith("RB0015: 'kubectl get pods -n {Region} --watch' never ends", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("RB0015: 'aws logs tail /aws/ecs/{FunctionName} --follow' never ends", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("RB0005: 'kubectl delete namespace {FunctionName.ToLowerInvariant()}' is destructive", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("RB0007: '/home/jon{FunctionName}/app.log' is one person's home directory", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("RB0012: This production runbook names '{FunctionName}-dev'", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("${", StringComparison.Ordinal));
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0005 reports every destructive command of a command line, each on the command it names, as RB0006 and RB0007
/// report every secret and home path: a step that deletes a namespace and then drops a table named only the namespace,
/// so the operator confirming it was never told of the table.
/// </summary>
public sealed class EveryDestructiveCommandTests
{
    [Theory]
    [InlineData("kubectl delete ns payments && psql -c 'DROP TABLE sessions'", "kubectl delete ns payments", "DROP TABLE")]
    [InlineData("redis-cli FLUSHALL; rm -rf /srv/app/cache", "FLUSHALL", "rm -rf /srv/app/cache")]
    [InlineData("kubectl -n api scale deploy api --replicas=0\\nkubectl delete pvc data-api-0", "--replicas=0", "kubectl delete pvc data-api-0")]
    [InlineData("ssh ops@bastion 'rm -rf /var/lib/app; ./rollback.sh v41'", "rm -rf /var/lib/app", "./rollback.sh v41")]
    public Task EachDestructiveCommandOfALineIsReported(string command, string first, string second)
    {
        var code = CommandRuleSources.MarkNamed($"\"{command}\"", second).Replace("{|#0:", "{|#1:");
        code = CommandRuleSources.MarkNamed(code, first);
        return CommandRuleSources.ActAsync(code, [Destructive(0, first), Destructive(1, second)]);
    }

    // One command still gets one finding, however many patterns it matches: its earliest.
    [Theory]
    [InlineData("helm rollback api 3", "helm rollback api 3")]
    [InlineData("psql -c 'DROP TABLE a; TRUNCATE b'", "DROP TABLE")] // one client, one quoted argument
    [InlineData("aws s3 rm s3://omnix-backups/2024 --recursive", "aws s3 rm s3://omnix-backups/2024 --recursive")]
    public Task OneCommandIsReportedOnce(string command, string named) =>
        CommandRuleSources.DestructiveAsync(command, named);

    private static DiagnosticResult Destructive(int location, string command) =>
        new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(command);
}

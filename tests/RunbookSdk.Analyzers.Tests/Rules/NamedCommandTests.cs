using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0005 on a destructive command that is only named: the argument of <c>echo</c>, <c>printf</c>, <c>grep</c> or
/// <c>pkill</c> is text they print or look for, not a command that runs (<c>echo 'rm -rf /'</c>). RB0014 and RB0015 knew
/// it; RB0005 reported every such text. A command line another shell runs is still read as commands, and so is text
/// an <c>echo</c> pipes into a program that runs it.
/// </summary>
public sealed class NamedCommandTests
{
    private static Task Act(string command, params DiagnosticResult[] expected) => CommandRuleSources.ActAsync(command, expected);

    private static DiagnosticResult Destructive(string command) =>
        new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(command);

    [Theory]
    [InlineData("\"echo 'rm -rf /'\"")]
    [InlineData("\"echo \\\"Never run rm -rf / on a host\\\"\"")]
    [InlineData("\"printf '%s\\\\n' 'kubectl delete ns payments'\"")]
    [InlineData("\"echo To reset: git reset --hard origin/main\"")]
    [InlineData("\"grep -R 'rm -rf' /srv/scripts\"")]
    [InlineData("\"grep rm -r /srv/scripts\"")] // rm is the pattern grep looks for
    [InlineData("\"pkill -f 'terraform destroy'\"")]
    [InlineData("\"echo 'DROP TABLE sessions' > /tmp/cleanup.sql\"")] // written to a file, not sent to a database
    [InlineData("\"if test -d /srv; then echo 'then rm -rf /srv/app'; fi\"")]
    [InlineData("\"sudo echo 'redis-cli FLUSHALL'\"")]
    public Task ADestructiveCommandThatIsOnlyNamedIsNotReported(string command) => Act(command);

    [Theory]
    [InlineData("\"echo done; rm -rf /srv/app\"", "rm -rf /srv/app")]
    [InlineData("\"echo 'cleaning up' && rm -rf /srv/app\"", "rm -rf /srv/app")]
    [InlineData("\"bash -c 'rm -rf /srv/app'\"", "rm -rf /srv/app")]
    [InlineData("\"ssh ops@bastion 'rm -rf /srv/app'\"", "rm -rf /srv/app")]
    [InlineData("\"ssh ops@bastion 'echo starting; rm -rf /srv/app'\"", "rm -rf /srv/app")]
    [InlineData("\"echo \\\"$(rm -rf /srv/app)\\\"\"", "rm -rf /srv/app")] // a command substitution runs
    [InlineData("\"echo 'DROP TABLE sessions;' | psql -h db.internal\"", "DROP TABLE")] // the text is fed to psql
    [InlineData("\"grep -h 'DROP TABLE' /srv/migrations/down.sql | psql -h db.internal\"", "DROP TABLE")] // the lines found are fed to psql
    [InlineData("\"psql -h db.internal -c 'DROP TABLE sessions'\"", "DROP TABLE")] // psql runs its quoted argument
    public Task ADestructiveCommandThatRunsIsStillReported(string command, string named) =>
        Act(CommandRuleSources.MarkNamed(command, named), Destructive(named));
}

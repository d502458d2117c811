using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A command that only prints or looks for text (<c>echo</c>, <c>printf</c>, <c>grep</c>, <c>pkill</c>) runs none of its
/// arguments, so <c>ssh HOST '…'</c> among them hands nothing to another shell: <c>echo Then run: ssh ops@bastion 'rm -rf
/// /srv/app'</c> tells the operator what to type. The rules read the quoted text as the command line of an ssh that
/// runs, and reported it. Piped on to a shell, it is a command line again.
/// </summary>
public sealed class NamedCarrierTests
{
    private static Task Act(string command, params DiagnosticResult[] expected) => CommandRuleSources.ActAsync(command, expected);

    [Theory]
    [InlineData("\"echo Then run: ssh ops@bastion 'rm -rf /srv/app'\"")]
    [InlineData("\"echo To follow it: ssh ops@bastion 'tail -f /var/log/app.log'\"")]
    [InlineData("\"grep -R -e bash -e \\\"-c 'rm -rf /srv\\\" /srv/scripts\"")]
    [InlineData("\"if test -d /srv/app; then echo Clean up with sudo sh -c 'rm -rf /srv/app/cache'; fi\"")]
    public Task ACarrierAmongTheWordsOfACommandThatOnlyNamesThemRunsNothing(string command) => Act(command);

    [Fact]
    public Task ACarrierPrintedForAShellToRunIsStillACommandLine() =>
        Act("\"echo ssh ops@bastion '{|#0:rm -rf /srv/app|}' | bash\"",
            new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("rm -rf /srv/app"));
}

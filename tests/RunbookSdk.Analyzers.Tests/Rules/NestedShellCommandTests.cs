using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A command handed to another shell as one quoted argument (<c>ssh HOST '…'</c>, <c>bash -c '…'</c>, <c>sudo … sh -c "…"</c>,
/// <c>kubectl exec … -- sh -c '…'</c>, <c>watch '…'</c>) is a command line of its own: its <c>;</c>, <c>|</c>, <c>&amp;&amp;</c>
/// and <c>||</c> are operators there. Read as quoted text, the rules missed <c>| wc -l</c>, <c>|| true</c>, <c>; echo done</c>
/// and a <c>watch</c> or <c>ping</c> after <c>&amp;&amp;</c>, and reported <c>curl -s … | grep -q ok</c> as a curl that cannot fail.
/// The quoted argument of any other command stays text.
/// </summary>
public sealed class NestedShellCommandTests
{
    private const string Members = """
            [Parameter("Host to reach")] public string Host { get; init; } = "api-1.internal";
            [Parameter("Pod to enter")] public string Pod { get; init; } = "api-0";
            private const string Kubectl = "kubectl --context prod-eu";
        """;

    private static Task Act(string command, params DiagnosticResult[] expected) => CommandRuleSources.ActAsync(command, expected, Members);

    private static Task Check(string command) => CommandRuleSources.CheckAsync(command, Members);

    // RB0014: the check inside the remote or nested shell is read as the command it is.
    [Theory]
    [InlineData("$\"ssh {Host} 'curl -sf https://localhost/health | {|RB0014:wc|} -l'\"")]
    [InlineData("\"ssh -i ~/.ssh/ops.pem ops@bastion 'curl -f localhost:8080/health {|RB0014:|| true|}'\"")]
    [InlineData("\"bash -c 'curl -f localhost:8080/health; {|RB0014:echo|} done'\"")]
    [InlineData("$\"kubectl exec {Pod} -- sh -c 'cd /app && {|RB0014:http|} GET localhost:8080/ready'\"")]
    [InlineData("$\"ssh {Host} '{|RB0014:curl|} https://x/health'\"")]
    [InlineData("\"sudo -u app sh -c \\\"systemctl restart app; {|RB0014:curl|} localhost\\\"\"")]
    public Task AWeakCheckInsideANestedShellIsReported(string command) => Check(command);

    [Theory]
    [InlineData("$\"ssh {Host} 'curl -s https://localhost/health | grep -q ok'\"")] // the grep judges the page
    [InlineData("\"docker exec api sh -c 'curl -s localhost:8080/health | jq -e .ok'\"")]
    [InlineData("\"ssh bastion 'curl -s localhost/health' | grep -q ok\"")] // the remote output is judged here
    [InlineData("\"curl -fsS https://api.omnix.ai/health | jq -e '.checks | all'\"")] // jq's program is text
    [InlineData("\"echo 'curl -s x | wc -l; echo done' && curl -fsS https://api.omnix.ai/health\"")] // echo's argument is text
    [InlineData("\"grep -qE 'ok|healthy' /var/log/health.log\"")]
    [InlineData("\"grep -c curl /var/log/nginx/access.log\"")] // names the client, does not run it
    public Task ACheckThatCanFailOrQuotedTextIsNotReported(string command) => Check(command);

    // RB0015: a command that never ends starts where the nested shell starts it.
    [Theory]
    [InlineData("\"ssh ops@bastion 'cd /srv && {|RB0015:watch|} df -h'\"")]
    [InlineData("\"ssh ops@bastion '{|RB0015:watch|} df -h'\"")]
    [InlineData("\"bash -c 'cd /srv; {|RB0015:ping|} db.internal'\"")]
    public Task ACommandThatNeverEndsInsideANestedShellIsReported(string command) => Act(command);

    [Theory]
    [InlineData("\"timeout 60 ssh ops@bastion 'cd /srv; tail -f app.log'\"")] // the timeout bounds ssh and all it runs
    [InlineData("\"timeout 60 bash -c 'cd /srv && watch df -h'\"")]
    [InlineData("\"sudo timeout 5m sh -c 'cd /srv; ping -c 3 db && ping db'\"")]
    [InlineData("\"echo 'cd /srv && watch df -h; ping db'\"")]
    [InlineData("\"git commit -m 'fix: ping db; watch it'\"")]
    [InlineData("\"jq '.items[] | .name' pods.json\"")]
    public Task ABoundedOrQuotedCommandIsNotReportedAsNeverEnding(string command) => Act(command);

    [Fact]
    public Task TheMessageNamesTheNestedCommandNotTheOuterOne() =>
        Act("\"ssh ops@bastion 'cd /srv; {|#0:tail -f|} app.log'\"",
            new DiagnosticResult("RB0015", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("tail -f"));

    // RB0005: the destructive command is the nested one, named as written without the closing quote.
    [Fact]
    public Task ADestructiveCommandInsideANestedShellIsReportedByItsOwnName() =>
        Act("$\"ssh {Host} '{|#0:rm -rf /var/lib/app|}'\"",
            new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("rm -rf /var/lib/app"));

    [Fact]
    public Task ARollbackAfterAnEchoInsideANestedShellIsReported() =>
        Act("\"ssh ops@bastion 'echo starting; {|#0:./rollback.sh v41|}'\"",
            new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("./rollback.sh v41"));

    [Fact]
    public Task ADeleteAfterAReadInsideANestedShellIsNamedOnItsOwn() =>
        Act("\"bash -c 'kubectl get ns; {|#0:kubectl delete ns payments|}'\"",
            new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("kubectl delete ns payments"));

    [Theory]
    [InlineData("\"bash -c 'docker ps; rm /tmp/app.lock'\"")] // docker ps, then a plain rm: no container is removed
    [InlineData("\"docker exec api sh -c 'rm /tmp/app.lock'\"")] // an rm inside the container, not docker rm
    public Task CommandsOfANestedShellAreNotJoinedWithTheOuterOnes(string command) => Act(command);

    // RB0017: the runner quotes a hole for the nested shell too, so a constant at one of its command starts runs as one
    // word there; one the nested shell reads inside its own quotes is one word on purpose, and with constants only C#
    // hands Run the finished text, which runs as written.
    [Theory]
    [InlineData("$\"bash -c 'cd /srv; {|RB0017:{Kubectl}|} get pods -n {Pod}'\"")]
    [InlineData("$\"bash -c 'cd /srv; {Kubectl} get pods -n payments'\"")]
    [InlineData("$\"ssh {Host} '{|RB0017:{Kubectl}|} get pods'\"")]
    [InlineData("$\"ssh {Host} {|RB0017:{Kubectl}|} get pods\"")]
    [InlineData("$\"sudo -u app sh -c \\\"{|RB0017:{Kubectl}|} get pods {Pod}\\\"\"")]
    [InlineData("$\"ssh {Host} 'kubectl get pods -l \\\"note={Kubectl}\\\"'\"")]
    [InlineData("$\"ssh {Host} 'echo {Kubectl}'\"")]
    // What echo prints into a pipe to a shell is that shell's command line: the runner quotes the constant for it too.
    [InlineData("$\"echo \\\"{|RB0017:{Kubectl}|} get pods {Pod}\\\" | ssh {Host}\"")]
    [InlineData("$\"echo \\\"{Kubectl} get pods {Pod}\\\" | grep get\"")]
    public Task AConstantIsJudgedWhereTheNestedShellReadsIt(string command) => Act(command);
}

using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0014 on pipelines: bash (without pipefail) returns a pipeline's last command's status, so a check early in the
/// pipeline is only as good as the command at its end.
/// </summary>
public sealed class VerificationPipelineTests
{
    private static Task Verify(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
            verification: $$"""v => v.Step("Check", s => s.Run("{{command}}"))"""));

    // wc, tee, head, jq without -e... exit 0 whatever they read: the check before them cannot fail the step.
    [Theory]
    [InlineData("curl -s https://api.omnix.ai/health | grep ok | {|RB0014:wc|} -l")]
    [InlineData("curl -fsS https://api.omnix.ai/health | {|RB0014:jq|} .")] // curl --fail prints nothing on a 500; jq reads nothing and exits 0
    [InlineData("kubectl rollout status deploy/api --timeout=120s | {|RB0014:tee|} /tmp/rollout.log")]
    [InlineData("psql -h db.internal -U app -c 'SELECT 1' | {|RB0014:head|} -5")]
    public Task APipelineEndingInACommandThatAlwaysSucceedsIsReported(string command) => Verify(command);

    [Theory]
    [InlineData("curl -fsS https://api.omnix.ai/health | jq -e '.status == \\\"ok\\\"'")]
    [InlineData("curl -s https://api.omnix.ai/health | grep -c ok")]
    [InlineData("set -o pipefail; curl -fsS https://api.omnix.ai/health | jq .")]
    [InlineData("curl -fsS https://api.omnix.ai/health | tee /tmp/health.json | grep -q ok")]
    [InlineData("kubectl get pods -n api --no-headers | awk '$3 != \\\"Running\\\" { bad = 1 } END { exit bad }'")]
    public Task APipelineThatCanFailIsNotReported(string command) => Verify(command);

    // jq's -e is read in jq's own simple command, as the shell splits it: after a $(…) holding a ';' it is still jq's
    // (before, the pattern stopped at that ';' and reported jq as exiting 0 whatever it reads, and curl -s without
    // --fail), and one inside a $(…) is another command's.
    [Theory]
    [InlineData("curl -s https://api.omnix.ai/health | jq \\\"$(cat filter; echo)\\\" -e")]
    [InlineData("curl -s https://api.omnix.ai/health | jq $(cat filter.args; echo) --exit-status")]
    public Task AJqGivenExitStatusAfterASubstitutionIsNotReported(string command) => Verify(command);

    [Theory]
    [InlineData("curl -fsS https://api.omnix.ai/health | {|RB0014:jq|} \\\"$(echo -e .status)\\\"")]
    [InlineData("curl -fsS https://api.omnix.ai/health | {|RB0014:jq|} \\\"$(grep -e status filters.txt)\\\"")]
    public Task AnExitStatusOptionOfAnotherCommandInsideASubstitutionIsNotJqs(string command) => Verify(command);

    // `|| true` swallows a failure only when it ends the list: after it, the next command's status is the list's.
    [Theory]
    [InlineData("rm -f /tmp/health.json || true; curl -fsS https://api.omnix.ai/health -o /tmp/health.json")]
    [InlineData("pkill -f 'ssh -fN' || true\\ncurl -fsS https://api.omnix.ai/health")]
    [InlineData("docker network create probe-net 2>/dev/null || true && docker run --rm --network probe-net curlimages/curl -fsS http://localhost:8080/health")]
    public Task AFallbackBeforeTheCheckIsNotReported(string command) => Verify(command);

    [Theory]
    [InlineData("curl -fsS https://api.omnix.ai/health {|RB0014:|| true|}")]
    [InlineData("curl -fsS https://api.omnix.ai/health {|RB0014:|| echo|} down")]
    [InlineData("curl -fsS https://api.omnix.ai/health {|RB0014:|| true|} && echo healthy")]
    public Task AFallbackAfterTheCheckIsReported(string command) => Verify(command);

    // A list's status is its last command's: `check; echo done` succeeds whatever the check found.
    [Theory]
    [InlineData("curl -fsS https://api.omnix.ai/health; {|RB0014:echo|} done")]
    [InlineData("kubectl port-forward svc/api 8080:80 & sleep 3; curl -fsS http://localhost:8080/health; {|RB0014:kill|} $!")]
    [InlineData("redis-cli -h cache.internal ping | grep -q PONG\\n{|RB0014:echo|} 'cache checked'")]
    public Task AListEndingInACommandThatAlwaysSucceedsIsReported(string command) => Verify(command);

    [Theory]
    [InlineData("kubectl port-forward svc/api 8080:80 & sleep 3; curl -fsS http://localhost:8080/health; status=$?; kill $!; exit $status")]
    [InlineData("set -e; curl -fsS https://api.omnix.ai/health; echo done")]
    [InlineData("curl -fsS https://api.omnix.ai/health || exit 1; echo healthy")]
    [InlineData("curl -fsS https://api.omnix.ai/health && echo healthy")]
    [InlineData("echo 'Checking health'; curl -fsS https://api.omnix.ai/health")]
    public Task AListEndingInTheCheckIsNotReported(string command) => Verify(command);

    // A `;` inside a `$(…)` is the substitution's own list: the pipeline and the list the check belongs to go on after
    // it, and the check's options and the command its pipeline ends in are read there (before, the reading stopped at
    // that `;`: a curl given --fail after it was reported, and the substitution's last command taken for the list's).
    [Theory]
    [InlineData("curl -s \\\"https://api.omnix.ai/$(cat path; echo)\\\" --fail")]
    [InlineData("curl -s \\\"https://api.omnix.ai/$(cat path; echo)\\\" | grep -q ok")]
    [InlineData("curl -fsS https://api.omnix.ai/health | grep -q \\\"$(cat expected; echo)\\\"")]
    [InlineData("curl -fsS https://api.omnix.ai/health | jq -e \\\"$(cat filter; echo .ok)\\\"")]
    [InlineData("curl -fsS https://api.omnix.ai/health | tee \\\"/tmp/$(cat run-id; echo).json\\\" | grep -q ok")]
    [InlineData("curl -fsS https://api.omnix.ai/health | grep -q `cat expected; echo`")]
    [InlineData("kubectl get pods -n api -o name | grep -q api; curl -fsS \\\"https://api.omnix.ai/$(cat path; echo)\\\"")]
    public Task ACheckWithASubstitutionHoldingASeparatorIsNotReported(string command) => Verify(command);

    [Theory]
    [InlineData("curl -fsS \\\"https://api.omnix.ai/$(cat path; echo)\\\" | {|RB0014:wc|} -l")]
    [InlineData("curl -fsS https://api.omnix.ai/health | {|RB0014:jq|} \\\"$(cat filter; echo -e)\\\" .")]
    [InlineData("{|RB0014:curl|} -s \\\"https://api.omnix.ai/$(cat path; echo -f)\\\"")]
    public Task APipelineWithASubstitutionHoldingASeparatorIsReadWhole(string command) => Verify(command);
}

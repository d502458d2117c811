using RunbookSdk;

namespace CliTestRunbooks;

/// <summary>Reads a status API with a token: a runbook with a secret, for how `runbook run` supplies one.</summary>
[Runbook("cli-test-secret")]
public sealed class CheckStatus : Runbook<OpsHandbook>
{
    [Parameter("Token of the status API"), Secret] public string Token { get; init; } = "";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Status API check")
        .Severity(Severity.P3)
        .Symptoms("The status page looks stale")
        .Phase("Check", TimeBox.Minutes(0, 5), p => p
            .Step("Call the status API", s => s.Run($"echo Authorization: Bearer {Token}").Timeout(TimeSpan.FromSeconds(30))))
        .NoRollback("read-only: nothing to undo")
        .Verification(v => v.Step("Status API answered", s => s.Run($"echo answered | grep answered").Timeout(TimeSpan.FromSeconds(30))));
}

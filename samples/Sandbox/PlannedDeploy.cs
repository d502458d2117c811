using RunbookSdk;

namespace Sandbox;

/// <summary>A planned deploy with a soak period: deploy, watch health, roll back if it does not hold.</summary>
[Runbook("sandbox-deploy")]
public sealed class PlannedDeploy : Runbook<SandboxHandbook>
{
    [Parameter("Base URL of the sandbox service, as it printed at start-up")] public string BaseUrl { get; init; } = "http://127.0.0.1:5099";
    [Parameter("The version to deploy")] public string Version { get; init; } = "1.1.0";
    [Parameter("Health checks during the soak, one per second")] public int SoakChecks { get; init; } = 5;

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Sandbox: deploy a new version")
        .Severity(Severity.P3)
        .Symptoms("A planned change: nothing is broken yet")
        .Phase("Deploy", TimeBox.Minutes(0, 10), p => p
            .Step("Deploy the new version", s => s
                .Run($"curl --fail -sS --max-time 10 -X POST --data {Version} {BaseUrl}/deploy")
                .RequiresConfirmation())
            .Step("Soak: health holds", s => s
                .Run($"for i in $(seq 1 {SoakChecks}); do curl --fail -sS --max-time 5 {BaseUrl}/health && echo || exit 1; sleep 1; done")
                .Timeout(TimeSpan.FromMinutes(10))))
        .Rollback(r => r
            .Step("Roll back the deploy", s => s
                .Run($"curl --fail -sS --max-time 10 -X POST --data '' {BaseUrl}/rollback")
                .RequiresConfirmation()))
        .Verification(v => v
            .Step("Health is green", s => s
                .Http("GET", $"{BaseUrl}/health")
                .ExpectStatus(200)
                .ExpectJson("status", "ok")));
}

using RunbookSdk;

namespace RunbookProject;

/// <summary>
/// The API answers 5XX after a release: stop taking traffic it would fail, roll the release back, prove health.
/// Escalation comes from <see cref="ServiceHandbook"/>; rollback and verification are this runbook's own, and the
/// analyzers refuse to build it without them.
/// </summary>
[Runbook("runbook-project-api-outage")]
public sealed class ApiOutage : Runbook<ServiceHandbook>
{
    [Parameter("Kubernetes namespace of the service")] public string Namespace { get; init; } = "runbook-project";
    [Parameter("Deployment serving the API")] public string Deployment { get; init; } = "runbook-project-api";
    [Parameter("Public health endpoint")] public string HealthUrl { get; init; } = "https://api.example.com/health";
    [Parameter("Admin endpoint that switches maintenance mode")] public string AdminUrl { get; init; } = "https://admin.example.com";
    [Parameter("Token for the admin endpoint"), Secret] public string AdminToken { get; init; } = "";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("API outage after a release")
        .Severity(Severity.P1)
        .Symptoms("Health checks return 5XX", "Error rate alarm fired shortly after a deploy")
        .Phase("Assess", TimeBox.Minutes(0, 5), p => p
            .Step("Confirm the outage", s => s
                .Run($"curl -sS --max-time 10 {HealthUrl}", "A 5XX here confirms the outage"))
            .Step("Find the last release", s => s
                .Run($"kubectl rollout history deployment/{Deployment} -n {Namespace}"))
            .Step("Tell the team", s => s
                .Notify("Investigating")))
        .Phase("Mitigate", TimeBox.Minutes(5, 15), p => p
            .Step("Switch on maintenance mode", s => s
                .Run($"curl --fail -sS --max-time 10 -X POST -H \"Authorization: Bearer {AdminToken}\" {AdminUrl}/maintenance/on", "Customers see a maintenance page instead of errors"))
            .Step("Roll back to the previous release", s => s
                .Run($"kubectl rollout undo deployment/{Deployment} -n {Namespace}")
                .RequiresConfirmation())
            .Step("Wait for the rollout", s => s
                .Run($"kubectl rollout status deployment/{Deployment} -n {Namespace} --timeout=5m")
                .Timeout(TimeSpan.FromMinutes(6)))
            .Step("Switch off maintenance mode", s => s
                .Run($"curl --fail -sS --max-time 10 -X POST -H \"Authorization: Bearer {AdminToken}\" {AdminUrl}/maintenance/off")))
        .Rollback(r => r
            .Step("Restore the release that was live", s => s
                .Run($"kubectl rollout undo deployment/{Deployment} -n {Namespace}", "Undoes this runbook's roll back")
                .RequiresConfirmation())
            .Step("Switch off maintenance mode", s => s
                .Run($"curl --fail -sS --max-time 10 -X POST -H \"Authorization: Bearer {AdminToken}\" {AdminUrl}/maintenance/off")))
        .Verification(v => v
            .Step("Health is green", s => s
                .Http("GET", HealthUrl)
                .ExpectStatus(200))
            .Step("The rollout is complete", s => s
                .Run($"kubectl rollout status deployment/{Deployment} -n {Namespace} --timeout=60s")
                .Timeout(TimeSpan.FromMinutes(2))));
}

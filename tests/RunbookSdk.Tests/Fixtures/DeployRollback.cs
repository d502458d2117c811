using RunbookSdk.Commands;

namespace RunbookSdk.Tests.Fixtures;

/// <summary>
/// A runbook that uses every step kind and refinement, with a secret in a command hole, a header and a URL.
/// It belongs to <see cref="PlatformHandbook"/> and has no escalation of its own.
/// </summary>
[Runbook("deploy-rollback")]
public sealed class DeployRollback : Runbook<PlatformHandbook>
{
    public static readonly string[] Namespaces = ["web", "jobs workers"];

    [Parameter("AWS region")] public string Region { get; init; } = "eu-central-1";
    [Parameter("Deployment to roll back", Required = true)] public string Service { get; init; } = "";
    [Parameter("Revision to roll back to")] public int Revision { get; init; } = 3;
    [Parameter("API token"), Secret] public string ApiToken { get; init; } = "";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Roll back a bad deploy [prod]")
        .Severity(Severity.P1)
        .Symptoms("5XX rate above 5%", "Alarm [api-errors] firing")
        .Phase("Assess", TimeBox.Minutes(5), p => p
            .Step("Check the deployment", s => s
                .Run($"kubectl rollout status deployment/{Service} --namespace {Namespaces} --region {Region}", comment: "Is the rollout stuck?")
                .Timeout(TimeSpan.FromMinutes(2))
                .Run($"curl --fail -H {"Authorization: Bearer " + ApiToken} https://api.example.com/deploys")
                .Http("get", $"https://api.example.com/health?token={ApiToken}", comment: "Health with auth")
                .Header("Authorization", $"Bearer {ApiToken}")
                .ExpectStatus(200)
                .ExpectBodyContains("ok"))
            .Step("Tell the team", s => s
                .Notify("Status update")
                .Instruction("Post in #incidents [now]")))
        .Phase("Mitigate", TimeBox.Minutes(5, 15), p => p
            .Step("Roll back", s => s
                .Run($"kubectl rollout undo deployment/{Service} --to-revision={Revision}")
                .Retry(3, TimeSpan.FromSeconds(5))
                .ExpectExitCode(0, 3)
                .RequiresConfirmation())
            .Step("Let it settle", s => s
                .Wait(TimeSpan.FromMinutes(2), "pods restart")
                .Monitor("error rate dashboard", TimeSpan.FromMinutes(10)))
            .Step("Record", s => s
                .Execute("Records the rollback in the change log", _ => Task.CompletedTask)
                .Timeout(TimeSpan.FromSeconds(90))
                .Snippet("promql", "sum(rate(http_requests_total{code=~\"5..\"}[5m]))", "Error rate")
                .Note("Check the dashboard too")))
        .Rollback(r => r
            .Step("Redeploy", s => s
                .Run($"kubectl rollout undo deployment/{Service}")
                .RequiresConfirmation()))
        .Verification(v => v
            .Step("Health is green", s => s
                .Http("GET", "https://api.example.com/health")
                .ExpectStatus(200)
                .ExpectJson("status", "ok")
                .Timeout(TimeSpan.FromSeconds(30))));
}

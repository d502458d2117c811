using RunbookSdk;

namespace Sandbox;

/// <summary>A broken version is live: find it, put the known-good version back, prove health.</summary>
[Runbook("sandbox-bad-deploy")]
public sealed class BadDeploy : Runbook<SandboxHandbook>
{
    [Parameter("Base URL of the sandbox service, as it printed at start-up")] public string BaseUrl { get; init; } = "http://127.0.0.1:5099";
    [Parameter("The version known to be good")] public string GoodVersion { get; init; } = "1.0.0";
    [Parameter("Where notifications are posted (empty: printed only)")] public string WebhookUrl { get; init; } = "";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Sandbox: a bad deploy broke health")
        .Severity(Severity.P1)
        .Symptoms("GET /health answers 503 with \"fails its start-up checks\"", "The failure started right after a deploy")
        .Phase("Diagnose", TimeBox.Minutes(0, 5), p => p
            .Step("Check health", s => s
                .Run($"curl -sS --max-time 5 {BaseUrl}/health", "Prints the problem; a 503 here is expected"))
            .Step("See which version is live", s => s
                .Http("GET", $"{BaseUrl}/version", "The live version and the one it replaced")
                .ExpectStatus(200))
            .Step("Tell the team", s => s
                .Notify("Investigating")))
        .Phase("Mitigate", TimeBox.Minutes(5, 15), p => p
            .Step("Deploy the known-good version", s => s
                .Run($"curl --fail -sS --max-time 10 -X POST --data {GoodVersion} {BaseUrl}/deploy")
                .Retry(3, TimeSpan.FromSeconds(2))
                .RequiresConfirmation())
            .Step("Let it settle", s => s
                .Wait(TimeSpan.FromSeconds(2), "the new version warms up")))
        .Rollback(r => r
            .Step("Undo our deploy", s => s
                .Run($"curl --fail -sS --max-time 10 -X POST --data '' {BaseUrl}/rollback", "Back to the version that was live before this run")
                .RequiresConfirmation()))
        .Verification(v => v
            // Asked again for a few seconds: a service just rolled back answers 503 while the old version starts.
            .Step("Health is green", s => s
                .Http("GET", $"{BaseUrl}/health")
                .ExpectStatus(200)
                .ExpectJson("status", "ok")
                .Retry(4, TimeSpan.FromSeconds(2)))
            // The live version's own field: /version also names the version it replaced, so a search for the
            // known-good version alone passed while the bad version it had replaced was live.
            .Step("The known-good version is live", s => s
                .Run($"curl --fail -sS --max-time 5 {BaseUrl}/version | grep -F -- '\"version\":\"'{GoodVersion}'\"'", "Fails unless the live version is the known-good one")));
}

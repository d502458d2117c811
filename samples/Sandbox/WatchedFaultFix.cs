using RunbookSdk;

namespace Sandbox;

/// <summary>
/// A dependency is down: switch the fault off while a health watch runs in the background, so the engineer sees health
/// turn green as it happens. The watch serves the whole run; the runner journals what it printed and stops it at the end.
/// </summary>
[Runbook("sandbox-watched-fault-fix")]
public sealed class WatchedFaultFix : Runbook<SandboxHandbook>
{
    [Parameter("Base URL of the sandbox service, as it printed at start-up")] public string BaseUrl { get; init; } = "http://127.0.0.1:5099";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Sandbox: a dependency is down, fixed under a health watch")
        .Severity(Severity.P2)
        .Symptoms("GET /health answers 503 with \"dependency unavailable\"")
        .Phase("Watch", TimeBox.Minutes(0, 2), p => p
            .Step("Watch health in the background", s => s
                .Run($"while :; do curl -sS --max-time 2 {BaseUrl}/health; echo; sleep 1; done &",
                    "Prints health every second for the rest of the run; the runner stops it when the run ends")
                // Only reads: a resume that passes this step by may start the watch again without asking.
                .Idempotent()))
        .Phase("Mitigate", TimeBox.Minutes(2, 10), p => p
            .Step("Switch the fault off", s => s
                .Http("POST", $"{BaseUrl}/fault", "Stands in for failing over to a healthy dependency")
                .Body("off")
                .ExpectStatus(200)
                .ExpectJson("enabled", "false"))
            .Step("Let health settle", s => s
                .Wait(TimeSpan.FromSeconds(30), "the watch shows health turning green")))
        .NoRollback("switching the fault off only removes the failure; there is nothing to undo")
        .Verification(v => v
            .Step("Health is green", s => s
                .Http("GET", $"{BaseUrl}/health")
                .ExpectStatus(200)
                .ExpectJson("status", "ok")));
}

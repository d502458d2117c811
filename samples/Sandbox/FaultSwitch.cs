using RunbookSdk;

namespace Sandbox;

/// <summary>A dependency is down (the fault switch is on): confirm it, switch it off, prove health.</summary>
[Runbook("sandbox-dependency-fault")]
public sealed class FaultSwitch : Runbook<SandboxHandbook>
{
    [Parameter("Base URL of the sandbox service, as it printed at start-up")] public string BaseUrl { get; init; } = "http://127.0.0.1:5099";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Sandbox: a dependency is down")
        .Severity(Severity.P2)
        .Symptoms("GET /health answers 503 with \"dependency unavailable\"")
        .Phase("Diagnose", TimeBox.Minutes(0, 5), p => p
            .Step("Check health", s => s
                .Run($"curl -sS --max-time 5 {BaseUrl}/health", "Prints the problem; a 503 here is expected"))
            .Step("Is the fault switch on?", s => s
                .Http("GET", $"{BaseUrl}/fault")
                .ExpectStatus(200)
                .ExpectJson("enabled", "true")))
        .Phase("Mitigate", TimeBox.Minutes(5, 15), p => p
            .Step("Switch the fault off", s => s
                .Http("POST", $"{BaseUrl}/fault", "Stands in for failing over to a healthy dependency")
                .Body("off")
                .ExpectStatus(200)
                .ExpectJson("enabled", "false")))
        .NoRollback("switching the fault off only removes the failure; there is nothing to undo")
        .Verification(v => v
            .Step("Health is green", s => s
                .Http("GET", $"{BaseUrl}/health")
                .ExpectStatus(200)
                .ExpectJson("status", "ok")));
}

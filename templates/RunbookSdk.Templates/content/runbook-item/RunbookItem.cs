using RunbookSdk;

namespace RunbookItemNamespace;

/// <summary>TODO: the incident this runbook answers, in one sentence.</summary>
[Runbook("runbook-item")]
public sealed class RunbookItem : Runbook<ServiceHandbook>
{
    [Parameter("Public health endpoint")] public string HealthUrl { get; init; } = "https://api.example.com/health";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("TODO: what is wrong, as the alert says it")
        .Severity(Severity.P2)
        .Symptoms("TODO: what the on-call engineer sees")
        .Phase("Assess", TimeBox.Minutes(0, 5), p => p
            .Step("Confirm the symptom", s => s
                .Run($"curl -sS --max-time 10 {HealthUrl}", "Shows the failure")))
        .Phase("Mitigate", TimeBox.Minutes(5, 15), p => p
            .Step("TODO: the fix", s => s
                .Instruction("TODO: replace with the command or request that fixes it")))
        // The analyzers refuse a runbook without rollback (or NoRollback("why")) and verification.
        .NoRollback("TODO: say what undoes the fix, or why nothing needs undoing")
        .Verification(v => v
            .Step("Health is green", s => s
                .Http("GET", HealthUrl)
                .ExpectStatus(200)));
}

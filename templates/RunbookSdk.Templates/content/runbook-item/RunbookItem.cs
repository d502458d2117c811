using RunbookSdk;

namespace RunbookItemNamespace;

/// <summary>What the on-call engineer does about RUNBOOK_ITEM_TITLE.</summary>
[Runbook("runbook-item")]
public sealed class RunbookItem : Runbook<ServiceHandbook>
{
    [Parameter("Public health endpoint")] public string HealthUrl { get; init; } = "https://api.example.com/health";

    // This runbook does not build until it says what only its author knows: what fixes the incident (RB0004 on the
    // empty step), how to undo that fix or why nothing needs undoing (RB0002: Rollback(...) or NoRollback("why")), and
    // what proves the service recovered (RB0003: Verification(...)). Symptoms(...) tells the on-call engineer when it applies.
    public override void Define(IRunbookBuilder rb) => rb
        .Title("RUNBOOK_ITEM_TITLE")
        .Severity(Severity.P2)
        .Phase("Assess", TimeBox.Minutes(0, 5), p => p
            .Step("Confirm the symptom", s => s
                .Run($"curl -sS --max-time 10 {HealthUrl}", "Shows the failure")))
        .Phase("Mitigate", TimeBox.Minutes(5, 15), p => p
            .Step("Fix the cause", s => { }));
}

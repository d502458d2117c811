using RunbookSdk;

namespace OmniNodeBridge;

/// <summary>Escalation script (scripts/escalate-incident.sh): notify the next level and log it.</summary>
[Runbook("omninode-escalate-incident")]
public sealed class EscalateIncident : OmniNodeBridgeRunbook
{
    [Parameter("Incident id")]
    public string IncidentId { get; init; } = "INC-YYYY-MM-DD-XXX";

    [Parameter("Current escalation level (1 or 2)")]
    public int CurrentLevel { get; init; } = 1;

    [Parameter("Why the incident is escalated")]
    public string EscalationReason { get; init; } = "Unable to resolve within 30 minutes (Sev 1)";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Escalation Scripts")
        .Summary("The seed's scripts/escalate-incident.sh as steps: take the step for the current level, then log the escalation.")
        .Severity(Severity.Sev1)
        .Environment("Production")
        .Phase("Escalate", p => p
            .Step("From Level 1: Escalating to Level 2: Platform Team Lead", s => s
                .Instruction("Send notifications to platform team"))
            .Step("From Level 2: Escalating to Level 3: Executive Team", s => s
                .Instruction("Send notifications to executives")
                .Note("Any other current level: Invalid escalation level"))
            .Step("Update incident tracking", s => s
                .Run($"echo \"$(date): Escalated to Level $(({CurrentLevel} + 1)) - {EscalationReason}\" >> \"{IncidentDirectory}/incident-{IncidentId}.md\"")))
        .NoRollback("Escalation only notifies people and appends to the incident log.")
        .Verification(v => v
            .Step("The escalation is logged", s => s
                .Run($"grep -q \"Escalated to Level\" \"{IncidentDirectory}/incident-{IncidentId}.md\"")));
}

using RunbookSdk;

namespace OmniNodeBridge;

/// <summary>Status page updates (scripts/update-status-page.sh).</summary>
[Runbook("omninode-update-status-page")]
public sealed class UpdateStatusPage : OmniNodeBridgeRunbook
{
    [Parameter("Incident id")]
    public string IncidentId { get; init; } = "INC-YYYY-MM-DD-XXX";

    [Parameter("investigating, identified, monitoring, resolved")]
    public string Status { get; init; } = "investigating";

    [Parameter("Message shown on the status page")]
    public string Message { get; init; } = "We are investigating reports of service degradation.";

    [Parameter("Statuspage.io page id")]
    public string PageId { get; init; } = "PAGE_ID";

    [Parameter("Statuspage.io OAuth token"), Secret]
    public string StatusPageToken { get; init; } = "";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Status Page Updates")
        .Summary("The seed's scripts/update-status-page.sh as a step.")
        .Severity(Severity.Sev1)
        .Environment("Production")
        .Phase("Update", p => p
            .Step("Post the incident update", s => s
                .Run($$"""
                    curl -X POST "https://api.statuspage.io/v1/pages/{{PageId}}/incidents" \
                      -H "Authorization: OAuth {{StatusPageToken}}" \
                      -H "Content-Type: application/json" \
                      -d "{
                        \"incident\": {
                          \"name\": \"Service Degradation - {{IncidentId}}\",
                          \"status\": \"{{Status}}\",
                          \"message\": \"{{Message}}\",
                          \"impact_override\": \"major\"
                        }
                      }"
                    """)))
        .NoRollback("A status page update is corrected by posting the next update, not undone.")
        .Verification(v => v
            .Step("The update is public", s => s
                .Http("GET", "https://status.omninode.ai").ExpectStatus(200)
                .Instruction("Check the incident shows on https://status.omninode.ai with the new status")));
}

using RunbookSdk;

namespace AuraConnect;

/// <summary>Runbook: API performance degradation.</summary>
[Runbook("auraconnect-api-performance")]
public sealed class ApiPerformanceDegradation : AuraConnectRunbook
{
    public override void Define(IRunbookBuilder rb) => rb
        .Title("API Performance Degradation")
        .Severity("Warning")
        .Environment("Production")
        .Symptoms("Response time > 2 seconds sustained")
        .Phase("Diagnose and fix", p => p
            .Step("Check response time metrics", s => s
                .Run($"curl -f -s -H \"Authorization: Bearer {Token}\" {ApiBaseUrl}/api/v1/health/performance", "Endpoint performance metrics"))
            .Step("Identify slow endpoints", s => s.Instruction("Identify slow endpoints"))
            .Step("Review recent code changes", s => s.Instruction("Review recent code changes"))
            .Step("Check database query performance", s => s.Instruction("Check database query performance"))
            .Step("Verify cache effectiveness", s => s.Instruction("Verify cache effectiveness"))
            .Step("Scale API servers if needed", s => s.Instruction("Scale API servers if needed")))
        .NoRollback("Diagnosis only changes nothing; added API servers are kept until the cause is fixed.")
        .Verification(v => v
            .Step("Responses are fast again", s => s
                .Http("GET", $"{ApiBaseUrl}/api/v1/health").ExpectStatus(200).Timeout(TimeSpan.FromSeconds(2))));
}

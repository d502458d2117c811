using RunbookSdk;

namespace Omnix;

/// <summary>Playbook 3: Data accuracy issues.</summary>
[Runbook("omnix-data-accuracy")]
public sealed class DataAccuracy : OmnixRunbook
{
    public override void Define(IRunbookBuilder rb) => rb
        .Title("Data Accuracy Issues")
        .Severity(Severity.P1)
        .Environment("Production (eu-central-1)")
        .Symptoms(
            "CloudWatch alarms: `OMNIX-prod-Data-Accuracy-Issues`",
            "Incorrect revenue calculations in dashboard",
            "Business stakeholder reports of wrong data")
        .Phase("Immediate Actions", TimeBox.Minutes(0, 5), p => p
            .Step("Data Validation Check", s => s
                .Run($"cd {BackendDirectory}/scripts && ./sla-monitoring-service.sh data-validation", "Run data accuracy validation"))
            .Step("Compare with Source Data", s => s
                .Run($"curl -s \"{ApiBaseUrl}/dashboard/summary\" | jq '.data'", "Manual verification of key metrics")
                .Run($"curl -s \"{ApiBaseUrl}/orders\" | jq '.total'", "Check raw order data"))
            .Step("Disable AI Analysis", s => s
                .OnlyIf("the data was corrupted by AI processing")
                .Run($$"""
                    aws lambda update-function-configuration \
                      --function-name {{FunctionName}} \
                      --environment Variables='{AI_ANALYSIS_ENABLED=false}' \
                      --region {{Region}}
                    """, "Temporarily disable AI features")
                .RequiresConfirmation()))
        .Phase("Investigation Actions", TimeBox.Minutes(5, 30), p => p
            .Step("Data Audit Trail", s => s
                .Instruction("Check CloudWatch logs for data processing errors")
                .Instruction("Verify DynamoDB item consistency")
                .Instruction("Review recent data ingestion jobs"))
            .Step("Cache Invalidation", s => s
                .Run($"""
                    aws lambda update-function-configuration \
                      --function-name {FunctionName} \
                      --description "Cache invalidation - $(date)" \
                      --region {Region}
                    """, "Force cache refresh by restarting Lambda")))
        .Rollback(r => r
            .Step("Re-enable AI Analysis", s => s
                .OnlyIf("AI analysis was disabled in step 1.3")
                .Run($$"""
                    aws lambda update-function-configuration \
                      --function-name {{FunctionName}} \
                      --environment Variables='{AI_ANALYSIS_ENABLED=true}' \
                      --region {{Region}}
                    """, "Undo the temporary disabling of AI features")
                .RequiresConfirmation()))
        .Verification(v => v
            .Step("Data accuracy validation passes", s => s
                .Run($"cd {BackendDirectory}/scripts && ./sla-monitoring-service.sh data-validation", "Run data accuracy validation"))
            .Step("Dashboard figures match the source data", s => s
                .Http("GET", $"{ApiBaseUrl}/dashboard/summary").ExpectStatus(200)
                .Instruction("Compare the dashboard summary with the raw order totals from step 1.2")));
}

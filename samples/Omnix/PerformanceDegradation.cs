using RunbookSdk;

namespace Omnix;

/// <summary>Playbook 4: Performance degradation.</summary>
[Runbook("omnix-performance-degradation")]
public sealed class PerformanceDegradation : OmnixRunbook
{
    [Parameter("Lambda memory in MB during the incident")]
    public int MemorySize { get; init; } = 1024;

    [Parameter("Lambda memory in MB to restore on rollback")]
    public int PreviousMemorySize { get; init; } = 512;

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Performance Degradation")
        .Severity(Severity.P2)
        .Environment("Production (eu-central-1)")
        .Symptoms(
            "API response times > 2 seconds consistently",
            "CloudWatch alarms: `OMNIX-prod-API-High-Latency`",
            "User complaints about slow loading")
        .Phase("Immediate Actions", TimeBox.Minutes(0, 5), p => p
            .Step("Performance Baseline Check", s => s
                .Run($"cd {BackendDirectory} && ./production-validation-test.js", "Test all critical endpoints"))
            .Step("Check Cold Start Impact", s => s
                .Run($"""
                    aws cloudwatch get-metric-statistics \
                      --namespace AWS/Lambda \
                      --metric-name Duration \
                      --dimensions Name=FunctionName,Value={FunctionName} \
                      --start-time $(date -d '2 hours ago' --iso-8601) \
                      --end-time $(date --iso-8601) \
                      --period 300 \
                      --statistics Average,Maximum \
                      --region {Region}
                    """, "Monitor Lambda duration metrics"))
            .Step("Increase Lambda Memory (temporary fix)", s => s
                .Run($"""
                    aws lambda update-function-configuration \
                      --function-name {FunctionName} \
                      --memory-size {MemorySize} \
                      --region {Region}
                    """, "Increase memory to reduce cold starts")
                .RequiresConfirmation()))
        .Rollback(r => r
            .Step("Restore the previous Lambda memory size", s => s
                .Run($"""
                    aws lambda update-function-configuration \
                      --function-name {FunctionName} \
                      --memory-size {PreviousMemorySize} \
                      --region {Region}
                    """)
                .RequiresConfirmation()))
        .Verification(v => v
            .Step("Critical endpoints are fast again", s => s
                .Run($"cd {BackendDirectory} && ./production-validation-test.js", "Test all critical endpoints")
                .Http("GET", $"{ApiBaseUrl}/health").ExpectStatus(200).Timeout(TimeSpan.FromSeconds(2))));
}

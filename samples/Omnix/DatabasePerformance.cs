using RunbookSdk;

namespace Omnix;

/// <summary>Playbook 2: Database performance issues.</summary>
[Runbook("omnix-database-performance")]
public sealed class DatabasePerformance : OmnixRunbook
{
    [Parameter("DynamoDB products table")]
    public string ProductsTable { get; init; } = "omnix-ai-products-dev";

    [Parameter("Temporary read capacity units")]
    public int ReadCapacity { get; init; } = 50;

    [Parameter("Temporary write capacity units")]
    public int WriteCapacity { get; init; } = 10;

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Database Performance Issues")
        .Severity(Severity.P2)
        .Environment("Production (eu-central-1)")
        .Symptoms(
            "CloudWatch alarms: `OMNIX-prod-DynamoDB-Read-Throttles`",
            "Slow API responses (> 2 seconds)",
            "Cache performance degradation")
        .Phase("Immediate Actions", TimeBox.Minutes(0, 5), p => p
            .Step("Check DynamoDB Metrics", s => s
                .Run($"""
                    aws cloudwatch get-metric-statistics \
                      --namespace AWS/DynamoDB \
                      --metric-name ConsumedReadCapacityUnits \
                      --dimensions Name=TableName,Value={ProductsTable} \
                      --start-time $(date -d '1 hour ago' --iso-8601) \
                      --end-time $(date --iso-8601) \
                      --period 300 \
                      --statistics Sum \
                      --region {Region}
                    """, "Check read/write capacity utilization"))
            .Step("Enable Auto-Scaling", s => s
                .OnlyIf("auto-scaling is not enabled on the table yet")
                .Run($"""
                    aws application-autoscaling register-scalable-target \
                      --service-namespace dynamodb \
                      --resource-id table/{ProductsTable} \
                      --scalable-dimension dynamodb:table:ReadCapacityUnits \
                      --min-capacity 5 \
                      --max-capacity 100 \
                      --region {Region}
                    """, "Register table for auto-scaling"))
            .Step("Temporary Capacity Increase", s => s
                .Run($"""
                    aws dynamodb update-table \
                      --table-name {ProductsTable} \
                      --provisioned-throughput ReadCapacityUnits={ReadCapacity},WriteCapacityUnits={WriteCapacity} \
                      --region {Region}
                    """, "Increase read capacity temporarily")
                .RequiresConfirmation()))
        .Phase("Investigation Actions", TimeBox.Minutes(5, 15), p => p
            .Step("Analyze Query Patterns", s => s
                .Instruction("Review CloudWatch logs for scan operations")
                .Instruction("Check for missing indexes")
                .Instruction("Identify hot partition keys"))
            .Step("Cache Performance Analysis", s => s
                .Run($"cd {BackendDirectory}/scripts && ./sla-monitoring-service.sh health-check", "Run cache performance check")))
        .NoRollback("The only change (auto-scaling registration, a temporary capacity increase) is additive and safe to keep until the table is tuned; capacity is lowered again by the follow-up, not at 3 a.m.")
        .Verification(v => v
            .Step("Read throttling has stopped", s => s
                .Run($"""
                    aws cloudwatch get-metric-statistics \
                      --namespace AWS/DynamoDB \
                      --metric-name ReadThrottleEvents \
                      --dimensions Name=TableName,Value={ProductsTable} \
                      --start-time $(date -d '15 minutes ago' --iso-8601) \
                      --end-time $(date --iso-8601) \
                      --period 300 \
                      --statistics Sum \
                      --region {Region}
                    """, "Throttle events over the last 15 minutes should be 0"))
            .Step("API responds within the SLO", s => s
                .Http("GET", $"{ApiBaseUrl}/health").ExpectStatus(200).Timeout(TimeSpan.FromSeconds(2))));
}

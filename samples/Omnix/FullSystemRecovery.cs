using RunbookSdk;

namespace Omnix;

/// <summary>Recovery procedures: full system recovery and validation post-recovery.</summary>
[Runbook("omnix-full-system-recovery")]
public sealed class FullSystemRecovery : OmnixRunbook
{
    [Parameter("Deployment package of the latest stable version")]
    public string DeploymentPackage { get; init; } = "fileb://omnix-ai-backend-staging.zip";

    [Parameter("DynamoDB table to restore")]
    public string ProductsTable { get; init; } = "omnix-ai-products-dev";

    [Parameter("ARN of the backup to restore from")]
    public string BackupArn { get; init; } = "arn:aws:dynamodb:eu-central-1:account:table/omnix-ai-products-dev/backup/backup-id";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Full System Recovery")
        .Severity(Severity.P1)
        .Environment("Production (eu-central-1)")
        .Phase("Full System Recovery", p => p
            .Step("Complete Service Restart", s => s
                .Run($"""
                    cd {BackendDirectory} && aws lambda update-function-code \
                      --function-name {FunctionName} \
                      --zip-file {DeploymentPackage} \
                      --region {Region}
                    """, "Redeploy latest stable version. Create new deployment")
                .RequiresConfirmation())
            .Step("Database Recovery", s => s
                .Run($"""
                    aws dynamodb restore-table-from-backup \
                      --target-table-name {ProductsTable}-restored \
                      --backup-arn {BackupArn}
                    """, "Restore from point-in-time backup if needed")
                .RequiresConfirmation())
            .Step("Cache Warming", s => s
                .Run($"curl \"{ApiBaseUrl}/products\"", "Pre-warm cache with critical data")
                .Run($"curl \"{ApiBaseUrl}/dashboard/summary\"")))
        .NoRollback("Recovery is itself the last-resort rollback: it redeploys the stable package and restores into a new table, leaving the current table untouched.")
        .Verification(v => v
            .Step("Validation Post-Recovery", s => s
                .Run($"cd {BackendDirectory}/scripts && ./sla-monitoring-service.sh health-check", "Run comprehensive validation")
                .Run($"cd {BackendDirectory}/scripts && ./sla-monitoring-service.sh continuous", "Monitor for 30 minutes")
                .Timeout(TimeSpan.FromMinutes(30))));
}

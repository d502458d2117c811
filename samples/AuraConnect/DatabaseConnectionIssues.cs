using RunbookSdk;

namespace AuraConnect;

/// <summary>Runbook: database connection issues.</summary>
[Runbook("auraconnect-database-connection")]
public sealed class DatabaseConnectionIssues : AuraConnectRunbook
{
    public override void Define(IRunbookBuilder rb) => rb
        .Title("Database Connection Issues")
        .Severity(Severity.Critical)
        .Environment("Production")
        .Symptoms("Database connection lost")
        .Phase("Diagnose and fix", p => p
            .Step("Check database server status", s => s.Instruction("Check database server status"))
            .Step("Verify network connectivity", s => s.Instruction("Verify network connectivity"))
            .Step("Check connection pool configuration", s => s.Instruction("Check connection pool configuration"))
            .Step("Review security group settings", s => s.Instruction("Review security group settings"))
            .Step("Check database credentials", s => s.Instruction("Check database credentials"))
            .Step("Restart connection pool if needed", s => s
                .Instruction("Restart connection pool if needed")
                .RequiresConfirmation()))
        .NoRollback("Every step is a check except the connection-pool restart, which has nothing to undo.")
        .Verification(v => v
            .Step("Database component is healthy", s => s
                .Run($"curl -f -s -H \"Authorization: Bearer {Token}\" {ApiBaseUrl}/api/v1/health/detailed | grep -q \"database\"", "Detailed component health")));
}

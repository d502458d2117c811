using RunbookSdk;

namespace MacroAi;

/// <summary>Emergency procedures: database emergency recovery.</summary>
[Runbook("macro-ai-database-emergency-recovery")]
public sealed class DatabaseEmergencyRecovery : MacroAiRunbook
{
    [Parameter("Database host")]
    public string DbHost { get; init; } = "localhost";

    [Parameter("Database port")]
    public int DbPort { get; init; } = 5432;

    [Parameter("Database user")]
    public string DbUser { get; init; } = "postgres";

    [Parameter("Database name")]
    public string DbName { get; init; } = "macro_ai";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Database Emergency Recovery")
        .Severity(Severity.Sev1)
        .Environment("Production")
        .Summary("🚨 DATABASE EMERGENCY RECOVERY. Ends with ✅ Database recovery completed.")
        .Symptoms("Database connection failures preventing all operations")
        .Phase("Database emergency recovery", p => p
            .Step("Check database status", s => s
                .Run($"pg_isready -h {DbHost} -p {DbPort} -U {DbUser}"))
            .Step("If database is down, attempt restart", s => s
                .Run("aws rds reboot-db-instance --db-instance-identifier macro-ai-prod", "Database is down, attempting restart... This would depend on your database hosting solution. For RDS:")
                .RequiresConfirmation())
            .Step("Check for corruption", s => s
                .Run($"psql -h {DbHost} -U {DbUser} -d {DbName} -c \"SELECT 1;\""))
            .Step("If corruption detected, restore from backup", s => s
                .Instruction("Database corruption detected, initiating backup restore... Restore from most recent backup. Implementation depends on backup strategy")
                .RequiresConfirmation()))
        .NoRollback("A reboot has nothing to undo; a restore from backup cannot be undone and the seed leaves its implementation to the backup strategy.")
        .Verification(v => v
            .Step("Verify data integrity", s => s
                .Run($"""
                    psql -h {DbHost} -U {DbUser} -d {DbName} -c "
                        SELECT COUNT(*) FROM users;
                        SELECT COUNT(*) FROM chats;
                        SELECT COUNT(*) FROM chat_messages;
                    "
                    """)));
}

using RunbookSdk;

namespace OmniNodeBridge;

/// <summary>Quick reference runbook: database emergency (runbooks/database-emergency.sh).</summary>
[Runbook("omninode-database-emergency")]
public sealed class DatabaseEmergency : OmniNodeBridgeRunbook
{
    public override void Define(IRunbookBuilder rb) => rb
        .Title("Database Emergency Runbook")
        .Summary("The seed's runbooks/database-emergency.sh as steps. The script's --emergency-restart flag is the confirmation of step 1.5.")
        .Severity(Severity.Sev1)
        .Environment("Production")
        .Symptoms("Database completely unavailable", "Database performance severely degraded (>10s response times)")
        .Phase("DATABASE EMERGENCY RUNBOOK", p => p
            .Step("Check database connectivity", s => s
                .Run($"docker-compose exec postgres pg_isready -U {Database}", "Testing database connectivity..."))
            .Step("Check for locks", s => s
                .Run($"""
                    docker-compose exec postgres psql -U {Database} -d {Database} -c "
                    SELECT pid, now() - pg_stat_activity.query_start AS duration, query
                    FROM pg_stat_activity
                    WHERE (now() - pg_stat_activity.query_start) > interval '5 minutes';"
                    """, "Checking for blocking queries..."))
            .Step("Check disk space", s => s
                .Run("docker-compose exec postgres df -h", "Checking disk space..."))
            .Step("Check for corruption", s => s
                .Run($"""
                    docker-compose exec postgres psql -U {Database} -d {Database} -c "
                    SELECT schemaname, tablename, attname, n_distinct, correlation
                    FROM pg_stats
                    WHERE schemaname = 'public';"
                    """, "Checking for corruption..."))
            .Step("Emergency actions (--emergency-restart)", s => s
                .Note("Emergency database restart...")
                .Run("docker-compose stop postgres")
                .Wait(TimeSpan.FromSeconds(10))
                .Run("docker-compose start postgres")
                .Wait(TimeSpan.FromSeconds(60), "PostgreSQL accepts connections again")
                .RequiresConfirmation()))
        .Rollback(r => r
            .Step("Start PostgreSQL if the emergency restart left it stopped", s => s
                .Run("docker-compose start postgres")))
        .Verification(v => v
            .Step("The database accepts connections", s => s
                .Run($"docker-compose exec postgres pg_isready -U {Database}")));
}

using RunbookSdk;

namespace OmniNodeBridge;

/// <summary>Common mitigation: the database recovery procedure (scripts/database-recovery.sh).</summary>
[Runbook("omninode-database-recovery")]
public sealed class DatabaseRecovery : OmniNodeBridgeRunbook
{
    [Parameter("Password of the bridge's PostgreSQL role"), Secret]
    public string DatabasePassword { get; init; } = "";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Database Recovery")
        .Summary("Mitigation and Resolution, one of the Common Mitigation Strategies: the seed's scripts/database-recovery.sh as steps. The script's --restart flag is the confirmation of step 1.4.")
        .Severity(Severity.Sev1)
        .Environment("Production")
        .Symptoms("Database completely unavailable", "Database performance severely degraded (>10s response times)")
        .Phase("DATABASE RECOVERY PROCEDURE", p => p
            .Step("Check database status", s => s
                .Run($"docker-compose exec postgres pg_isready -U {Database}"))
            .Step("Check for corruption", s => s
                .Run($"docker-compose exec postgres psql -U {Database} -d {Database} -c \"SELECT pg_database_size('{Database}');\""))
            .Step("Check active connections", s => s
                .Run($"docker-compose exec postgres psql -U {Database} -d {Database} -c \"SELECT count(*) FROM pg_stat_activity WHERE state = 'active';\""))
            .Step("If needed, restart PostgreSQL (--restart)", s => s
                .Note("Restarting PostgreSQL...")
                .Run($"docker-compose -f {ComposeFile} restart postgres")
                .Wait(TimeSpan.FromSeconds(60), "PostgreSQL accepts connections again")
                .RequiresConfirmation()))
        .NoRollback("Only the optional restart changes anything, and a restart has nothing to undo.")
        .Verification(v => v
            .Step("Verify connectivity from services", s => s
                .Run($$"""
                    docker-compose exec hook-receiver python -c "
                    import asyncpg
                    import asyncio
                    async def test():
                        conn = await asyncpg.connect('postgresql://{{Database}}:{{DatabasePassword}}@postgres:5432/{{Database}}')  # pragma: allowlist secret
                        result = await conn.fetchval('SELECT 1')
                        print(f'Database test result: {result}')
                        await conn.close()
                    asyncio.run(test())
                    "
                    """)));
}

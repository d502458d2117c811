using RunbookSdk;

namespace AuraConnect;

/// <summary>Runbook: high memory usage.</summary>
[Runbook("auraconnect-high-memory")]
public sealed class HighMemoryUsage : AuraConnectRunbook
{
    public override void Define(IRunbookBuilder rb) => rb
        .Title("High Memory Usage")
        .Severity("Warning")
        .Environment("Production")
        .Symptoms("Memory usage > 85%")
        .Phase("Diagnose and fix", p => p
            .Step("Check memory metrics", s => s
                .Run($"curl -f -s -H \"Authorization: Bearer {Token}\" {ApiBaseUrl}/api/v1/health/metrics", "System metrics"))
            .Step("Identify memory-consuming processes", s => s.Instruction("Identify memory-consuming processes"))
            .Step("Check for memory leaks", s => s.Instruction("Check for memory leaks"))
            .Step("Clear unnecessary caches", s => s
                .Instruction("Clear unnecessary caches")
                .RequiresConfirmation())
            .Step("Scale horizontally if needed", s => s.Instruction("Scale horizontally if needed"))
            .Step("Restart services as last resort", s => s
                .Instruction("Restart services as last resort")
                .RequiresConfirmation()))
        .NoRollback("Cleared caches refill and added capacity is kept; a restart has nothing to undo.")
        .Verification(v => v
            .Step("Memory is back under the warning threshold", s => s
                .Run($"curl -f -s -H \"Authorization: Bearer {Token}\" {ApiBaseUrl}/api/v1/health/metrics", "System metrics")
                .Instruction("Memory usage is below 85% (the Warning threshold)")));
}

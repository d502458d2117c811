using RunbookSdk;

namespace MacroAi;

/// <summary>Emergency procedures: complete system outage (the seed's emergency system recovery script).</summary>
[Runbook("macro-ai-complete-system-outage")]
public sealed class CompleteSystemOutage : MacroAiRunbook
{
    public override void Define(IRunbookBuilder rb) => rb
        .Title("Complete System Outage")
        .Severity(Severity.Sev1)
        .Environment("Production")
        .Summary("Emergency Procedures ✅ IMPLEMENTED: 🚨 EMERGENCY SYSTEM RECOVERY INITIATED with this runbook; it ends with 🎉 Emergency recovery completed.")
        .Symptoms("API completely down (all endpoints returning 5xx)")
        .Phase("Emergency system recovery script", p => p
            .Step("Enable maintenance mode", s => s
                .Run("kubectl apply -f k8s/maintenance-mode.yaml", "✅ Maintenance mode enabled")
                .RequiresConfirmation())
            .Step("Check system resources", s => s
                .Run("kubectl top nodes")
                .Run("kubectl top pods"))
            .Step("Restart all services", s => s
                .Run($"kubectl rollout restart {ApiDeployment}")
                .Run($"kubectl rollout restart {UiDeployment}", "✅ Services restarted")
                .RequiresConfirmation())
            .Step("Wait for services to be ready", s => s
                .Run($"kubectl rollout status {ApiDeployment} --timeout=300s")
                .Run($"kubectl rollout status {UiDeployment} --timeout=300s"))
            .Step("Run health checks", s => s
                .Run($"curl -f {ApiBaseUrl}/api/health", "✅ API health check passed, or ❌ API health check failed: stop here, maintenance mode stays on"))
            .Step("Disable maintenance mode", s => s
                .Run("kubectl delete -f k8s/maintenance-mode.yaml", "✅ Maintenance mode disabled")
                .RequiresConfirmation()))
        .NoRollback("Restarts have nothing to undo, and maintenance mode is only lifted after the API passes its health check.")
        .Verification(v => v
            .Step("API health check passed", s => s
                .Run($"curl -f {ApiBaseUrl}/api/health")));
}

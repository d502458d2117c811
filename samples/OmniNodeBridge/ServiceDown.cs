using RunbookSdk;

namespace OmniNodeBridge;

/// <summary>Quick reference runbook: a service is down (runbooks/service-down.sh).</summary>
[Runbook("omninode-service-down")]
public sealed class ServiceDown : OmniNodeBridgeRunbook
{
    [Parameter("Compose service that is down; also the subdomain of its health endpoint")]
    public string Service { get; init; } = "hooks";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Service Down Runbook")
        .Summary("The seed's runbooks/service-down.sh as steps.")
        .Severity(Severity.Sev2)
        .Environment("Production")
        .Symptoms("ServiceDown alert: Service {{ $labels.job }} is down", "Single service completely down (HookReceiver, ModelMetrics, or WorkflowCoordinator)")
        .Phase("SERVICE DOWN RUNBOOK", p => p
            .Step("Verify the alert", s => s
                .Run($"curl -f \"https://{Service}.omninode.ai/health\" || echo \"✗ Service is down\"", "Verifying service status..."))
            .Step("Check container status", s => s
                .Run($"docker-compose ps \"{Service}\"", "Checking container status..."))
            .Step("Check logs for errors", s => s
                .Run($"docker-compose logs --tail=50 \"{Service}\" | grep -E \"(ERROR|FATAL|Exception)\"", "Checking recent logs..."))
            .Step("Check resource usage", s => s
                .Run($"docker stats \"{Service}\" --no-stream", "Checking resource usage..."))
            .Step("Attempt restart", s => s
                .Run($"docker-compose restart \"{Service}\"", "Attempting service restart...")
                .RequiresConfirmation()))
        .NoRollback("A restart changes no configuration or data; when it does not help, escalate (Service restart failed - escalating).")
        .Verification(v => v
            .Step("Wait and verify", s => s
                .Wait(TimeSpan.FromSeconds(30), "the restarted service starts")
                .Run($"curl -f \"https://{Service}.omninode.ai/health\" >/dev/null", "Service restart successful when this succeeds; otherwise Service restart failed - escalating")));
}

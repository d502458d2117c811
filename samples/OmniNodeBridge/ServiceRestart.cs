using RunbookSdk;

namespace OmniNodeBridge;

/// <summary>Common mitigation: restart one service (scripts/service-restart.sh).</summary>
[Runbook("omninode-service-restart")]
public sealed class ServiceRestart : OmniNodeBridgeRunbook
{
    [Parameter("Compose service to restart; also the subdomain of its health endpoint")]
    public string Service { get; init; } = "hooks";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Service Restart")
        .Summary("Mitigation and Resolution, one of the Common Mitigation Strategies: the seed's scripts/service-restart.sh as steps.")
        .Severity(Severity.Sev2)
        .Environment("Production")
        .Symptoms("Single service completely down (HookReceiver, ModelMetrics, or WorkflowCoordinator)")
        .Phase("Restart", p => p
            .Step("Graceful restart", s => s
                .Note("Restarting service: {Service}")
                .Run($"docker-compose -f {ComposeFile} restart \"{Service}\"")
                .RequiresConfirmation())
            .Step("Wait for health check", s => s
                .Wait(TimeSpan.FromSeconds(30), "the service passes its health check")))
        .NoRollback("A restart changes no configuration or data; if the service stays down, escalate (Service Down Runbook).")
        .Verification(v => v
            .Step("Verify restart", s => s
                .Run($"curl -f -s \"https://{Service}.omninode.ai/health\" >/dev/null", "Service restart successful when this succeeds; otherwise Service restart failed")));
}

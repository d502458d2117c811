using RunbookSdk;

namespace OmniNodeBridge;

/// <summary>Common mitigation: maintenance mode and traffic rerouting (scripts/traffic-rerouting.sh).</summary>
[Runbook("omninode-traffic-rerouting")]
public sealed class TrafficRerouting : OmniNodeBridgeRunbook
{
    public override void Define(IRunbookBuilder rb) => rb
        .Title("Traffic Rerouting")
        .Summary("Mitigation and Resolution, one of the Common Mitigation Strategies: the seed's scripts/traffic-rerouting.sh as steps.")
        .Severity(Severity.Sev1)
        .Environment("Production")
        .Symptoms("All API endpoints returning 5xx errors", "Complete system failure")
        .Phase("TRAFFIC REROUTING PROCEDURE", p => p
            .Step("Enable maintenance mode", s => s
                .Run("docker-compose exec nginx nginx -s reload -c /etc/nginx/nginx-maintenance.conf", "Enabling maintenance mode...")
                .RequiresConfirmation())
            .Step("Drain existing connections", s => s
                .Wait(TimeSpan.FromSeconds(30), "Draining connections..."))
            .Step("Route traffic to backup endpoints (if available)", s => s
                .Instruction("Updating load balancer configuration... This would typically involve updating external load balancer configs"))
            .Step("Verify rerouting", s => s
                .Run($"curl -s {HooksUrl}/ | grep -q \"maintenance\" && echo \"✓ Maintenance mode active\"")))
        .Rollback(r => r
            .Step("Disable maintenance mode", s => s
                .Run("docker-compose exec nginx nginx -s reload -c /etc/nginx/nginx.conf", "Reload the regular configuration")
                .RequiresConfirmation()
                .Instruction("Restore the external load balancer configuration changed in step 1.3")))
        .Verification(v => v
            .Step("Maintenance mode is active", s => s
                .Http("GET", $"{HooksUrl}/").ExpectBodyContains("maintenance")));
}

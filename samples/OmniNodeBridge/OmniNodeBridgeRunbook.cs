using RunbookSdk;

namespace OmniNodeBridge;

/// <summary>
/// Parameters every OmniNode Bridge runbook shares. The seed's scripts hard-coded the service URLs, the compose file
/// and the database role; as parameters they show in each page's parameters table and can be overridden per run.
/// </summary>
public abstract class OmniNodeBridgeRunbook : Runbook<OmniNodeBridgeHandbook>
{
    [Parameter("Public URL of the HookReceiver service")]
    public string HooksUrl { get; init; } = "https://hooks.omninode.ai";

    [Parameter("Public URL of the ModelMetrics service")]
    public string MetricsUrl { get; init; } = "https://metrics.omninode.ai";

    [Parameter("Public URL of the WorkflowCoordinator service")]
    public string WorkflowsUrl { get; init; } = "https://workflows.omninode.ai";

    [Parameter("Production docker-compose file")]
    public string ComposeFile { get; init; } = "docker-compose.prod.yml";

    [Parameter("PostgreSQL role and database of the bridge")]
    public string Database { get; init; } = "omninode_bridge";

    [Parameter("Directory of the incident logs")]
    public string IncidentDirectory { get; init; } = "/opt/omninode_bridge/incidents";
}

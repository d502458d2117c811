using RunbookSdk;

namespace ModAx;

/// <summary>Parameters every ModAx runbook shares: the ECS cluster and service, and the log group.</summary>
public abstract class ModAxRunbook : Runbook<ModAxHandbook>
{
    [Parameter("ECS cluster")]
    public string Cluster { get; init; } = "modax-cluster";

    [Parameter("ECS service of the internal application")]
    public string Service { get; init; } = "modax-internal";

    [Parameter("CloudWatch log group of the internal application")]
    public string LogGroup { get; init; } = "/aws/ecs/modax-internal";
}

using RunbookSdk;

namespace MacroAi;

/// <summary>Parameters every Macro AI runbook shares: the Kubernetes deployments and the public API.</summary>
public abstract class MacroAiRunbook : Runbook<MacroAiHandbook>
{
    [Parameter("API deployment")]
    public string ApiDeployment { get; init; } = "deployment/macro-ai-api";

    [Parameter("UI deployment")]
    public string UiDeployment { get; init; } = "deployment/macro-ai-ui";

    [Parameter("Public API base URL")]
    public string ApiBaseUrl { get; init; } = "http://api.macro-ai.com";
}

using RunbookSdk;

namespace MacroAi;

/// <summary>Response procedures: the immediate response workflow (acknowledge, assess, mitigate).</summary>
[Runbook("macro-ai-immediate-response")]
public sealed class ImmediateResponse : MacroAiRunbook
{
    [Parameter("API pods label selector")]
    public string ApiPods { get; init; } = "app=macro-ai-api";

    [Parameter("API replicas when scaling up")]
    public int ApiReplicas { get; init; } = 5;

    [Parameter("UI replicas when scaling up")]
    public int UiReplicas { get; init; } = 3;

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Immediate Response Workflow")
        .Severity(Severity.Sev1)
        .Environment("Production")
        .Summary("🛠️ Response Procedures: Immediate Response Workflow ✅ IMPLEMENTED.")
        .Phase("Incident Acknowledgment (< 5 minutes)", p => p
            .Step("Incident response checklist", s => s
                .Instruction("Acknowledge incident in monitoring system")
                .Instruction("Assign incident commander")
                .Instruction("Create incident channel (#incident-YYYY-MM-DD-XXX)")
                .Instruction("Notify stakeholders based on severity")
                .Instruction("Begin impact assessment")))
        .Phase("Initial Assessment (< 15 minutes)", p => p
            .Step("Perform rapid system assessment", s => s
                .Snippet("typescript", MacroAiSnippets.IncidentAssessment, "The application's assessment script checks API health, database connectivity, external services, recent deployments, error rates and response times:")))
        .Phase("Mitigation Actions (< 30 minutes)", p => p
            // The seed's "Common mitigation strategies" are alternatives the on-call engineer picks from, not a
            // sequence: one runs, or none (restarting, deleting pods and FLUSHALL in one go was never meant).
            .OneOf("Mitigation strategy", o => o
                .Note("Common mitigation strategies: pick the one the assessment points at. Rolling back a deployment is the Rollback section.")
                .Step("Service restart", s => s
                    .Run($"kubectl rollout restart {ApiDeployment}")
                    .Run($"kubectl rollout restart {UiDeployment}")
                    .RequiresConfirmation())
                .Step("Database connection reset", s => s
                    .Run($"kubectl delete pod -l {ApiPods}")
                    .Note("Pods will be recreated with fresh connections")
                    .RequiresConfirmation())
                .Step("Cache clear", s => s
                    .Run("redis-cli FLUSHALL")
                    .RequiresConfirmation())
                .Step("Scale up resources", s => s
                    .Run($"kubectl scale {ApiDeployment} --replicas={ApiReplicas}")
                    .Run($"kubectl scale {UiDeployment} --replicas={UiReplicas}"))
                .Step("Enable maintenance mode", s => s
                    .Run("kubectl apply -f maintenance-mode.yaml")
                    .RequiresConfirmation())))
        .Rollback(r => r
            .Step("Rollback deployment", s => s
                .Run($"kubectl rollout undo {ApiDeployment}")
                .Run($"kubectl rollout undo {UiDeployment}")
                .RequiresConfirmation())
            .Step("Disable maintenance mode", s => s
                .Run("kubectl delete -f maintenance-mode.yaml")
                .RequiresConfirmation()))
        .Verification(v => v
            .Step("Deployments are ready and the API is healthy", s => s
                .Run($"kubectl rollout status {ApiDeployment} --timeout=300s")
                .Run($"kubectl rollout status {UiDeployment} --timeout=300s")
                .Run($"curl -f {ApiBaseUrl}/api/health")));
}

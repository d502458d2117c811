using RunbookSdk;

namespace MacroAi;

/// <summary>Troubleshooting procedures: common issues and solutions for the API, the database and the AI service.</summary>
[Runbook("macro-ai-troubleshooting")]
public sealed class Troubleshooting : MacroAiRunbook
{
    [Parameter("Local API base URL")]
    public string LocalApiUrl { get; init; } = "http://localhost:3040";

    [Parameter("Cognito user pool id")]
    public string UserPoolId { get; init; } = "USER_POOL_ID";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("🔧 Troubleshooting Procedures")
        .Severity(Severity.Sev3)
        .Environment("Production")
        .Summary("Common Issues and Solutions ✅ IMPLEMENTED.")
        .Symptoms("Slow response times (> 5 seconds)", "Non-critical API endpoints failing", "AI service integration failures")
        .Phase("API Service Issues", p => p
            .Step("API Health Check Failures", s => s
                .Run($"curl -f {LocalApiUrl}/api/health")
                .Note("If unhealthy, check: Database connectivity; Redis connectivity; Environment variables; Recent deployments"))
            .Step("High Response Times", s => s
                .Snippet("sql", "SELECT * FROM pg_stat_activity WHERE state = 'active';", "Check database performance")
                .Instruction("Check connection pool status")
                .Instruction("Review application logs for slow queries"))
            .Step("Authentication Failures", s => s
                .Run($"aws cognito-idp describe-user-pool --user-pool-id {UserPoolId}", "Verify Cognito service status")
                .Instruction("Check JWT token validation")
                .Instruction("Verify cookie configuration")))
        .Phase("Database Issues", p => p
            .Step("Database troubleshooting queries", s => s
                .Snippet("sql", MacroAiSnippets.DatabaseTroubleshooting)))
        .Phase("AI Service Issues", p => p
            .Step("Diagnose AI service issues", s => s
                .Snippet("typescript", MacroAiSnippets.AiServiceTroubleshooter)))
        .NoRollback("Diagnostics only: nothing is changed.")
        .Verification(v => v
            .Step("The API is healthy", s => s
                .Run($"curl -f {LocalApiUrl}/api/health")));
}

using RunbookSdk;

namespace AuraConnect;

/// <summary>The incident response process: triage, initial response, diagnosis and resolution.</summary>
[Runbook("auraconnect-incident-response")]
public sealed class IncidentResponse : AuraConnectRunbook
{
    public override void Define(IRunbookBuilder rb) => rb
        .Title("Incident Response Process")
        .Severity(Severity.Critical)
        .Environment("Production")
        .Summary("Detection: automated monitoring via health check endpoints, alert notifications (email, SMS, Slack), user reports and performance degradation alerts.")
        .Symptoms(
            "Automated monitoring via health check endpoints",
            "Alert notifications (email, SMS, Slack)",
            "User reports",
            "Performance degradation alerts")
        .Phase("Triage", p => p
            .Step("Triage", s => s
                .Instruction("Check monitoring dashboard")
                .Instruction("Identify affected components")
                .Instruction("Assess severity and impact")
                .Instruction("Assign incident commander")))
        .Phase("Initial Response", p => p
            .Step("For Critical Incidents", s => s
                .Run($"curl {ApiBaseUrl}/api/v1/health", "1. Check overall health")
                .Run($"curl -H \"Authorization: Bearer {Token}\" {ApiBaseUrl}/api/v1/health/detailed", "2. Check detailed health")
                .Run($"curl -H \"Authorization: Bearer {Token}\" {ApiBaseUrl}/api/v1/health/errors?hours=1", "3. View recent errors")
                .Run($"curl -H \"Authorization: Bearer {Token}\" {ApiBaseUrl}/api/v1/health/metrics", "4. Check system metrics"))
            .Step("Quick Checks", s => s
                .Instruction("**Database**: Check connection pool and query performance")
                .Instruction("**Redis**: Verify connectivity and memory usage")
                .Instruction("**API**: Monitor response times and error rates")
                .Instruction("**Workers**: Check background job queues")))
        .Phase("Diagnosis", p => p
            .Step("Common Issues and Solutions: High Error Rate", s => s
                .Instruction("Check error logs: `/api/v1/health/errors`")
                .Instruction("Identify error patterns")
                .Instruction("Check recent deployments")
                .Instruction("Review database query performance"))
            .Step("Slow Response Times", s => s
                .Instruction("Check performance metrics: `/api/v1/health/performance`")
                .Instruction("Identify slow endpoints")
                .Instruction("Check database query times")
                .Instruction("Review cache hit rates"))
            .Step("Database Issues", s => s
                .Instruction("Check connection pool status")
                .Instruction("Review slow query log")
                .Instruction("Check disk space")
                .Instruction("Verify backup status"))
            .Step("Memory Issues", s => s
                .Instruction("Check system metrics")
                .Instruction("Identify memory leaks")
                .Instruction("Review cache usage")
                .Instruction("Check worker memory consumption")))
        .Phase("Resolution", p => p
            .Step("Immediate Actions", s => s
                .Instruction("**Scale Resources**: Add more servers/workers if needed")
                .Instruction("**Clear Cache**: Reset Redis cache if corrupted")
                .Instruction("**Restart Services**: Restart affected components")
                .RequiresConfirmation())
            .Step("Long-term Actions", s => s
                .Instruction("**Optimize Queries**: Fix slow database queries")
                .Instruction("**Code Fixes**: Deploy patches for identified bugs")
                .Instruction("**Infrastructure**: Upgrade resources if needed")
                .Instruction("**Monitoring**: Add additional checks for problem areas")))
        .Rollback(r => r
            .Step("Rollback", s => s
                .Instruction("**Rollback**: Revert recent deployments if necessary")
                .RequiresConfirmation()))
        .Verification(v => v
            .Step("System is healthy again", s => s
                .Http("GET", $"{ApiBaseUrl}/api/v1/health", "Basic health check (public)").ExpectStatus(200)
                .Run($"curl -f -s -H \"Authorization: Bearer {Token}\" {ApiBaseUrl}/api/v1/health/detailed | grep -q \"healthy\"", "Detailed component health"))
            .Step("No active alerts remain", s => s
                .Instruction("Resolve alerts in monitoring system: `PUT /api/v1/health/alerts/{id}/resolve`, then check `GET /api/v1/health/alerts` lists none unresolved")));
}

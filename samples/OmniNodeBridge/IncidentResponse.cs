using RunbookSdk;

namespace OmniNodeBridge;

/// <summary>
/// The incident response process: detection, initial response (scripts/initial-incident-response.sh) and the
/// systematic investigation checklist.
/// </summary>
[Runbook("omninode-incident-response")]
public sealed class IncidentResponse : OmniNodeBridgeRunbook
{
    [Parameter("Incident id, e.g. INC-2025-01-31-001")]
    public string IncidentId { get; init; } = "INC-YYYY-MM-DD-XXX";

    [Parameter("Severity 1-4")]
    public int IncidentSeverity { get; init; } = 1;

    [Parameter("Who reported the incident")]
    public string Reporter { get; init; } = "on-call";

    [Parameter("Prometheus base URL")]
    public string PrometheusUrl { get; init; } = "http://localhost:9090";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Incident Response Process")
        .Summary("Detection, the initial response checklist (the seed's scripts/initial-incident-response.sh) and the investigation checklist, as steps.")
        .Severity(Severity.Sev1)
        .Environment("Production")
        .Symptoms(
            "Prometheus AlertManager", "Health check failures", "Error rate threshold breaches",
            "Performance degradation alerts", "Security monitoring alerts", "Customer reports")
        .Phase("Detection and Alert", p => p
            .Step("Manual Detection Process: Incident Detection Checklist", s => s
                .Instruction("Verify alert authenticity")
                .Instruction("Check multiple data sources")
                .Instruction("Assess initial impact scope")
                .Instruction("Determine severity level")
                .Instruction("Create incident ticket")
                .Instruction("Notify response team")))
        .Phase("Initial Response Checklist", p => p
            .Step("Acknowledge incident", s => s
                .Note("Incident ID: {IncidentId}; Severity: {IncidentSeverity}; Reporter: {Reporter}")
                .Instruction("Acknowledging incident in monitoring systems... Update PagerDuty, Slack, etc."))
            .Step("Gather initial information", s => s
                .Run($"curl -s {HooksUrl}/health | jq .", "Gathering system status...")
                .Run($"curl -s {MetricsUrl}/lab/health | jq .")
                .Run($"curl -s {WorkflowsUrl}/health | jq ."))
            .Step("Check infrastructure", s => s
                .Run($"docker-compose -f {ComposeFile} ps", "Checking infrastructure status...")
                .Run("systemctl status docker"))
            .Step("Create incident documentation", s => s
                .Run($"""
                    INCIDENT_FILE="{IncidentDirectory}/incident-$(date +%Y%m%d_%H%M%S).md"
                    cat > "$INCIDENT_FILE" << EOF
                    # Incident Response Log

                    **Incident ID**: {IncidentId}
                    **Severity**: {IncidentSeverity}
                    **Reported By**: {Reporter}
                    **Started At**: $(date)

                    ## Timeline
                    - $(date): Incident detected and response initiated

                    ## Impact Assessment
                    - [ ] Services affected
                    - [ ] Users impacted
                    - [ ] Business impact

                    ## Response Actions
                    - [ ] Initial investigation
                    - [ ] Stakeholder notification
                    - [ ] Mitigation attempts

                    ## Resolution
                    - [ ] Root cause identified
                    - [ ] Fix implemented
                    - [ ] Verification completed
                    EOF
                    echo "Incident documentation created: $INCIDENT_FILE"
                    """, "Creating incident documentation...")))
        .Phase("Investigation and Diagnosis", p => p
            .Step("Service Health Check", s => s
                .Note("Investigation Checklist, a Systematic Investigation Process: work through the five analyses in order.")
                .Run($"curl -s {HooksUrl}/health | jq '.checks'", "SERVICE HEALTH ANALYSIS")
                .Run($"curl -s {MetricsUrl}/lab/health | jq '.nodes'")
                .Run($"curl -s {WorkflowsUrl}/health | jq '.dependencies'"))
            .Step("Infrastructure Analysis", s => s
                .Run($"docker-compose exec postgres pg_isready -U {Database}", "Check database connectivity")
                .Run("docker-compose exec kafka kafka-topics --list --bootstrap-server localhost:9092", "Check message broker")
                .Run("docker-compose exec redis redis-cli ping", "Check cache"))
            .Step("Performance Analysis", s => s
                .Run($"curl -s \"{PrometheusUrl}/api/v1/query?query=histogram_quantile(0.95,%20rate(http_request_duration_seconds_bucket[5m]))\"", "Current response times")
                .Run($"curl -s \"{PrometheusUrl}/api/v1/query?query=rate(http_requests_total{{status=~\\\"5..\\\"}}[5m])\"", "Error rates")
                .Run("docker stats --no-stream --format \"table {{.Container}}\\t{{.CPUPerc}}\\t{{.MemUsage}}\"", "Resource utilization"))
            .Step("Log Analysis", s => s
                .Run("docker-compose logs --tail=100 hook-receiver | grep -i error", "Recent error logs")
                .Run("docker-compose logs --tail=100 model-metrics | grep -i error")
                .Run("docker-compose logs --tail=100 workflow-coordinator | grep -i error"))
            .Step("External Dependencies", s => s
                .Run("curl -s -o /dev/null -w \"%{http_code}\" https://api.openai.com/v1/models", "Check external API connectivity")
                .Run("curl -s -o /dev/null -w \"%{http_code}\" https://api.anthropic.com/v1/messages")))
        .NoRollback("Detection, initial response and investigation only read status and write the incident log; mitigation runbooks carry their own rollback.")
        .Verification(v => v
            .Step("Verify all services are healthy", s => s
                .Http("GET", $"{HooksUrl}/health").ExpectStatus(200)
                .Http("GET", $"{MetricsUrl}/lab/health").ExpectStatus(200)
                .Http("GET", $"{WorkflowsUrl}/health").ExpectStatus(200))
            .Step("Confirm SLA metrics have returned to normal", s => s
                .Instruction("Check the SLA Monitoring Dashboard KPIs (availability, response time, error rate, throughput)")));
}

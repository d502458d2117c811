using RunbookSdk;

namespace AuraConnect;

/// <summary>The shared parts of the AuraConnect AI incident response procedures.</summary>
[Handbook("auraconnect")]
public sealed class AuraConnectHandbook : Handbook
{
    public override void Define(IHandbookBuilder hb) => hb
        .Title("AuraConnect AI - Incident Response Procedures")
        .Summary("This document outlines the incident response procedures for the AuraConnect AI production system. It covers monitoring, alerting, escalation, and resolution procedures.")
        .Environment("Production")
        .Owner("Engineering team")
        .LastUpdated(2025, 1, 1)
        .ReviewDate(2025, 4, 1)
        .Tags("auraconnect", "production", "aws")
        .Contact("On-call Engineer", "Via PagerDuty")
        .Contact("Engineering Manager", "[Phone/Email]")
        .Contact("CTO", "[Phone/Email]")
        .Contact("AWS Support", "[Support Plan Details]")
        .Escalation(e => e
            .Level("On-call Engineer (Primary for Critical and Warning)", TimeSpan.Zero, "Via PagerDuty"))
        .SeverityLevel("Critical", "System down or at risk", s => s
            .RespondWithin(TimeSpan.Zero)
            .Criteria("System completely down", "Database connection lost", "Error rate > 10% for 5 minutes", "Response time > 5 seconds sustained", "Security breach detected"))
        .SeverityLevel("Warning", "Degraded", s => s
            .RespondWithin(TimeSpan.FromMinutes(15))
            .Criteria("Component degraded performance", "Error rate > 5% for 10 minutes", "Response time > 2 seconds sustained", "Memory usage > 85%", "Disk usage > 90%"))
        .SeverityLevel("Info", "Informational", s => s
            .RespondWithin(TimeSpan.FromHours(1))
            .Criteria("Elevated error rates (> 2%)", "Performance degradation trends", "Scheduled maintenance reminders", "Non-critical service interruptions"))
        .PostIncident("Within 24 hours",
            "Update incident log", "Resolve alerts in monitoring system", "Document temporary fixes", "Schedule permanent fixes")
        .PostIncident("Within 48 hours",
            "Conduct post-mortem meeting", "Create incident report", "Update runbooks", "Implement preventive measures")
        .Section("Monitoring Dashboard", s => s
            .Subsection("Access", a => a
                .Bullets(
                    "**URL**: `https://api.auraconnect.ai/api/v1/health/dashboard`",
                    "**Authentication**: Requires system admin role",
                    "**Refresh Rate**: Real-time with 5-second polling"))
            .Subsection("Key Metrics", m => m
                .Numbered(
                    "**System Health**: Overall system status (healthy/degraded/unhealthy)",
                    "**Component Status**: Individual component health (database, Redis, API, workers)",
                    "**Performance Metrics**: Response times, error rates, throughput",
                    "**Active Alerts**: Current unresolved system alerts",
                    "**Error Summary**: Recent errors and affected endpoints")))
        .Section("Escalation Matrix", s => s
            .Paragraph("The seed gives who is engaged per severity, not after how long; the escalation table above engages the primary immediately.")
            .Table(["Severity", "Primary", "Secondary", "Manager"],
                ["Critical", "On-call Engineer", "Lead Engineer", "CTO"],
                ["Warning", "On-call Engineer", "Senior Engineer", "Engineering Manager"],
                ["Info", "Support Team", "On-call Engineer", "Team Lead"]))
        .Section("Communication", s => s
            .Subsection("Internal Communication", i => i
                .Bullets("Slack channel: #incidents", "Email: incidents@auraconnect.ai", "Phone tree for critical incidents"))
            .Subsection("Customer Communication", c => c
                .Bullets("Status page updates", "Email notifications for affected customers", "Social media updates for widespread issues")))
        .Section("Monitoring Endpoints", s => s
            .Subsection("Health Checks", h => h
                .Bullets(
                    "`GET /api/v1/health` - Basic health check (public)",
                    "`GET /api/v1/health/detailed` - Detailed component health",
                    "`GET /api/v1/health/metrics` - System metrics",
                    "`GET /api/v1/health/dashboard` - Complete monitoring dashboard"))
            .Subsection("Performance", p => p
                .Bullets(
                    "`GET /api/v1/health/performance` - Endpoint performance metrics",
                    "`GET /api/v1/health/errors` - Error logs",
                    "`GET /api/v1/health/errors/summary` - Error statistics"))
            .Subsection("Alerts", a => a
                .Bullets(
                    "`GET /api/v1/health/alerts` - View alerts",
                    "`POST /api/v1/health/alerts` - Create alert",
                    "`PUT /api/v1/health/alerts/{id}/acknowledge` - Acknowledge alert",
                    "`PUT /api/v1/health/alerts/{id}/resolve` - Resolve alert")))
        .Section("Tools and Access", s => s
            .Subsection("Monitoring Tools", m => m
                .Bullets(
                    "**Application Monitoring**: Built-in health endpoints",
                    "**Infrastructure**: AWS CloudWatch / Datadog",
                    "**Logs**: CloudWatch Logs / ELK Stack",
                    "**APM**: New Relic / AppDynamics"))
            .Subsection("Required Access", r => r
                .Bullets("AWS Console access", "Database read access", "Redis CLI access", "Application logs access", "Monitoring dashboard access")))
        .Section("External Vendors", s => s
            .Bullets("**AWS Support**: Premium support plan", "**Database Support**: [Vendor contact]", "**CDN Support**: [Vendor contact]"))
        .Section("Review and Updates", s => s
            .Paragraph("This document should be reviewed and updated:")
            .Bullets("After each major incident", "Quarterly by the engineering team", "When new components are added", "When contact information changes")
            .Paragraph("Last Updated: January 2025. Next Review: April 2025."))
        .Reference("Monitoring dashboard", "https://api.auraconnect.ai/api/v1/health/dashboard");
}

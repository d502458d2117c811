using RunbookSdk;

namespace Omnix;

/// <summary>The shared parts of the OMNIX AI incident response procedures: contacts, escalation, SLOs, severities, templates.</summary>
[Handbook("omnix")]
public sealed class OmnixHandbook : Handbook
{
    public override void Define(IHandbookBuilder hb) => hb
        .Title("OMNIX AI - Incident Response Procedures")
        .Summary("Production Data Retrieval System: OMNIX AI Data Retrieval & Analytics Platform.")
        .Environment("Production (eu-central-1)")
        .Owner("OMNIX AI DevOps Team")
        .LastUpdated(2025, 9, 5)
        .ReviewDate(2025, 10, 5)
        .Tags("omnix", "production", "aws", "classification: internal use only")
        .Contact("System Administrator", "admin@omnix.ai")
        .Contact("Development Team", "dev-team@omnix.ai")
        .Contact("Business Stakeholder", "business@omnix.ai")
        .Escalation(e => e
            .Level("Development Team", TimeSpan.Zero, "dev-team@omnix.ai")
            .Level("Senior Engineering + DevOps", TimeSpan.FromMinutes(15))
            .Level("CTO + Business Leadership", TimeSpan.FromMinutes(30)))
        .Slo("API Response Time", "< 500ms (95th percentile)")
        .Slo("System Availability", "99.9% uptime")
        .Slo("Error Rate", "< 1% of total requests")
        .Slo("Data Accuracy", "99.95% accuracy rate")
        .Slo("Recovery Time Objective (RTO)", "15 minutes")
        .Slo("Recovery Point Objective (RPO)", "5 minutes")
        .SeverityLevel("P1", "Critical", s => s
            .RespondWithin(TimeSpan.Zero)
            .Criteria("System down or inaccessible", "API error rate > 5%", "Lambda function failures", "DynamoDB throttling", "Data corruption detected"))
        .SeverityLevel("P2", "High", s => s
            .RespondWithin(TimeSpan.FromMinutes(30))
            .Criteria("API response time > 2 seconds", "Error rate 1-5%", "Cache performance degradation", "Non-critical service outages"))
        .SeverityLevel("P3", "Medium", s => s
            .RespondWithin(TimeSpan.FromHours(2))
            .Criteria("Performance degradation", "Non-urgent configuration issues", "Monitoring alerts requiring investigation"))
        .Communication("Incident Report", """
            **Incident ID**: INC-YYYY-MM-DD-XXX
            **Severity**: P1/P2/P3
            **Start Time**: YYYY-MM-DD HH:MM:SS UTC
            **End Time**: YYYY-MM-DD HH:MM:SS UTC
            **Duration**: X hours Y minutes
            **Impact**: Description of user/business impact

            **Root Cause**:
            - Technical cause
            - Contributing factors

            **Resolution**:
            - Actions taken
            - Permanent fix applied

            **Prevention**:
            - Monitoring improvements
            - Process changes
            - Technical improvements

            **Lessons Learned**:
            - What went well
            - What could be improved
            - Action items
            """)
        .PostIncident("Immediate (0-24 hours)",
            "Complete incident report", "Notify stakeholders of resolution", "Review monitoring gaps", "Update runbooks if needed")
        .PostIncident("Follow-up (1-7 days)",
            "Root cause analysis meeting", "Implement permanent fixes", "Update monitoring and alerting", "Conduct blameless post-mortem")
        .PostIncident("Long-term (1-4 weeks)",
            "Process improvements", "Training updates", "Infrastructure hardening", "Disaster recovery testing")
        .Section("Communication Plan", s => s
            .Subsection("Internal Communication", i => i
                .Bullets("**Slack Channel**: #omnix-incidents", "**Email List**: omnix-alerts@omnix.ai", "**Status Page**: Internal status dashboard"))
            .Subsection("External Communication", x => x
                .Bullets("Customer notifications (if applicable)", "Partner notifications", "Regulatory reporting (if required)")))
        .Section("Monitoring and Alerting", s => s
            .Subsection("Key Metrics to Monitor", m => m
                .Numbered(
                    "**API Gateway**\n- 4XXError, 5XXError, Count, Latency",
                    "**Lambda Function**\n- Duration, Errors, Throttles, Invocations",
                    "**DynamoDB**\n- ReadThrottleEvents, WriteThrottleEvents, ConsumedReadCapacityUnits",
                    "**Custom Metrics**\n- OMNIX/DataRetrieval/DataAccuracyErrors\n- OMNIX/Performance/CacheHits\n- OMNIX/Business/RevenueCalculations")))
        .Reference("CloudWatch dashboard: Business Intelligence",
            "https://eu-central-1.console.aws.amazon.com/cloudwatch/home?region=eu-central-1#dashboards:name=OMNIX-AI-Business-Intelligence-prod")
        .Reference("CloudWatch dashboard: Technical Performance",
            "https://eu-central-1.console.aws.amazon.com/cloudwatch/home?region=eu-central-1#dashboards:name=OMNIX-AI-Technical-Performance-prod");
}

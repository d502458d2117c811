using RunbookSdk;

namespace OmniNodeBridge;

/// <summary>
/// The shared parts of the OmniNode Bridge incident response procedures: severities, SLAs, escalation,
/// communication protocols and templates, the post-incident process and the alert rules.
/// </summary>
[Handbook("omninode-bridge")]
public sealed class OmniNodeBridgeHandbook : Handbook
{
    public override void Define(IHandbookBuilder hb) => hb
        .Title("OmniNode Bridge - Incident Response Procedures")
        .Summary("This document outlines comprehensive incident response procedures, SLA definitions, monitoring strategies, and escalation protocols for OmniNode Bridge production environments.")
        .Environment("Production")
        .Tags("omninode-bridge", "production", "docker-compose", "postgresql", "kafka")
        .Contact("On-call engineer", "PagerDuty")
        .Contact("Platform team", "Slack #omninode-alerts")
        .Contact("Management", "Email alerts for management")
        .Contact("Support", "support@omninode.ai")
        .Escalation(e => e
            .Level("Level 1 - On-Call Engineer", TimeSpan.Zero, "PagerDuty")
            .Level("Level 2 - Platform Team Lead", TimeSpan.FromMinutes(30), "Slack #omninode-incidents")
            .Level("Level 3 - CTO / Executive Team", TimeSpan.FromHours(4)))
        .SeverityLevel("Sev1", "Critical", s => s
            .RespondWithin(TimeSpan.FromMinutes(15))
            .ResolveWithin(TimeSpan.FromHours(4))
            .Criteria("All API endpoints returning 5xx errors", "Database completely unavailable", "Security breach or data leak", "Complete system failure"))
        .SeverityLevel("Sev2", "High", s => s
            .RespondWithin(TimeSpan.FromMinutes(30))
            .ResolveWithin(TimeSpan.FromHours(8))
            .Criteria(
                "Single service completely down (HookReceiver, ModelMetrics, or WorkflowCoordinator)",
                "Database performance severely degraded (>10s response times)",
                "High error rates (>10% of requests failing)",
                "Performance degradation affecting >50% of users"))
        .SeverityLevel("Sev3", "Medium", s => s
            .RespondWithin(TimeSpan.FromHours(2))
            .ResolveWithin(TimeSpan.FromHours(24))
            .Criteria("Performance issues affecting <25% of requests", "Non-critical endpoints returning errors", "Monitoring or alerting issues", "Single availability zone issues"))
        .SeverityLevel("Sev4", "Low", s => s
            .RespondWithin(TimeSpan.FromHours(24))
            .ResolveWithin(TimeSpan.FromHours(72))
            .Criteria("Documentation issues", "Minor UI/UX problems", "Performance optimization opportunities", "Non-urgent maintenance tasks"))
        .Slo("Overall System Availability", "99.9% (8.77 hours downtime/month)", "Availability SLAs: Production Environment")
        .Slo("Individual Service Availability: HookReceiver", "99.95% (4.38 hours downtime/month)", "Availability SLAs: Production Environment")
        .Slo("Individual Service Availability: ModelMetrics", "99.9% (8.77 hours downtime/month)", "Availability SLAs: Production Environment")
        .Slo("Individual Service Availability: WorkflowCoordinator", "99.9% (8.77 hours downtime/month)", "Availability SLAs: Production Environment")
        .Slo("Individual Service Availability: Database", "99.95% (4.38 hours downtime/month)", "Availability SLAs: Production Environment")
        .Slo("API Response Time (95th percentile): HookReceiver", "< 500ms", "Performance SLAs")
        .Slo("API Response Time (95th percentile): ModelMetrics", "< 2000ms (due to AI processing)", "Performance SLAs")
        .Slo("API Response Time (95th percentile): WorkflowCoordinator", "< 1000ms", "Performance SLAs")
        .Slo("API Response Time (99th percentile): HookReceiver", "< 1000ms", "Performance SLAs")
        .Slo("API Response Time (99th percentile): ModelMetrics", "< 5000ms", "Performance SLAs")
        .Slo("API Response Time (99th percentile): WorkflowCoordinator", "< 2000ms", "Performance SLAs")
        .Slo("HookReceiver", "1000 requests/minute minimum", "Throughput SLAs")
        .Slo("ModelMetrics", "100 requests/minute minimum", "Throughput SLAs")
        .Slo("WorkflowCoordinator", "500 requests/minute minimum", "Throughput SLAs")
        .Slo("Maximum Error Rate", "< 0.1% (99.9% success rate)", "Error Rate SLAs")
        .Slo("Critical Error Rate", "< 0.01% (99.99% success rate for Severity 1 issues)", "Error Rate SLAs")
        .Slo("Backup Frequency", "Every 6 hours", "Data SLAs: Data Protection")
        .Slo("Backup Retention", "30 days (daily), 12 months (weekly)", "Data SLAs: Data Protection")
        .Slo("Recovery Point Objective (RPO)", "6 hours", "Data SLAs: Data Protection")
        .Slo("Recovery Time Objective (RTO)", "4 hours", "Data SLAs: Data Protection")
        .Slo("Hook Processing Latency", "< 100ms (95th percentile)", "Data SLAs: Data Processing")
        .Slo("Event Processing Throughput", "10,000 events/minute minimum", "Data SLAs: Data Processing")
        .Slo("Intelligence Pattern Discovery", "< 5 minutes for new patterns", "Data SLAs: Data Processing")
        .Communication("Initial Notification", """
            Subject: Service Alert - OmniNode Bridge Experiencing Issues

            Dear OmniNode Bridge Users,

            We are currently investigating reports of service degradation affecting our API endpoints. Our engineering team has been notified and is actively working to resolve the issue.

            Current Status: Investigating
            Affected Services: [Service List]
            Started: [Time]
            Next Update: [Time + 30 minutes]

            We apologize for any inconvenience and will provide updates as soon as more information becomes available.

            Status Page: https://status.omninode.ai
            Support: support@omninode.ai

            OmniNode Bridge Team
            """, "Customers (email)")
        .Communication("Resolution Notification", """
            Subject: Resolved - OmniNode Bridge Service Issues

            Dear OmniNode Bridge Users,

            The service issues reported earlier have been resolved. All systems are now operating normally.

            Issue Summary: [Brief description]
            Resolution: [What was done]
            Duration: [Start time] - [End time] ([Duration])

            We apologize for any inconvenience this may have caused. A detailed post-incident report will be available within 48 hours at https://status.omninode.ai

            Thank you for your patience.

            OmniNode Bridge Team
            """, "Customers (email)")
        .Communication("Post-Mortem Template", """
            # Post-Mortem: [Incident Title]

            ## Executive Summary
            - **Date**: [Date]
            - **Duration**: [Start] - [End] ([Duration])
            - **Impact**: [Brief impact description]
            - **Root Cause**: [One-line root cause]

            ## Timeline
            | Time | Event |
            |------|-------|
            | 14:32 | Initial alert received |
            | 14:35 | Investigation started |
            | 14:45 | Root cause identified |
            | 15:15 | Fix deployed |
            | 15:30 | Service fully restored |

            ## Root Cause Analysis
            ### What Happened
            [Detailed description of the incident]

            ### Why It Happened
            [Technical root cause analysis]

            ### Contributing Factors
            - [Factor 1]
            - [Factor 2]

            ## Impact Assessment
            ### Services Affected
            - [Service 1]: [Impact description]
            - [Service 2]: [Impact description]

            ### User Impact
            - [Number] users affected
            - [Duration] of service degradation
            - [Number] failed requests

            ### Business Impact
            - [Revenue impact if applicable]
            - [SLA breach details]
            - [Customer escalations]

            ## Response Evaluation
            ### What Went Well
            - [Positive aspect 1]
            - [Positive aspect 2]

            ### What Could Have Been Better
            - [Improvement area 1]
            - [Improvement area 2]

            ## Action Items
            | Action | Owner | Due Date | Priority |
            |--------|-------|----------|----------|
            | [Action 1] | [Name] | [Date] | High |
            | [Action 2] | [Name] | [Date] | Medium |

            ## Prevention Measures
            ### Immediate (Next Sprint)
            - [Immediate fix 1]
            - [Immediate fix 2]

            ### Short-term (Next Quarter)
            - [Short-term improvement 1]
            - [Short-term improvement 2]

            ### Long-term (Next Year)
            - [Long-term architectural change 1]
            - [Long-term process improvement 1]
            """, "#omninode-postmortem")
        .PostIncident("Post-Resolution Immediate Actions",
            "Verify all services are healthy",
            "Confirm SLA metrics have returned to normal",
            "Update status page to \"Resolved\"",
            "Notify stakeholders of resolution",
            "Begin collecting incident data",
            "Schedule post-mortem meeting",
            "Update incident documentation")
        .PostIncident("Post-Mortem Process",
            "Write the post-mortem with the Post-Mortem Template and discuss it in #omninode-postmortem")
        .Section("Incident Classification", s => s
            .Subsection("Severity Levels", l => l
                .Paragraph("Impact and escalation per severity; response and resolution times are in the severity table above.")
                .Table(["Severity", "Impact", "Escalation"],
                    ["Severity 1 (Critical)", "Complete service outage affecting all users", "Immediate to CTO and Platform Lead"],
                    ["Severity 2 (High)", "Major feature unavailable or severely degraded", "Platform Team Lead within 1 hour"],
                    ["Severity 3 (Medium)", "Minor feature degradation or limited user impact", "Team Lead notification"],
                    ["Severity 4 (Low)", "Minimal user impact or cosmetic issues", "Standard team review"]))
            .Subsection("Service Priority Matrix", m => m
                .Table(["Service Criticality", "Services"],
                    ["Critical (Tier 1)", "HookReceiver API; Database (PostgreSQL); Authentication Service"],
                    ["High (Tier 2)", "ModelMetrics API; WorkflowCoordinator; Message Broker (Kafka)"],
                    ["Medium (Tier 3)", "Monitoring (Prometheus/Grafana); Caching (Redis); Log Aggregation"],
                    ["Low (Tier 4)", "Documentation Site; Development Tools; Non-essential integrations"])))
        .Section("SLA Definitions", s => s
            .Paragraph("Service Level Agreements: the availability, performance, throughput, error rate and data SLAs are in the service level objectives table above.")
            .Subsection("SLA Monitoring Dashboard", d => d
                .Subsection("Key Performance Indicators (KPIs)", k => k
                    .Snippet("promql", """
                        # Availability KPIs
                        availability_sla_compliance = (
                          sum(up{service=~"hook-receiver|model-metrics|workflow-coordinator"}) /
                          count(up{service=~"hook-receiver|model-metrics|workflow-coordinator"})
                        ) * 100

                        # Performance KPIs
                        response_time_sla_compliance = (
                          histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m])) < 0.5
                        )

                        # Error Rate KPIs
                        error_rate_sla_compliance = (
                          rate(http_requests_total{status=~"5.."}[5m]) /
                          rate(http_requests_total[5m])
                        ) < 0.001

                        # Throughput KPIs
                        throughput_sla_compliance = (
                          rate(http_requests_total[1m]) * 60 > 1000
                        )
                        """))))
        .Section("Detection and Alert", s => s
            .Subsection("Automated Detection", a => a
                .Table(["Alert Sources", "Alert Channels"],
                    ["Prometheus AlertManager", "PagerDuty (for on-call engineer)"],
                    ["Health check failures", "Slack #omninode-alerts"],
                    ["Error rate threshold breaches", "Email alerts for management"],
                    ["Performance degradation alerts", "SMS for critical alerts"],
                    ["Security monitoring alerts", ""],
                    ["Customer reports", ""])))
        .Section("Incident Commander Assignment", s => s
            .Table(["Severity", "Incident Commander"],
                ["Severity 1", "CTO or Platform Lead"],
                ["Severity 2", "Platform Team Lead or Senior Engineer"],
                ["Severity 3", "On-call Engineer"],
                ["Severity 4", "Assigned Engineer"]))
        .Section("Escalation Procedures", s => s
            .Subsection("Escalation Matrix", m => m
                .Table(["Level", "Responsibilities", "Escalation Triggers"],
                    ["Level 1 - On-Call Engineer",
                        "Initial incident response; Basic troubleshooting; Service restarts",
                        "Unable to resolve within 30 minutes (Sev 1); Unable to resolve within 2 hours (Sev 2); Complex technical issues beyond scope"],
                    ["Level 2 - Platform Team Lead",
                        "Advanced troubleshooting; Architecture decisions; Resource allocation; Vendor coordination",
                        "Infrastructure-wide issues; Data integrity concerns; Security incidents; Customer escalations"],
                    ["Level 3 - CTO / Executive Team",
                        "Strategic decisions; External communication; Business impact assessment; Regulatory compliance",
                        "Extended outages (>4 hours); Security breaches; Data loss incidents; Legal/compliance issues"])))
        .Section("Communication Protocols", s => s
            .Subsection("Internal Communication", i => i
                .Subsection("Slack Integration", c => c
                    .Table(["Channels", "Purpose"],
                        ["#omninode-alerts", "Automated alerts and status updates"],
                        ["#omninode-incidents", "Active incident discussion"],
                        ["#omninode-postmortem", "Post-incident analysis"])
                    .Table(["Notification Rules", "Notification"],
                        ["Severity 1", "@channel in #omninode-alerts + direct message to on-call"],
                        ["Severity 2", "@here in #omninode-alerts"],
                        ["Severity 3", "Standard message in #omninode-alerts"],
                        ["Severity 4", "Silent notification in #omninode-alerts"])))
            .Subsection("External Communication", x => x
                .Paragraph("Customer Communication Templates: the Initial Notification and Resolution Notification templates above.")))
        .Section("Monitoring and Alerting", s => s
            .Subsection("Critical Alert Rules", r => r
                .Subsection("Service Availability", a => a
                    .Snippet("yaml", """
                        # Prometheus alert rules for service availability
                        groups:
                          - name: service_availability
                            rules:
                              - alert: ServiceDown
                                expr: up{job=~"hook-receiver|model-metrics|workflow-coordinator"} == 0
                                for: 30s
                                labels:
                                  severity: critical
                                  team: platform
                                annotations:
                                  summary: "Service {{ $labels.job }} is down"
                                  description: "{{ $labels.job }} has been down for more than 30 seconds"
                                  runbook_url: "https://docs.omninode.ai/runbooks/service-down"

                              - alert: ServiceDegraded
                                expr: up{job=~"hook-receiver|model-metrics|workflow-coordinator"} == 0
                                for: 2m
                                labels:
                                  severity: warning
                                  team: platform
                                annotations:
                                  summary: "Service {{ $labels.job }} is degraded"
                                  description: "{{ $labels.job }} availability is below 100%"
                        """))
                .Subsection("Performance Alerts", a => a
                    .Snippet("yaml", """
                        # Performance-based alerts
                        - alert: HighResponseTime
                          expr: histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m])) > 1
                          for: 3m
                          labels:
                            severity: warning
                            team: platform
                          annotations:
                            summary: "High response time for {{ $labels.service }}"
                            description: "95th percentile response time is {{ $value }}s"

                        - alert: HighErrorRate
                          expr: rate(http_requests_total{status=~"5.."}[5m]) / rate(http_requests_total[5m]) > 0.01
                          for: 2m
                          labels:
                            severity: critical
                            team: platform
                          annotations:
                            summary: "High error rate for {{ $labels.service }}"
                            description: "Error rate is {{ $value | humanizePercentage }}"
                        """))
                .Subsection("Business Logic Alerts", a => a
                    .Snippet("yaml", """
                        # Business-specific alerts
                        - alert: HookProcessingFailure
                          expr: rate(hooks_processed_total{status="error"}[5m]) > 10
                          for: 2m
                          labels:
                            severity: warning
                            team: development
                          annotations:
                            summary: "High hook processing failure rate"
                            description: "{{ $value }} hooks failing per second"

                        - alert: IntelligencePatternAnomaly
                          expr: rate(intelligence_patterns_discovered_total[1h]) < 1
                          for: 30m
                          labels:
                            severity: info
                            team: ai
                          annotations:
                            summary: "Low intelligence pattern discovery rate"
                            description: "Only {{ $value }} patterns discovered in the last hour"
                        """))))
        .Section("Closing note", s => s
            .Paragraph("This comprehensive incident response documentation provides the framework for maintaining high availability and rapid incident resolution for OmniNode Bridge production systems."));
}

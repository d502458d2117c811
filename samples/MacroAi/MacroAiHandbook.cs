using RunbookSdk;

namespace MacroAi;

/// <summary>The shared parts of the Macro AI incident response document.</summary>
[Handbook("macro-ai")]
public sealed class MacroAiHandbook : Handbook
{
    public override void Define(IHandbookBuilder hb) => hb
        .Title("Macro AI - Incident Response")
        .Summary("This document provides comprehensive incident response procedures for the Macro AI application, including troubleshooting workflows, escalation procedures, emergency response guidelines, and post-incident analysis.")
        .Environment("Production")
        .Tags("macro-ai", "production", "kubernetes", "postgresql")
        .Contact("On-call engineer", "PagerDuty, SMS for critical")
        .Contact("Team", "Slack #incidents")
        .Escalation(e => e
            .Level("On-call engineer and management", TimeSpan.Zero, "PagerDuty"))
        .SeverityLevel("Sev1", "Critical - Complete Service Outage", s => s
            .RespondWithin(TimeSpan.FromMinutes(15))
            .ResolveWithin(TimeSpan.FromHours(1))
            .Criteria(
                "API completely down (all endpoints returning 5xx)",
                "Database connection failures preventing all operations",
                "Authentication system completely unavailable",
                "Critical security breach or data exposure"))
        .SeverityLevel("Sev2", "High - Major Feature Degradation", s => s
            .RespondWithin(TimeSpan.FromMinutes(30))
            .ResolveWithin(TimeSpan.FromHours(4))
            .Criteria(
                "Chat streaming functionality down",
                "AI service integration failures",
                "Partial database outages affecting specific features",
                "Authentication delays or intermittent failures"))
        .SeverityLevel("Sev3", "Medium - Minor Feature Issues", s => s
            .RespondWithin(TimeSpan.FromHours(2))
            .ResolveWithin(TimeSpan.FromHours(24))
            .Criteria(
                "Slow response times (> 5 seconds)",
                "Non-critical API endpoints failing",
                "UI rendering issues in specific browsers",
                "Rate limiting triggering unexpectedly"))
        .SeverityLevel("Sev4", "Low - Cosmetic or Enhancement", s => s
            .ResolveWithin(TimeSpan.FromDays(7))
            .Criteria(
                "UI styling inconsistencies",
                "Non-critical logging errors",
                "Documentation updates needed",
                "Performance optimizations"))
        .Communication("Incident Report Template", MacroAiSnippets.IncidentReport)
        .Communication("Post-Mortem Template", MacroAiSnippets.PostMortem)
        .PostIncident("Post-Mortem Process ✅ IMPLEMENTED",
            "Write the post-mortem with the Post-Mortem Template; post-mortem will be conducted within 24 hours of the resolution")
        .Section("Current Implementation Status ✅ PRODUCTION-READY", s => s
            .Paragraph("The incident response framework is **fully implemented and production-ready** with clear procedures for handling various types of incidents and maintaining system reliability."))
        .Section("🚨 Incident Classification", s => s
            .Subsection("Severity Levels ✅ IMPLEMENTED", l => l
                .Table(["Severity", "Definition", "Response Time", "Resolution Target", "Escalation"],
                    ["Severity 1 (Critical) - Complete Service Outage", "Complete system unavailability affecting all users", "Immediate (< 15 minutes)", "1 hour", "Immediate to on-call engineer and management"],
                    ["Severity 2 (High) - Major Feature Degradation", "Significant functionality impaired affecting majority of users", "30 minutes", "4 hours", "On-call engineer within 1 hour"],
                    ["Severity 3 (Medium) - Minor Feature Issues", "Limited functionality issues affecting some users", "2 hours", "24 hours", "Standard business hours support"],
                    ["Severity 4 (Low) - Cosmetic or Enhancement", "Minor issues not affecting core functionality", "Next business day", "1 week", "Standard development workflow"])))
        .Section("🔍 Incident Detection", s => s
            .Subsection("Monitoring and Alerting ✅ IMPLEMENTED", m => m
                .Subsection("Automated Detection", a => a.Snippet("mermaid", MacroAiSnippets.AutomatedDetection))
                .Subsection("Health Check Monitoring", h => h.Snippet("typescript", MacroAiSnippets.HealthMonitor)))
            .Subsection("Manual Incident Reporting ✅ IMPLEMENTED", r => r
                .Paragraph("Report with the Incident Report Template (see Communication templates).")))
        .Section("Communication Procedures ✅ IMPLEMENTED", s => s
            .Subsection("Internal Communication", i => i.Snippet("typescript", MacroAiSnippets.CommunicationTemplates))
            .Subsection("External Communication", x => x.Snippet("typescript", MacroAiSnippets.CustomerCommunication)))
        .Section("📊 Post-Incident Analysis", s => s
            .Subsection("Metrics and KPIs ✅ TRACKED", m => m.Snippet("typescript", MacroAiSnippets.IncidentMetrics)))
        .Reference("Release Process - Release-related incident procedures and rollback strategies", "./release-process.md")
        .Reference("Database Operations - Database-specific troubleshooting and recovery procedures", "./database-operations.md")
        .Reference("Monitoring and Logging - Monitoring setup and log analysis for incident detection", "../deployment/monitoring-logging.md")
        .Reference("System Architecture - System components and dependencies for incident analysis", "../architecture/system-architecture.md")
        .Reference("Troubleshooting Guide - Development and common issue troubleshooting", "../getting-started/troubleshooting.md");
}

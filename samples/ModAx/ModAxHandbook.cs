using RunbookSdk;

namespace ModAx;

/// <summary>The shared parts of the ModAx incident response workflow: severities, escalation, contacts, templates.</summary>
[Handbook("modax")]
public sealed class ModAxHandbook : Handbook
{
    public override void Define(IHandbookBuilder hb) => hb
        .Title("Incident Response Workflow for ModAx")
        .Summary("Handle production incidents following established procedures. Maintain clear communication throughout the incident resolution process.")
        .Environment("Production")
        .Tags("modax", "production", "aws", "ecs")
        .Contact("On-call Engineer", "Check #modax-oncall")
        .Contact("Engineering Lead", "[Contact]")
        .Contact("DevOps Lead", "[Contact]")
        .Contact("Product Owner", "[Contact]")
        .Contact("AWS Support", "[Case URL]")
        .Escalation(e => e
            .Level("On-call engineer", TimeSpan.Zero, "#modax-oncall")
            .Level("Engineering lead", TimeSpan.FromMinutes(15))
            .Level("CTO (for P1)", TimeSpan.FromMinutes(30))
            .Level("CEO (for P1 with customer impact)", TimeSpan.FromMinutes(60)))
        .SeverityLevel("P1", "Critical", s => s
            .Criteria("Complete outage, data loss risk, security breach"))
        .SeverityLevel("P2", "High", s => s
            .Criteria("Major feature broken, significant performance degradation"))
        .SeverityLevel("P3", "Medium", s => s
            .Criteria("Minor feature issues, non-critical bugs"))
        .SeverityLevel("P4", "Low", s => s
            .Criteria("Cosmetic issues, minor inconveniences"))
        .Communication("Incident", """
            🚨 INCIDENT: [Brief description]
            Severity: P[1-4]
            Impact: [Who/what is affected]
            Status: Investigating
            Time: [UTC timestamp]
            """, "#modax-incidents")
        .Communication("Resolved", """
            ✅ RESOLVED: [Brief description]
            Duration: [X] minutes
            Root Cause: [Brief explanation]
            Fix Applied: [What was done]
            Next Steps: Post-mortem scheduled for [date/time]
            """, "#modax-incidents")
        .PostIncident("Document Incident: create incident report with",
            "Timeline of events", "Root cause analysis", "Impact assessment", "Actions taken", "Lessons learned")
        .PostIncident("Post-mortem Meeting: schedule within 48 hours including",
            "Engineering team", "Product owner", "DevOps lead", "Customer success (if customer impact)")
        .PostIncident("Action Items",
            "Update runbooks", "Add monitoring/alerts", "Fix root cause", "Improve testing", "Update documentation");
}

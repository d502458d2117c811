using RunbookSdk;

namespace RunbookProject;

/// <summary>
/// What every RUNBOOK_PROJECT_NAME runbook shares: severities, escalation, contacts and the messages to post.
/// Runbooks belong to it through <c>Runbook&lt;ServiceHandbook&gt;</c> and inherit its escalation.
/// </summary>
[Handbook("runbook-project")]
public sealed class ServiceHandbook : Handbook
{
    public override void Define(IHandbookBuilder hb) => hb
        .Title("RUNBOOK_PROJECT_NAME incident response")
        .Summary("How the RUNBOOK_PROJECT_NAME team responds to incidents: who is called when, how fast, and what to post.")
        .Owner("RUNBOOK_PROJECT_NAME team")
        .Environment("production")
        .Contact("On-call engineer", "#runbook-project-oncall")
        .Contact("Service owner", "owner@example.com")
        .SeverityLevel("P1", "Critical", s => s
            .RespondWithin(TimeSpan.FromMinutes(5))
            .ResolveWithin(TimeSpan.FromHours(1))
            .Criteria("The service is down", "Customers cannot complete their main task"))
        .SeverityLevel("P2", "High", s => s
            .RespondWithin(TimeSpan.FromMinutes(15))
            .ResolveWithin(TimeSpan.FromHours(4))
            .Criteria("Degraded: slow or partially failing", "A workaround exists"))
        .SeverityLevel("P3", "Medium", s => s
            .RespondWithin(TimeSpan.FromHours(2))
            .Criteria("No customer impact yet"))
        .Slo("Availability", "99.9% of health checks succeed")
        .Escalation(e => e
            .Level("On-call engineer", TimeSpan.Zero, "#runbook-project-oncall")
            .Level("Service owner", TimeSpan.FromMinutes(15), "owner@example.com")
            .Level("Engineering manager", TimeSpan.FromMinutes(30)))
        .Communication("Investigating", "[{severity}] {title}: investigating since {started}. Now: {step}.", "#runbook-project-incidents")
        .Communication("Resolved", "[{severity}] {title}: resolved after {elapsed}.", "#runbook-project-incidents")
        .PostIncident("Within two working days", "Write the timeline from the run's journal", "Hold a blameless review", "Update this runbook");
}

using RunbookSdk;

namespace Sandbox;

/// <summary>What every Sandbox runbook shares: severities, escalation, contacts and the messages to post.</summary>
[Handbook("sandbox")]
public sealed class SandboxHandbook : Handbook
{
    public override void Define(IHandbookBuilder hb) => hb
        .Title("Sandbox service handbook")
        .Summary("Incident response for the sandbox service: a small HTTP service on 127.0.0.1 with a health endpoint, a fault switch and versioned deploys. Its runbooks run for real against it.")
        .Owner("RunbookSdk maintainers")
        .Environment("sandbox (127.0.0.1)")
        .Contact("On-call engineer", "#sandbox-oncall")
        .Contact("Service owner", "owner@sandbox.example")
        .SeverityLevel("P1", "Critical", s => s
            .RespondWithin(TimeSpan.FromMinutes(5))
            .ResolveWithin(TimeSpan.FromHours(1))
            .Criteria("Health endpoint failing", "Every request fails"))
        .SeverityLevel("P2", "High", s => s
            .RespondWithin(TimeSpan.FromMinutes(15))
            .ResolveWithin(TimeSpan.FromHours(4))
            .Criteria("A dependency is down", "Degraded but recoverable"))
        .SeverityLevel("P3", "Planned", s => s
            .RespondWithin(TimeSpan.FromHours(1))
            .Criteria("Planned change with a rollback plan"))
        .Slo("Availability", "99.9% of health checks succeed", "Measured on GET /health")
        .Escalation(e => e
            .Level("On-call engineer", TimeSpan.Zero, "#sandbox-oncall")
            .Level("Service owner", TimeSpan.FromMinutes(10), "owner@sandbox.example")
            .Level("Engineering manager", TimeSpan.FromMinutes(30), "+1 555 0199"))
        .Communication("Investigating", "[{severity}] {title}: investigating since {started}. Service: {BaseUrl}. Now: {step}.", "#sandbox-incidents")
        .Communication("Resolved", "[{severity}] {title}: resolved after {elapsed}. Journal: {journal}.", "#sandbox-incidents")
        .PostIncident("Within a day", "Attach the run's journal to the incident", "Write the timeline from the journal")
        .Reference("Service source", "samples/Sandbox/Service/Program.cs");
}

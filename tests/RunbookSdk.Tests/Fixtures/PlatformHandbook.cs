namespace RunbookSdk.Tests.Fixtures;

/// <summary>A handbook written the way users write one; the generator is not involved in these tests.</summary>
[Handbook("platform")]
public sealed class PlatformHandbook : Handbook
{
    public override void Define(IHandbookBuilder hb) => hb
        .Title("Platform incident handbook")
        .Summary("Shared severities, escalation and templates.")
        .Owner("Platform team")
        .Contact("On-call", "oncall@example.com")
        .SeverityLevel("P1", "Critical", s => s
            .RespondWithin(TimeSpan.FromMinutes(15))
            .ResolveWithin(TimeSpan.FromHours(4))
            .Criteria("Complete outage", "Data loss"))
        .SeverityLevel("P2", "High", s => s.RespondWithin(TimeSpan.Zero))
        .SeverityLevel("P3", "Low", s => s.Criteria("Cosmetic"))
        .Slo("API availability", "99.9%", "Monthly")
        .Slo("API latency", "< 500ms (p95)")
        .Escalation(e => e
            .Level("On-call engineer", TimeSpan.Zero, "oncall@example.com")
            .Level("Engineering manager", TimeSpan.FromMinutes(30), "+1 555 0100"))
        .Communication("Status update", "We are investigating {issue}.", "#incidents")
        .PostIncident("Within 24 hours", "Write the timeline", "File follow-ups")
        .Reference("Dashboard", "https://grafana.example.com/d/api");
}

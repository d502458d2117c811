using RunbookSdk.Dsl.Recording;
using RunbookSdk.Model;
using RunbookSdk.Tests.Fixtures;

namespace RunbookSdk.Tests.Dsl;

public sealed class HandbookRecorderTests
{
    private static readonly HandbookPlan Plan = HandbookRecorder.Record("platform", new PlatformHandbook());

    [Fact]
    public void Severity_levels_keep_their_order_times_and_criteria()
    {
        Assert.Equal(["P1", "P2", "P3"], Plan.Severities.Select(s => s.Key));
        var p1 = Plan.Severities[0];
        Assert.Equal(("Critical", TimeSpan.FromMinutes(15), TimeSpan.FromHours(4)), (p1.Name, p1.ResponseTime!.Value, p1.ResolutionTime!.Value));
        Assert.Equal(["Complete outage", "Data loss"], p1.Criteria);
        Assert.Equal(TimeSpan.Zero, Plan.Severities[1].ResponseTime);
        Assert.Null(Plan.Severities[2].ResponseTime);
        Assert.Null(Plan.Severities[2].ResolutionTime);
    }

    [Fact]
    public void Slos_are_recorded_with_optional_descriptions() =>
        Assert.Equal([new SloPlan("API availability", "99.9%", "Monthly"), new SloPlan("API latency", "< 500ms (p95)", null)], Plan.Slos);

    [Fact]
    public void Shared_sections_are_recorded_like_a_runbooks()
    {
        Assert.Equal("platform", Plan.Id);
        Assert.Equal("Platform incident handbook", Plan.Document.Title);
        Assert.Equal("Platform team", Plan.Document.Owner);
        Assert.Equal(
            [new EscalationLevelPlan("On-call engineer", TimeSpan.Zero, "oncall@example.com"), new EscalationLevelPlan("Engineering manager", TimeSpan.FromMinutes(30), "+1 555 0100")],
            Plan.Document.Escalation);
        Assert.Equal([new CommunicationPlan("Status update", "We are investigating {issue}.", "#incidents")], Plan.Document.Communications);
        Assert.Equal(["Write the timeline", "File follow-ups"], Assert.Single(Plan.Document.PostIncident).Items);
        Assert.Equal([new ReferencePlan("Dashboard", "https://grafana.example.com/d/api")], Plan.Document.References);
    }

    [Fact]
    public void The_descriptor_records_the_same_plan()
    {
        var viaDescriptor = TestCatalog.PlatformDescriptor().CreatePlan();
        Assert.Equal(Plan.Severities.Select(s => (s.Key, s.Name, s.ResponseTime)), viaDescriptor.Severities.Select(s => (s.Key, s.Name, s.ResponseTime)));
        Assert.Equal(Plan.Document.Escalation, viaDescriptor.Document.Escalation);
    }
}

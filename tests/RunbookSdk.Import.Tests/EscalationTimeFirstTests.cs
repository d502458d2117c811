namespace RunbookSdk.Import.Tests;

/// <summary>
/// An escalation list that puts the time first ("0 min: DBA on-call", "+15 min → Head of Data"), as wiki pages often
/// do, was not read as the escalation: it stayed a section, and the import reported RB0001 for a document that gives
/// its escalation.
/// </summary>
public sealed class EscalationTimeFirstTests
{
    [Theory]
    [InlineData("- 0 min: DBA on-call\n- 15 min: Head of Data\n- 1 hour: CTO")]
    [InlineData("- +0m - DBA on-call\n- +15 minutes → Head of Data\n- After 1 hour: CTO")]
    [InlineData("- T+0 min — DBA on-call\n- T+15 min — Head of Data\n- T+60 min — CTO")]
    public void A_list_giving_the_time_before_who_is_the_escalation(string list)
    {
        var project = HostileInputTests.Generate(HostileInputTests.Runbook("redis-cli PING").Replace("# Hostile\n", $"# Hostile\n\n## Escalation\n\n{list}\n", StringComparison.Ordinal));

        Assert.Equal([("DBA on-call", TimeSpan.Zero), ("Head of Data", TimeSpan.FromMinutes(15)), ("CTO", TimeSpan.FromHours(1))],
            project.Document.Handbook.Escalation.Select(l => (l.Who, l.After)));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("RB0001", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_of_times_that_names_nobody_stays_a_section()
    {
        var project = HostileInputTests.Generate(HostileInputTests.Runbook("redis-cli PING").Replace("# Hostile\n", "# Hostile\n\n## Escalation\n\n- 0 min:\n- 15 min:\n", StringComparison.Ordinal));

        Assert.Empty(project.Document.Handbook.Escalation);
    }
}

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A step heading numbered as an outline ("#### 3.1 Promote the replica", "#### 2) Drain") kept the number in the
/// step's title, and the page, which numbers steps itself, showed "1.1 3.1 Promote the replica".
/// </summary>
public sealed class OutlineNumberTests
{
    [Theory]
    [InlineData("3.1 Promote the replica", "Promote the replica")]
    [InlineData("3.1.2. Promote the replica", "Promote the replica")]
    [InlineData("2) Promote the replica", "Promote the replica")]
    [InlineData("1. Promote the replica", "Promote the replica")]
    [InlineData("404 Errors from the API", "404 Errors from the API")]
    [InlineData("1.5 million requests queued", "1.5 million requests queued")]
    public void A_step_heading_loses_its_outline_number(string heading, string title)
    {
        var project = HostileInputTests.Generate(HostileInputTests.Runbook("redis-cli PING").Replace(
            "```bash\nredis-cli PING\n```", $"#### {heading}\n\n```bash\nredis-cli PING\n```", StringComparison.Ordinal));

        Assert.Equal(title, Assert.Single(project.Document.Runbooks.Single().Phases[0].Steps).Title);
    }
}

using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// "**Step 1**" over a line of its own that says what the step does: the step was titled "Step 1" and that line was a
/// note, so the page and the console listed steps "Step 1", "Step 2" that said nothing.
/// </summary>
public sealed class BareStepNumberTests
{
    private static IReadOnlyList<ImportedStep> Steps(string procedure) =>
        HostileInputTests.Generate(HostileInputTests.Runbook("redis-cli PING").Replace(
            "```bash\nredis-cli PING\n```", procedure, StringComparison.Ordinal)).Document.Runbooks.Single().Phases[0].Steps;

    [Theory]
    [InlineData("**Step 1**\n\nDrain the node\n\n```bash\nkubectl drain n1\n```")]
    [InlineData("**Step 1:**\n\nDrain the node.\n\n```bash\nkubectl drain n1\n```")]
    [InlineData("Step 1\nDrain the node\n\n```bash\nkubectl drain n1\n```")]
    [InlineData("#### Step 1\n\nDrain the node\n\n```bash\nkubectl drain n1\n```")]
    public void The_line_under_a_bare_step_number_is_the_steps_title(string procedure)
    {
        var step = Assert.Single(Steps(procedure));

        Assert.Equal("Drain the node", step.Title);
        Assert.Equal("kubectl drain n1", Assert.IsType<RunAction>(Assert.Single(step.Actions)).Command);
    }

    [Fact]
    public void A_condition_in_that_line_is_the_steps_condition()
    {
        var step = Assert.Single(Steps("**Step 1**\n\nDrain the node (if it is busy)\n\n```bash\nkubectl drain n1\n```"));

        Assert.Equal("Drain the node", step.Title);
        Assert.Equal("it is busy", step.Condition);
    }

    [Fact]
    public void A_bare_number_over_code_or_several_lines_keeps_its_number_and_its_words()
    {
        var steps = Steps("**Step 1**\n\n```bash\nkubectl drain n1\n```\n\n**Step 2**\n\nCordon first.\nThen drain.\n\n```bash\nkubectl drain n2\n```");

        Assert.Equal(["Step 1", "Step 2"], steps.Select(s => s.Title));
        Assert.Contains(new NoteAction("Cordon first.\nThen drain."), steps[1].Actions);
    }

    [Fact]
    public void A_numbered_paragraph_with_its_title_is_read_as_before()
    {
        var step = Assert.Single(Steps("**Step 1:** Drain the node\n\nIt takes a minute.\n\n```bash\nkubectl drain n1\n```"));

        Assert.Equal("Drain the node", step.Title);
        Assert.Contains(new NoteAction("It takes a minute."), step.Actions);
    }
}

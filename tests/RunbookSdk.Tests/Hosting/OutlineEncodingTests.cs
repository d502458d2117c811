using System.Text;
using RunbookSdk.Hosting;

namespace RunbookSdk.Tests.Hosting;

/// <summary>The outline generated code embeds as text must read back exactly as the generator wrote it.</summary>
public sealed class OutlineEncodingTests
{
    [Fact]
    public void An_outline_with_awkward_text_reads_back_as_written()
    {
        var writer = new OutlineEncoding.Writer();
        writer.WritePhase("Diagnose\tfirst", "0-5 minutes");
        writer.WriteStep("Check \\ pods", requiresConfirmation: true);
        writer.WriteAction("shell", ["comment=List\npods", "timeout=00:02:00"]);
        writer.WriteSegment("kubectl get pods -n ", isHole: false);
        writer.WriteSegment("Namespace", isHole: true);
        writer.WriteSegment("\r\n\\0 trailing ", isHole: false);
        writer.WriteAction("note", []);
        writer.WriteSegment("", isHole: false);
        writer.WritePhase("Rollback", null);
        writer.WriteStep("Undo", requiresConfirmation: false);

        var outline = PlanOutline.Parse(writer.ToString());

        Assert.Collection(outline.Phases,
            diagnose =>
            {
                Assert.Equal("Diagnose\tfirst", diagnose.Name);
                Assert.Equal("0-5 minutes", diagnose.TimeBox);
                var step = Assert.Single(diagnose.Steps);
                Assert.Equal("Check \\ pods", step.Title);
                Assert.True(step.RequiresConfirmation);
                Assert.Collection(step.Actions,
                    shell =>
                    {
                        Assert.Equal("shell", shell.Kind);
                        Assert.Equal(["comment=List\npods", "timeout=00:02:00"], shell.Details);
                        Assert.Equal(
                            [new OutlineSegment("kubectl get pods -n ", false), new OutlineSegment("Namespace", true), new OutlineSegment("\r\n\\0 trailing ", false)],
                            shell.Text);
                    },
                    note =>
                    {
                        Assert.Equal("note", note.Kind);
                        Assert.Empty(note.Details);
                        Assert.Equal([new OutlineSegment("", false)], note.Text);
                    });
            },
            rollback =>
            {
                Assert.Equal("Rollback", rollback.Name);
                Assert.Null(rollback.TimeBox);
                Assert.False(Assert.Single(rollback.Steps).RequiresConfirmation);
                Assert.Empty(rollback.Steps[0].Actions);
            });
    }

    [Theory]
    [InlineData("S\tStep before any phase\t0\n")]
    [InlineData("P\tPhase\t\\0\nT\tText before any action\n")]
    [InlineData("X\tunknown record\n")]
    [InlineData("P\t\\0\t\\0\n")]
    public void Text_the_generator_did_not_write_is_a_format_error_naming_the_line(string text)
    {
        var error = Assert.Throws<FormatException>(() => PlanOutline.Parse(text));
        Assert.Contains("line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_of_a_decision_reads_back_with_its_place_with_or_without_a_condition()
    {
        var writer = new OutlineEncoding.Writer();
        writer.WritePhase("Mitigate", null);
        writer.WriteStep("Restart", requiresConfirmation: true, condition: null, decision: "Mitigation\tstrategy", option: 1, options: 2);
        writer.WriteStep("Cache clear", requiresConfirmation: false, condition: "the cache is the problem", decision: "Mitigation\tstrategy", option: 2, options: 2);
        writer.WriteStep("Tell", requiresConfirmation: false, condition: "someone listens");

        var steps = PlanOutline.Parse(writer.ToString()).Phases.Single().Steps;

        Assert.Equal([("Restart", null, "1/2 Mitigation\tstrategy"), ("Cache clear", "the cache is the problem", "2/2 Mitigation\tstrategy"), ("Tell", "someone listens", null)],
            steps.Select(s => (s.Title, s.Condition, s.Choice)));
    }

    [Fact]
    public void An_idempotent_step_reads_back_with_or_without_a_condition_and_as_an_option_of_a_decision()
    {
        var writer = new OutlineEncoding.Writer();
        writer.WritePhase("Check", null);
        writer.WriteStep("Soak", requiresConfirmation: false, idempotent: true);
        writer.WriteStep("Probe", requiresConfirmation: false, condition: "the probe exists", idempotent: true);
        writer.WriteStep("Restart", requiresConfirmation: true, idempotent: true, decision: "Fix", option: 1, options: 2);
        writer.WriteStep("Scale", requiresConfirmation: false, decision: "Fix", option: 2, options: 2);

        var steps = PlanOutline.Parse(writer.ToString()).Phases.Single().Steps;

        Assert.Equal([("Soak", null, true, null), ("Probe", "the probe exists", true, null), ("Restart", null, true, "1/2 Fix"), ("Scale", null, false, "2/2 Fix")],
            steps.Select(s => (s.Title, s.Condition, s.Idempotent, (string?)s.Choice)));
    }
}

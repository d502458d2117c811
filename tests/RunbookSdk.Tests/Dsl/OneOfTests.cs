using RunbookSdk.Dsl.Recording;
using RunbookSdk.Model;

namespace RunbookSdk.Tests.Dsl;

/// <summary><c>OneOf(title, options)</c> records its options as steps of one decision; a decision nobody can make is refused at recording.</summary>
public sealed class OneOfTests
{
    private static PhasePlan Phase(Action<IPhaseBuilder> steps) => PhaseRecorder.Record("Mitigate", null, steps);

    [Fact]
    public void Each_option_is_a_step_that_knows_its_decision_and_its_number()
    {
        var phase = Phase(p => p
            .Step("Look", s => s.Run("true"))
            .OneOf("Mitigation strategy", o => o
                .Note("Pick the cheapest fix.")
                .Step("Restart", s => s.Run("restart").RequiresConfirmation())
                .Step("Clear the cache", s => s.OnlyIf("the cache is the problem").Run("redis-cli FLUSHALL")))
            .Step("Tell the team", s => s.Run("true")));

        Assert.Equal(["Look", "Restart", "Clear the cache", "Tell the team"], phase.Steps.Select(s => s.Title));
        Assert.Null(phase.Steps[0].Choice);
        Assert.Equal(new StepChoice("Mitigation strategy", 1, 2, "Pick the cheapest fix."), phase.Steps[1].Choice);
        Assert.Equal(new StepChoice("Mitigation strategy", 2, 2, "Pick the cheapest fix."), phase.Steps[2].Choice);
        Assert.True(phase.Steps[1].RequiresConfirmation);
        Assert.Equal("the cache is the problem", phase.Steps[2].Condition);
        Assert.Null(phase.Steps[3].Choice);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void An_empty_title_is_refused_with_what_to_write(string? title)
    {
        var refused = Assert.Throws<ArgumentException>(() => Phase(p => p.OneOf(title!, o => o.Step("A", s => s.Run("a")).Step("B", s => s.Run("b")))));

        Assert.Equal("title", refused.ParamName);
        Assert.Contains("OneOf(title, options) needs what is decided, e.g. OneOf(\"Mitigation strategy\"", refused.Message);
    }

    [Fact]
    public void A_decision_of_fewer_than_two_options_is_refused_and_points_to_OnlyIf()
    {
        var refused = Assert.Throws<ArgumentException>(() => Phase(p => p.OneOf("Mitigation strategy", o => o.Step("Restart", s => s.Run("restart")))));

        Assert.Equal("options", refused.ParamName);
        Assert.Contains("OneOf(\"Mitigation strategy\") has 1 option(s); a choice needs at least two", refused.Message);
        Assert.Contains("OnlyIf", refused.Message);
    }

    [Fact]
    public void Two_options_of_one_title_are_refused_the_operator_could_not_tell_them_apart()
    {
        var refused = Assert.Throws<ArgumentException>(() => Phase(p => p.OneOf("Strategy", o => o.Step("Restart", s => s.Run("a")).Step("restart", s => s.Run("b")))));

        Assert.Contains("two options titled 'Restart'", refused.Message);
    }

    [Fact]
    public void Two_decisions_of_one_title_in_a_runbook_are_refused_one_choose_answer_would_answer_both()
    {
        var refused = Assert.Throws<ArgumentException>(() => RunbookRecorder.Record("twice", new TwoDecisionsOfOneTitle()));

        Assert.Equal("The runbook has two OneOf decisions titled 'Fix' (in 'Mitigate' and 'Rollback'); the operator answers one with --choose \"Fix=…\", so give each decision a title of its own.", refused.Message);
    }

    [Fact]
    public void Decisions_of_different_titles_are_recorded()
    {
        var plan = RunbookRecorder.Record("apart", new TwoDecisionsOfOneTitle("Fix the cause"));

        Assert.Equal(["Fix the cause", "Fix"], plan.Phases.Concat([plan.Rollback!]).SelectMany(p => p.Steps).Where(s => s.Choice is { Option: 1 }).Select(s => s.Choice!.Title));
    }

    private sealed class TwoDecisionsOfOneTitle(string firstTitle = "fix ") : Runbook
    {
        public override void Define(IRunbookBuilder rb) => rb
            .Title("Two decisions")
            .Phase("Mitigate", p => p.OneOf(firstTitle, o => o.Step("Restart", s => s.Run("a")).Step("Scale", s => s.Run("b"))))
            .Rollback(r => r.OneOf("Fix", o => o.Step("Roll back", s => s.Run("c")).Step("Restore", s => s.Run("d"))));
    }
}

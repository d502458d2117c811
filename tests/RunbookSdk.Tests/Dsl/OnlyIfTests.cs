using RunbookSdk.Dsl.Recording;
using RunbookSdk.Model;

namespace RunbookSdk.Tests.Dsl;

/// <summary><c>OnlyIf(condition)</c> puts the condition on the step; a condition nobody could answer is refused at recording.</summary>
public sealed class OnlyIfTests
{
    private static StepPlan Step(Action<IStepBuilder> step) => StepRecorder.Record("step", step);

    [Fact]
    public void The_condition_is_on_the_step_wherever_in_the_chain_it_is_written()
    {
        Assert.Equal("auto-scaling is not enabled", Step(s => s.OnlyIf("auto-scaling is not enabled").Run("enable")).Condition);
        Assert.Equal("auto-scaling is not enabled", Step(s => s.Run("enable").Timeout(TimeSpan.FromSeconds(5)).OnlyIf("auto-scaling is not enabled")).Condition);
        Assert.Null(Step(s => s.Run("enable")).Condition);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_condition_is_refused_with_what_to_write(string? condition)
    {
        var refused = Assert.Throws<ArgumentException>(() => Step(s => s.OnlyIf(condition!).Run("enable")));

        Assert.Equal("condition", refused.ParamName);
        Assert.Contains("OnlyIf(condition) needs the condition the operator confirms", refused.Message);
    }
}

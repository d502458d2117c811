using RunbookSdk.Dsl.Recording;
using RunbookSdk.Execution;
using RunbookSdk.Model;

namespace RunbookSdk.Tests.Dsl;

/// <summary>
/// A negative duration is a defect where it sets a wait, a limit or a deadline: the runbook is refused when it is
/// prepared, before anything runs, with a message in the page's words. Where one can still arise — a clock set back —
/// it is printed with its sign in its own unit, never as "-1200 seconds".
/// </summary>
public sealed class NegativeDurationTests
{
    private static readonly TimeSpan Minus5 = TimeSpan.FromMinutes(-5);

    [Theory]
    [InlineData(-300_000, "-5 minutes")]
    [InlineData(-7_200_000, "-2 hours")]
    [InlineData(-1_500, "-1.5 seconds")]
    [InlineData(-500, "-500 milliseconds")]
    public void Durations_format_a_negative_value_in_its_largest_unit_with_its_sign(long milliseconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void The_most_negative_TimeSpan_formats_without_throwing() =>
        Assert.StartsWith("-", Durations.Format(TimeSpan.MinValue));

    [Theory]
    [InlineData(-1_200_000, "-20:00")]
    [InlineData(-5_000, "-5.0 s")]
    [InlineData(-7_260_000, "-2:01:00")]
    public void Elapsed_time_behind_its_start_keeps_its_unit_and_sign(long milliseconds, string expected) =>
        Assert.Equal(expected, LiveRun.FormatElapsed(TimeSpan.FromMilliseconds(milliseconds)));

    public static TheoryData<string, Action<IStepBuilder>> RefusedSteps => new()
    {
        { "Wait", s => s.Wait(Minus5) },
        { "Monitor", s => s.Monitor("errors", Minus5) },
        { "Timeout", s => s.Run("x").Timeout(Minus5) },
        { "Timeout", s => s.Run("x").Timeout(TimeSpan.Zero) },
        { "Timeout", s => s.Http("GET", "http://x").Timeout(Minus5) },
        { "Retry", s => s.Run("x").Retry(3, Minus5) },
    };

    [Theory]
    [MemberData(nameof(RefusedSteps))]
    public void A_step_with_a_negative_wait_or_limit_is_refused_when_it_is_recorded(string call, Action<IStepBuilder> step)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => StepRecorder.Record("step", step));
        Assert.StartsWith($"{call}(", refused.Message);
        Assert.DoesNotContain("-300 seconds", refused.Message);
    }

    [Fact]
    public void A_time_box_that_ends_before_it_starts_or_starts_before_the_incident_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PhaseRecorder.Record("p", TimeBox.Minutes(10, 5), _ => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PhaseRecorder.Record("p", new TimeBox(Minus5, TimeSpan.FromMinutes(5)), _ => { }));
        Assert.Equal(TimeBox.Minutes(5), PhaseRecorder.Record("p", TimeBox.Minutes(5), _ => { }).TimeBox);
    }

    [Fact]
    public void A_negative_escalation_or_response_time_is_refused_and_zero_still_means_at_once()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Handbook(h => h.Escalation(e => e.Level("On-call", Minus5))));
        Assert.Throws<ArgumentOutOfRangeException>(() => Handbook(h => h.SeverityLevel("P1", "Critical", s => s.RespondWithin(Minus5))));
        Assert.Throws<ArgumentOutOfRangeException>(() => Handbook(h => h.SeverityLevel("P1", "Critical", s => s.ResolveWithin(Minus5))));
        var plan = Handbook(h => h.Escalation(e => e.Level("On-call", TimeSpan.Zero)).SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.Zero)));
        Assert.Equal(TimeSpan.Zero, plan.Severities[0].ResponseTime);
    }

    private static HandbookPlan Handbook(Action<IHandbookBuilder> define) => HandbookRecorder.Record("h", new InlineHandbook(define));

    private sealed class InlineHandbook(Action<IHandbookBuilder> define) : Handbook
    {
        public override void Define(IHandbookBuilder hb) => define(hb);
    }
}

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The machine's clock can be set back during an incident (NTP fixing a drift, a VM restored), or a resumed journal can
/// come from a machine whose clock was ahead: durations are then measured on a clock that only moves forward, and the
/// incident time that goes negative is said once, in words, rather than shown as "-1200.0 s".
/// </summary>
public sealed class ClockSetBackTests
{
    [Fact]
    public async Task A_clock_set_back_during_a_step_gives_no_negative_duration_and_is_announced_once()
    {
        TestRun? run = null;
        run = new TestRun(rb => rb
            .Phase("Act", ph => ph
                .Step("Clock is set back", s => s.Execute("set the clock back", _ =>
                {
                    run!.Clock.Advance(TimeSpan.FromMinutes(-20));
                    return Task.CompletedTask;
                }))
                .Step("Later", s => s.Note("still behind")))
            .NoRollback("test"));
        using var _ = run;

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("-1200", result.Output);
        Assert.Contains("ok (0:00; incident time -20:00)", result.Output);
        Assert.All(result.Events("step-finished"), e => Assert.False(e["durationMs"]!.StartsWith('-'), e.Line));
        var behind = Assert.Single(result.Events("clock-behind"));
        Assert.Equal("1200000", behind["behindMs"]);
        Assert.Single(result.Output.Split('\n'), l => l.Contains("20 minutes before the incident start", StringComparison.Ordinal));
    }
}

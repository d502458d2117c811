using RunbookSdk.Dsl.Recording;
using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Dsl;

/// <summary>
/// A process or request time limit, or a retry's wait, longer than a .NET timer can wait (about 49.7 days) was an
/// exception from the framework when the step ran, after earlier steps had changed things. It is refused when the
/// runbook is recorded, before anything runs, like a negative duration.
/// </summary>
public sealed class TimerRangeTests
{
    private static readonly TimeSpan SixtyDays = TimeSpan.FromDays(60);

    public static TheoryData<string, Action<IStepBuilder>> RefusedSteps => new()
    {
        { "Timeout(timeout) of a command can be at most", s => s.Run("x").Timeout(SixtyDays) },
        { "Timeout(timeout) of a request can be at most", s => s.Http("GET", "http://x").Timeout(SixtyDays) },
        { "Retry(attempts, backoff) with 3 attempts and a backoff of 30 days", s => s.Run("x").Retry(3, TimeSpan.FromDays(30)) },
        { "Retry(attempts, backoff) with 100 attempts and a backoff of 1 second", s => s.Run("x").Retry(100, TimeSpan.FromSeconds(1)) },
    };

    [Theory]
    [MemberData(nameof(RefusedSteps))]
    public void A_limit_or_retry_wait_longer_than_a_timer_can_wait_is_refused_when_it_is_recorded(string message, Action<IStepBuilder> step)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => StepRecorder.Record("step", step));
        Assert.StartsWith(message, refused.Message);
        Assert.Contains("about 49.7 days", refused.Message);
    }

    [Fact]
    public async Task A_wait_or_monitor_longer_than_a_timer_can_wait_stops_the_run_before_any_step_runs()
    {
        Action<IStepBuilder>[] endlessSteps = [s => s.Wait(TimeSpan.MaxValue, "cache warms"), s => s.Monitor("error rate", TimeSpan.MaxValue)];
        foreach (var endless in endlessSteps)
        {
            var ran = new List<string>();
            using var run = new TestRun(rb => rb
                .Phase("Act", p => p
                    .Step("First", s => s.Execute("first", _ => { ran.Add("first"); return Task.CompletedTask; }))
                    .Step("Let it settle", endless))
                .NoRollback("test"));

            var result = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--journal", run.Temp.File("run.jsonl"));

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("could not be prepared", result.Output);
            Assert.Contains("can be at most about 49.7 days", result.Output);
            Assert.Empty(ran);
        }
    }

    [Fact]
    public async Task A_refused_argument_names_the_phase_and_step_it_stands_in()
    {
        using var run = new TestRun(rb => rb
            .Phase("Diagnose", p => p.Step("Look", s => s.Run("uptime")))
            .Phase("Mitigate", p => p
                .Step("Drain", s => s.Run("./drain.sh"))
                .Step("Restart", s => s.OnlyIf("").Run("./restart.sh")))
            .NoRollback("test"));

        var result = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--journal", run.Temp.File("run.jsonl"));

        Assert.Equal(1, result.ExitCode);
        // It named the refusal but no step: in a runbook of forty steps, the engineer had to guess which.
        Assert.Contains("could not be prepared: ArgumentException: OnlyIf(condition)", result.Output);
        Assert.Contains("(in phase 'Mitigate', step 'Restart')", result.Output);
    }

    [Fact]
    public void Many_attempts_without_a_backoff_never_wait_and_are_kept()
    {
        // 2^1999 is infinite as a double, and times a zero backoff NaN: it was refused as waiting "more than 49.7 days".
        var step = StepRecorder.Record("step", s => s.Run("x").Retry(2000, TimeSpan.Zero));

        Assert.Equal(2000, Assert.IsType<RunbookSdk.Model.ShellCommandAction>(step.Actions[0]).Attempts);
    }

    [Fact]
    public void Limits_and_retries_a_timer_can_wait_are_kept()
    {
        var step = StepRecorder.Record("step", s => s
            .Run("x").Timeout(TimeSpan.FromDays(49)).Retry(5, TimeSpan.FromDays(6))
            .Http("GET", "http://x").Timeout(TimeSpan.FromDays(49)));

        Assert.Equal(TimeSpan.FromDays(49), Assert.IsType<RunbookSdk.Model.ShellCommandAction>(step.Actions[0]).Timeout);
    }

    [Fact]
    public async Task A_run_with_such_a_limit_stops_before_any_step_runs()
    {
        var ran = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("First", s => s.Execute("first", _ => { ran.Add("first"); return Task.CompletedTask; }))
                .Step("Tail the log", s => s.Run("tail -f /var/log/app.log").Timeout(SixtyDays)))
            .NoRollback("test"));

        var result = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--journal", run.Temp.File("run.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not be prepared", result.Output);
        Assert.Contains("Timeout(timeout) of a command can be at most", result.Output);
        Assert.Empty(ran);
    }
}

using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A wait counted down on the wall clock alone: the clock set back during it (NTP correcting a drift, a VM restored from
/// a snapshot) made a 30-second wait last an hour more, the run silent at 3 a.m. The wait now also ends when its time
/// has passed on the monotonic clock, which no clock change moves; a wall clock that jumps ahead (a laptop waking from
/// sleep, the incident time that passed meanwhile) still ends it.
/// </summary>
public sealed class ClockSetBackDuringWaitTests
{
    [Fact]
    public async Task A_clock_set_back_during_a_wait_does_not_make_the_wait_longer()
    {
        using var run = new TestRun(rb => rb
            .Phase("Settle", ph => ph.Step("Let it settle", s => s.Wait(TimeSpan.FromSeconds(30), "the deploy warms up")))
            .NoRollback("test"));
        var clock = new ClockMovedMidWait(run.Clock, timer: 3, by: TimeSpan.FromHours(-1));
        var console = new PlainConsole();
        var options = TestRun.NonInteractive with { Clock = clock, JournalPath = run.JournalPath };

        var outcome = await new RunbookRunner(console.Console, options, run.Prompts).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.True(clock.Moved, "the clock was set back during the wait");
        // Fake time: the timers move the monotonic clock by what they wait, so this counts what the wait waited.
        Assert.True(TimeSpan.FromTicks(run.Clock.GetTimestamp()) < TimeSpan.FromMinutes(1),
            $"the 30-second wait waited {TimeSpan.FromTicks(run.Clock.GetTimestamp())}");
    }

    [Fact]
    public async Task A_clock_that_jumps_ahead_during_a_wait_as_after_a_laptops_sleep_ends_it()
    {
        using var run = new TestRun(rb => rb
            .Phase("Settle", ph => ph.Step("Let it settle", s => s.Wait(TimeSpan.FromMinutes(10), "the deploy warms up")))
            .NoRollback("test"));
        // The lid closed for an hour: the wall clock moves, the monotonic one does not count the sleep.
        var clock = new ClockMovedMidWait(run.Clock, timer: 3, by: TimeSpan.FromHours(1), monotonicToo: false);
        var options = TestRun.NonInteractive with { Clock = clock, JournalPath = run.JournalPath };

        var outcome = await new RunbookRunner(new PlainConsole().Console, options, run.Prompts).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.True(TimeSpan.FromTicks(clock.GetTimestamp()) < TimeSpan.FromMinutes(1),
            $"the wait went on for {TimeSpan.FromTicks(clock.GetTimestamp())} of monotonic time after the incident time had passed");
    }

    /// <summary>The fake incident clock, whose wall clock is moved (set back, or ahead as by a sleep) when the <c>timer</c>-th timer is made: mid-wait.</summary>
    private sealed class ClockMovedMidWait(FakeClock inner, int timer, TimeSpan by, bool monotonicToo = true) : TimeProvider
    {
        private int _timers;
        private long _sleptTicks;

        public bool Moved { get; private set; }

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();
        public override long TimestampFrequency => inner.TimestampFrequency;
        // A sleep moves the wall clock alone: the monotonic clock does not count it.
        public override long GetTimestamp() => inner.GetTimestamp() - Interlocked.Read(ref _sleptTicks);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (Interlocked.Increment(ref _timers) == timer)
            {
                inner.Advance(by);
                if (!monotonicToo && by > TimeSpan.Zero) Interlocked.Add(ref _sleptTicks, by.Ticks);
                Moved = true;
            }
            return inner.CreateTimer(callback, state, dueTime, period);
        }
    }
}

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// An incident clock that never sleeps: every timer fires at once and moves the clock forward by its due time, so a
/// 40-minute wait takes no real time and tests count what happened, not how long it took.
/// </summary>
internal sealed class FakeClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = new(2026, 1, 15, 3, 0, 0, TimeSpan.Zero);
    // The monotonic side (GetTimestamp): moved by timers and forward advances only, as a real one is by no clock change.
    private long _timestamp;

    public DateTimeOffset Start { get; } = new(2026, 1, 15, 3, 0, 0, TimeSpan.Zero);

    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    /// <summary>Moves the wall clock; a negative <paramref name="by"/> sets it back, which the monotonic timestamp ignores.</summary>
    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
            if (by > TimeSpan.Zero) _timestamp += by.Ticks;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _timestamp;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new FiringTimer(this, callback, state, dueTime);

    private sealed class FiringTimer : ITimer
    {
        private readonly FakeClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private bool _disposed;

        public FiringTimer(FakeClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan || _disposed) return true;
            _clock.Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ => { if (!_disposed) _callback(_state); });
            return true;
        }

        public void Dispose() => _disposed = true;
        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}

namespace RunbookSdk.GitHub.Tests;

/// <summary>
/// A clock whose waits end at once and are recorded, so retry tests check how long the client would have waited
/// without sleeping. Its time starts at <see cref="Now"/> and moves on by each wait.
/// </summary>
internal sealed class InstantClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];

    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; private set; } = Start;

    public IReadOnlyList<TimeSpan> Waits { get { lock (_gate) return _waits.ToArray(); } }

    public override DateTimeOffset GetUtcNow() { lock (_gate) return Now; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _waits.Add(dueTime);
            Now += dueTime;
        }
        // Fired from the pool, never inside CreateTimer: Task.Delay is not ready for its callback yet.
        ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

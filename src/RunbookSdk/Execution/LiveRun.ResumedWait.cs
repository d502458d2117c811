using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// A wait the earlier run was in when it stopped: incident time kept passing, so a resume in which nothing ran before
/// it waits only the rest of its time. The live run (<see cref="RunWaitAsync"/>) and the dry run of the resume ask the
/// same question here, so the plan shows the wait the resume will wait.
/// </summary>
internal sealed partial class LiveRun
{
    /// <summary>
    /// When the wait at action <paramref name="index"/> of the step with <paramref name="key"/> began in the resumed
    /// journal, and what is left of it at <paramref name="now"/> (zero once its time has passed); null when the journal
    /// holds no such wait, or what is left is not shorter than the wait itself.
    /// </summary>
    public (DateTimeOffset Began, TimeSpan Left)? RestOfResumedWait(string key, int index, WaitAction wait, DateTimeOffset now)
    {
        var slot = $"{key}#{index}";
        if (_resume?.WaitsUntil.TryGetValue(slot, out var until) != true) return null;
        // From when the wait began, for as long as this run says: a duration given again on resume counts.
        var began = _resume.WaitsStarted.TryGetValue(slot, out var first) ? first : until - wait.Duration;
        var due = began + wait.Duration;
        if (due - now >= wait.Duration) return null;
        return (began, due > now ? due - now : TimeSpan.Zero);
    }

    /// <summary>What is left of a resumed wait, in words.</summary>
    // "0 minutes left" of a 2-second wait reads like a unit mix-up: say plainly that nothing is left to wait.
    public static string RestOfWait(TimeSpan rest) => rest == TimeSpan.Zero ? "its time has passed: no wait left" : $"{Left(rest)} left";

    /// <summary>
    /// The rest of a wait as the engineer reads it: in whole seconds, rounded up, and past a minute as the clock beside
    /// it shows time (<c>5:43</c>). Found on call in the sandbox: "12.659 seconds left" (and a 30-minute wait resumed
    /// some minutes in would read "1542.341 seconds left").
    /// </summary>
    private static string Left(TimeSpan rest)
    {
        var whole = TimeSpan.FromSeconds(Math.Ceiling(rest.TotalSeconds));
        return whole < TimeSpan.FromMinutes(1) || whole.Ticks % TimeSpan.TicksPerMinute == 0 ? Durations.Format(whole) : FormatElapsed(whole);
    }

    /// <summary>
    /// What the dry run of a resume says of such a wait, the first action the resume runs; null when the resume waits its
    /// whole time. Said of the present moment: the rest shrinks until the resume starts.
    /// </summary>
    public string? ResumedWaitNote(string key, int index, WaitAction wait) =>
        RestOfResumedWait(key, index, wait, _clock.GetUtcNow()) is { } resumed
            ? $"the earlier run started this wait at {FormatTime(resumed.Began)}: " + (resumed.Left == TimeSpan.Zero
                ? "its time has passed, so the resume does not wait"
                : $"the resume waits only the rest of its time, {Left(resumed.Left)} left now")
            : null;
}

namespace RunbookSdk.Execution;

/// <summary>
/// The shell command a run is in, as the journal will record it: a runner going away (a SIGTERM, a SIGHUP, a second
/// Ctrl+C) kills it and journals it from here — what it printed so far, masked, and that it was interrupted — since the
/// run's own flow never gets to.
/// </summary>
/// <param name="key">The journal key of its step.</param>
/// <param name="title">Its step's title.</param>
/// <param name="stepStarted">When its step started (a monotonic timestamp of the run's clock).</param>
/// <param name="command">The command as shown, masked.</param>
/// <param name="attempt">The attempt (1 unless the step retries).</param>
/// <param name="started">When this attempt started (a monotonic timestamp of the run's clock).</param>
internal sealed class RunningCommand(string key, string title, long stepStarted, string command, int attempt, long started)
{
    private readonly TaskCompletionSource<(bool Started, int? ExitCode)> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The journal key of its step.</summary>
    public string Key => key;

    /// <summary>Its step's title.</summary>
    public string Title => title;

    /// <summary>When its step started (monotonic).</summary>
    public long StepStarted => stepStarted;

    /// <summary>The command as shown, masked.</summary>
    public string Command => command;

    /// <summary>The attempt (1 unless the step retries).</summary>
    public int Attempt => attempt;

    /// <summary>When this attempt started (monotonic).</summary>
    public long Started => started;

    /// <summary>What it printed, masked, as it arrives; sized by the caller's journal tail.</summary>
    public required OutputDigest Output { get; init; }

    /// <summary>Completes once the command ended and its output was read (bounded): whether it started at all, and its exit code.</summary>
    public Task<(bool Started, int? ExitCode)> Ended => _ended.Task;

    /// <summary>The command ended (or never started: the runner was going away) and what it printed has been read.</summary>
    public void End(bool started, int? exitCode) => _ended.TrySetResult((started, exitCode));
}

namespace RunbookSdk.Execution;

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>Every step did what it should.</summary>
    Succeeded,
    /// <summary>A step failed.</summary>
    Failed,
    /// <summary>The operator interrupted the run.</summary>
    Cancelled,
}

/// <summary>The result of <see cref="IRunbookExecutor.ExecuteAsync"/>.</summary>
/// <param name="Status">How the run ended.</param>
/// <param name="Reason">Why it failed or stopped, secrets masked; null on success.</param>
public sealed record RunOutcome(RunStatus Status, string? Reason = null)
{
    /// <summary>A run that did everything it should.</summary>
    public static RunOutcome Success { get; } = new(RunStatus.Succeeded);

    /// <summary>A failed run.</summary>
    /// <param name="reason">What failed, secrets masked.</param>
    public static RunOutcome Failure(string reason) => new(RunStatus.Failed, reason);

    /// <summary>A run the operator interrupted.</summary>
    public static RunOutcome Cancelled { get; } = new(RunStatus.Cancelled, "Interrupted by the operator.");

    /// <summary>The process exit code for this outcome: 0 success, 1 failure, 130 interrupted (as shells report Ctrl+C).</summary>
    public int ExitCode => Status switch
    {
        RunStatus.Succeeded => 0,
        RunStatus.Cancelled => 130,
        _ => 1,
    };
}

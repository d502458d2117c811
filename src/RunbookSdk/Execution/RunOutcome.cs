namespace RunbookSdk.Execution;

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>Every step did what it should and verification passed.</summary>
    Succeeded,
    /// <summary>A step or the verification failed, and no rollback ran (none defined, waived, or declined).</summary>
    Failed,
    /// <summary>The operator interrupted the run (Ctrl+C).</summary>
    Cancelled,
    /// <summary>A step failed and the rollback section completed.</summary>
    RolledBack,
    /// <summary>The rollback section itself failed: the system is in a state no section describes.</summary>
    RollbackFailed,
    /// <summary>
    /// The operator chose to abort (declined a confirmation, or aborted a manual step), also in the rollback, which
    /// then stopped at that step, incomplete: the reason names the rollback steps not run.
    /// </summary>
    Aborted,
    /// <summary>The run did not start: the chosen mode cannot carry out the plan (e.g. manual steps with --non-interactive).</summary>
    NotStarted,
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

    /// <summary>
    /// The process exit code for this outcome: 0 succeeded, 1 failed (nothing rolled back), 2 did not start,
    /// 3 failed and rolled back, 4 rollback failed, 5 aborted by the operator, 130 interrupted (as shells report Ctrl+C).
    /// </summary>
    public int ExitCode => Status switch
    {
        RunStatus.Succeeded => 0,
        RunStatus.Failed => 1,
        RunStatus.NotStarted => 2,
        RunStatus.RolledBack => 3,
        RunStatus.RollbackFailed => 4,
        RunStatus.Aborted => 5,
        RunStatus.Cancelled => 130,
        _ => 1,
    };
}

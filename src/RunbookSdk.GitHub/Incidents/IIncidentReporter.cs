using RunbookSdk.Execution;

namespace RunbookSdk.GitHub.Incidents;

/// <summary>
/// Receives what happens during a live run, for an incident record outside the runner (a GitHub issue). Calls
/// never throw into the runbook: an implementation keeps its failures and retries them in <see cref="EndAsync"/>.
/// </summary>
public interface IIncidentReporter
{
    /// <summary>The run started.</summary>
    /// <param name="incident">Which runbook, its severity and when.</param>
    /// <param name="cancellationToken">Cancels the call (not the run).</param>
    Task StartAsync(IncidentStart incident, CancellationToken cancellationToken = default);

    /// <summary>A step ended.</summary>
    /// <param name="step">The step's result.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task StepAsync(IncidentStep step, CancellationToken cancellationToken = default);

    /// <summary>The run ended: retry what failed, then post the filled post-incident template.</summary>
    /// <param name="end">The outcome and the post-incident checklist.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task EndAsync(IncidentEnd end, CancellationToken cancellationToken = default);

    /// <summary>Failures that could not be delivered even after the retry, one sentence each, for the run's journal.</summary>
    IReadOnlyList<string> Problems { get; }
}

/// <summary>A run started.</summary>
/// <param name="RunbookId">Runbook id.</param>
/// <param name="Title">Runbook title.</param>
/// <param name="Severity">Severity key, or null.</param>
/// <param name="StartedAt">When.</param>
/// <param name="Symptoms">What the on-call engineer saw.</param>
/// <param name="RunStartedAt">When this process's run started: later than <paramref name="StartedAt"/> for a resumed
/// run (<c>--resume</c>), whose <paramref name="StartedAt"/> is the first run's; null when unknown.</param>
public sealed record IncidentStart(string RunbookId, string Title, string? Severity, DateTimeOffset StartedAt, IReadOnlyList<string> Symptoms, DateTimeOffset? RunStartedAt = null);

/// <summary>A step's result.</summary>
/// <param name="Phase">Phase name.</param>
/// <param name="Step">Step title.</param>
/// <param name="Outcome">succeeded, failed, skipped …</param>
/// <param name="At">When it ended.</param>
/// <param name="Detail">What happened (already masked), or null.</param>
public sealed record IncidentStep(string Phase, string Step, string Outcome, DateTimeOffset At, string? Detail);

/// <summary>The end of a run.</summary>
/// <param name="Outcome">How the run ended (completed, rolled back, failed …).</param>
/// <param name="EndedAt">When.</param>
/// <param name="PostIncident">The handbook's post-incident checklist stages, as (stage, items).</param>
/// <param name="Reason">Why it ended that way, or null.</param>
public sealed record IncidentEnd(string Outcome, DateTimeOffset EndedAt, IReadOnlyList<(string Stage, IReadOnlyList<string> Items)> PostIncident, string? Reason = null)
{
    /// <summary>
    /// The phase steps the run never reached, in order, titles already masked (<see cref="RunEndedEvent.NotReached"/>):
    /// what the stop left undone. Empty when every step was reached.
    /// </summary>
    public IReadOnlyList<StepNotReached> NotReached { get; init; } = [];

    /// <summary>
    /// The rollback steps a failed or stopped rollback left not done, in order, titles already masked
    /// (<see cref="RunEndedEvent.RollbackNotReached"/>). Empty when the rollback completed or did not run, or failed at
    /// its last step.
    /// </summary>
    public IReadOnlyList<StepNotReached> RollbackNotReached { get; init; } = [];
}

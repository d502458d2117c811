using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// Watches a live run from outside the runner, for an incident record elsewhere (a GitHub issue, a chat thread, a
/// status page). Set it with <see cref="RunnerOptions.Observers"/>.
/// </summary>
/// <remarks>
/// An observer can never stop or slow the runbook: the runner hands each call to a background queue (one per
/// observer, so calls arrive in order), an exception is journaled as <c>observer-failed</c> and the run goes on.
/// When the run has ended the runner waits for the queue to drain, at most <see cref="RunnerOptions.ObserverTimeout"/>,
/// then journals each of the observer's <see cref="Problems"/> as <c>observer-problem</c>. Events carry masked text
/// only: no secret value reaches an observer.
/// </remarks>
public interface IRunObserver
{
    /// <summary>A name for the journal and the console; by default the type's name.</summary>
    string Name => GetType().Name;

    /// <summary>The run started (after its <c>run-started</c> journal event).</summary>
    /// <param name="run">Which runbook, its severity, symptoms and when.</param>
    /// <param name="cancellationToken">Cancelled when the runner stops waiting for observers; never by the run's Ctrl+C.</param>
    Task RunStartedAsync(RunStartedEvent run, CancellationToken cancellationToken);

    /// <summary>A step ended: in a phase, the rollback or the verification section.</summary>
    /// <param name="step">The step's result.</param>
    /// <param name="cancellationToken">Cancelled when the runner stops waiting for observers.</param>
    Task StepFinishedAsync(StepFinishedEvent step, CancellationToken cancellationToken);

    /// <summary>The run ended; the last call. Retry what failed here: the runner waits for it (bounded).</summary>
    /// <param name="run">The outcome and the post-incident checklist.</param>
    /// <param name="cancellationToken">Cancelled when the runner stops waiting for observers.</param>
    Task RunEndedAsync(RunEndedEvent run, CancellationToken cancellationToken);

    /// <summary>What the observer could not deliver, one sentence each; read once <see cref="RunEndedAsync"/> has completed, and journaled.</summary>
    IReadOnlyList<string> Problems => [];
}

/// <summary>A run started.</summary>
/// <param name="RunbookId">Runbook id.</param>
/// <param name="Title">Runbook title.</param>
/// <param name="Severity">Severity key, or null.</param>
/// <param name="IncidentStart">When the incident clock started (on resume: the first run's start).</param>
/// <param name="StartedAt">When this run started.</param>
/// <param name="Symptoms">What the on-call engineer sees when the runbook applies.</param>
/// <param name="JournalPath">The run's journal file.</param>
public sealed record RunStartedEvent(
    string RunbookId, string Title, string? Severity, DateTimeOffset IncidentStart, DateTimeOffset StartedAt,
    IReadOnlyList<string> Symptoms, string JournalPath);

/// <summary>A step's result.</summary>
/// <param name="Section"><c>phase-N</c>, <c>rollback</c> or <c>verification</c>.</param>
/// <param name="Phase">The phase's name (<c>Rollback</c> and <c>Verification</c> for those sections).</param>
/// <param name="Step">The step's title.</param>
/// <param name="Outcome"><c>succeeded</c>, <c>skipped</c>, <c>failed</c>, <c>aborted</c> or <c>interrupted</c>, as journaled.</param>
/// <param name="Detail">Why it did not succeed, and the last lines of its output; secrets masked; null when there is nothing to say.</param>
/// <param name="At">When it ended.</param>
/// <param name="Duration">How long it ran.</param>
public sealed record StepFinishedEvent(string Section, string Phase, string Step, string Outcome, string? Detail, DateTimeOffset At, TimeSpan Duration);

/// <summary>The end of a run.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="ExitCode">The exit code the run returns.</param>
/// <param name="Reason">Why it ended that way, secrets masked; null on success.</param>
/// <param name="EndedAt">When.</param>
/// <param name="PostIncident">The post-incident checklist: the runbook's own, else its handbook's (possibly empty).</param>
public sealed record RunEndedEvent(RunStatus Status, int ExitCode, string? Reason, DateTimeOffset EndedAt, IReadOnlyList<ChecklistStagePlan> PostIncident)
{
    /// <summary>
    /// The phase steps the run never reached, in order, titles masked: after the step that failed, was aborted or was
    /// interrupted, or from the step a Ctrl+C between steps kept from starting — what the stop left undone, as the
    /// closing words (<c>Not reached: 1.3 'Soak', 2.1 'Scale up'.</c>) and <c>run-finished</c>'s <c>notReached</c> name
    /// it. Without the steps a resumed journal completed and the options of a decision not chosen. Empty when every
    /// step was reached.
    /// </summary>
    /// <remarks>Not a constructor parameter: an observer or test that builds the event keeps compiling.</remarks>
    public IReadOnlyList<StepNotReached> NotReached { get; init; } = [];

    /// <summary>
    /// The rollback steps left not done, in order, titles masked: those after a rollback step that failed or was aborted,
    /// which the runner does not run because each assumes the steps before it worked — as the closing words
    /// (<c>Not done: rollback step(s) R.2 'Scale back'.</c>) and <c>rollback-finished</c>'s <c>notReached</c> name them
    /// (without the rollback steps a resumed journal completed); or, when the operator stopped the rollback (said no at
    /// a destructive rollback step) or its question went unanswered, the step it stopped at and those after it, as the
    /// stopped <c>rollback-finished</c>'s <c>notRun</c> names them. Empty when the rollback completed or did not run, or
    /// failed at its last step.
    /// </summary>
    /// <remarks>Not a constructor parameter: an observer or test that builds the event keeps compiling.</remarks>
    public IReadOnlyList<StepNotReached> RollbackNotReached { get; init; } = [];
}

/// <summary>A phase step (or, in <see cref="RunEndedEvent.RollbackNotReached"/>, a rollback step) a run did not get to.</summary>
/// <param name="Number">Its number as the page heads it (<c>2.1</c>).</param>
/// <param name="Title">Its title, masked.</param>
public sealed record StepNotReached(string Number, string Title);

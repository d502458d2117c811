using RunbookSdk.Execution;

namespace RunbookSdk.GitHub.Incidents;

/// <summary>
/// Plugs an <see cref="IIncidentReporter"/> (a GitHub incident issue) into a live run as an <see cref="IRunObserver"/>:
/// the start opens the issue, each step adds a timeline comment, the end posts the post-incident report. The runner
/// delivers these in the background, so GitHub can never stop or slow the runbook; what the reporter could not
/// deliver (<see cref="IIncidentReporter.Problems"/>) ends up in the run's journal as <c>observer-problem</c>.
/// </summary>
/// <param name="reporter">The incident record to keep.</param>
public sealed class IncidentRunObserver(IIncidentReporter reporter) : IRunObserver
{
    /// <summary>An observer that keeps the incident in an issue of <paramref name="connection"/>'s repository.</summary>
    /// <param name="connection">Repository, token and API root.</param>
    public static IncidentRunObserver ForRepository(GitHubConnection connection) => new(new GitHubIncidentReporter(connection));

    /// <summary>The reporter behind the observer.</summary>
    public IIncidentReporter Reporter { get; } = reporter ?? throw new ArgumentNullException(nameof(reporter));

    /// <inheritdoc />
    public string Name => "GitHub incident issue";

    /// <inheritdoc />
    public IReadOnlyList<string> Problems => Reporter.Problems;

    /// <inheritdoc />
    public Task RunStartedAsync(RunStartedEvent run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Reporter.StartAsync(new IncidentStart(run.RunbookId, run.Title, run.Severity, run.IncidentStart, run.Symptoms, run.StartedAt), cancellationToken);
    }

    /// <inheritdoc />
    public Task StepFinishedAsync(StepFinishedEvent step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Reporter.StepAsync(new IncidentStep(step.Phase, step.Step, step.Outcome, step.At, step.Detail), cancellationToken);
    }

    /// <inheritdoc />
    public Task RunEndedAsync(RunEndedEvent run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var checklist = run.PostIncident.Select(s => (s.Stage, s.Items)).ToArray();
        return Reporter.EndAsync(new IncidentEnd($"{Outcome(run.Status)} (exit code {run.ExitCode})", run.EndedAt, checklist, run.Reason) { NotReached = run.NotReached, RollbackNotReached = run.RollbackNotReached }, cancellationToken);
    }

    /// <summary>The outcome in words, for the post-incident report.</summary>
    /// <param name="status">How the run ended.</param>
    public static string Outcome(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.RolledBack => "failed and rolled back",
        RunStatus.RollbackFailed => "failed, and the rollback failed",
        RunStatus.Aborted => "aborted by the operator",
        RunStatus.Cancelled => "interrupted",
        RunStatus.NotStarted => "not started",
        _ => status.ToString(),
    };
}

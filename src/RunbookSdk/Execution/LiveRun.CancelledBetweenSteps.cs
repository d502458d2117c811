using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// A run's cancellation that lands between two phase steps — cancelled by a step's own code or an observer, or a
/// Ctrl+C after one step's last action and before the next step's first — starts no further phase step: the run
/// stops interrupted there, as a Ctrl+C in a step stops it (rollback offered, verification, <c>run-finished</c>, exit
/// 130; docs/runner.md, Semantics 7). Before, the next step was started (<c>step-started</c> journaled, its command
/// begun and killed at once), and the run was reported interrupted "during" a step the operator never reached.
/// </summary>
internal sealed partial class LiveRun
{
    // The last phase step this run went through ("1.1 'Announce'"), for the reason of a stop between two steps.
    private string? _lastPhaseStep;

    /// <summary>Null while the run may go on; else the stop before phase step <paramref name="number"/>, which is not started.</summary>
    /// <param name="number">The step's number, e.g. <c>1.2</c>.</param>
    /// <param name="step">The step that would start next.</param>
    /// <param name="cancellationToken">The run's cancellation (the first Ctrl+C).</param>
    private Stop? CancelledBefore(string number, StepPlan step, CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested) return null;
        // A resume runs the step not started as any other step after the last completed one.
        _stoppedAt = $"{number} '{step.Title}'";
        var where = _lastPhaseStep is null ? "before the first step" : $"after step {_lastPhaseStep}";
        return new Stop(StopKind.Interrupted, $"interrupted {where}, between steps: step {number} '{step.Title}' was not started");
    }
}

using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// The steps of the phases a run that ended early never reached: after the step that failed, was aborted or was
/// interrupted, or from the step a Ctrl+C between steps kept from starting. The closing <c>run-finished</c> names them
/// (<c>notReached</c>) and the closing words say them: the record ended with the step that stopped the run, and whoever
/// read it the next morning (or <c>runs</c>, or the incident issue) could not tell a step not reached from one this
/// version of the runbook does not have. Likewise the rollback steps after one that failed, in <c>rollback-finished</c>.
/// </summary>
internal sealed partial class LiveRun
{
    private NotReachedStep[] _notReached = [];

    /// <summary>Notes every phase step from step <paramref name="stepIndex"/> of phase <paramref name="phaseIndex"/> on as not reached.</summary>
    private void NoteNotReached(int phaseIndex, int stepIndex)
    {
        var phases = _context.Plan.Phases;
        var steps = new List<NotReachedStep>();
        for (var i = phaseIndex; i < phases.Count; i++)
        {
            var section = $"phase-{i + 1}";
            for (var j = i == phaseIndex ? stepIndex : 0; j < phases[i].Steps.Count; j++)
            {
                var key = StepKey(section, j);
                // Completed in the resumed journal, or an option of a decision not chosen (journaled as skipped when the
                // decision was made): neither is work the stop left undone.
                if (IsCompleted(key, section) || _notChosen.ContainsKey(key)) continue;
                steps.Add(new NotReachedStep(key, StepNumbers.Phase(i, j), phases[i].Steps[j].Title));
            }
        }
        _notReached = [.. steps];
    }

    /// <summary><c>run-finished</c>'s <c>notReached</c>: one record per step, or null (no field) when none is left.</summary>
    private KeyValuePair<string, string>[][]? NotReachedRecords() => Records(_notReached);

    /// <summary>The steps not reached as observers get them (an incident issue): numbered, titles masked, as everything they get.</summary>
    private StepNotReached[] NotReachedForObservers() => ForObservers(_notReached);

    /// <summary>
    /// The rollback steps a failed or stopped rollback left not run, as observers get them: numbered, titles masked. A
    /// rollback ends once, so at most one of the two lists has steps.
    /// </summary>
    private StepNotReached[] RollbackNotReachedForObservers() => ForObservers([.. _rollbackNotReached, .. _rollbackStoppedNotRun]);

    private StepNotReached[] ForObservers(NotReachedStep[] steps) => [.. steps.Select(s => new StepNotReached(s.Number, _context.Secrets.Mask(s.Title)))];

    /// <summary>What the closing words say of the steps not reached, or null.</summary>
    private string? NotReachedLine() => _notReached.Length == 0 ? null : $"Not reached: {Named(_notReached)}.";

    // The rollback step that failed (or was aborted) half-way, and the rollback steps after it, which were not run: each
    // assumes the steps before it worked. rollback-finished (result: failed) names them as notReached, and so do the
    // closing words: the record ended with the failed step, and the next morning nobody could tell which undo was left.
    private string? _rollbackFailedAt;
    private NotReachedStep[] _rollbackNotReached = [];

    /// <summary>
    /// Notes that rollback step <paramref name="failedIndex"/> failed (<paramref name="how"/>: "failed", "was aborted")
    /// and that the rollback steps after it are not run; returns <c>rollback-finished</c>'s <c>notReached</c>, or null.
    /// </summary>
    private KeyValuePair<string, string>[][]? NoteRollbackNotReached(PhasePlan rollback, int failedIndex, string how)
    {
        _rollbackFailedAt = $"{StepNumbers.Rollback(failedIndex)} '{rollback.Steps[failedIndex].Title}' {how}";
        _rollbackNotReached = Enumerable.Range(failedIndex + 1, rollback.Steps.Count - failedIndex - 1)
            .Select(j => new NotReachedStep(StepKey("rollback", j), StepNumbers.Rollback(j), rollback.Steps[j].Title))
            // Completed by an earlier run of the resumed journal, and not to be repeated: not left undone.
            .Where(s => !IsCompleted(s.Key, "rollback"))
            .ToArray();
        return Records(_rollbackNotReached);
    }

    // The rollback steps an operator's "no" (or a question nobody answered) left not run, from the step it stopped at:
    // rollback-finished (result: stopped) names them as notRun, and the closing hint says them. The incident issue said
    // nothing of them, and whoever took the incident up from it could not tell which undo was left to do by hand.
    private NotReachedStep[] _rollbackStoppedNotRun = [];

    /// <summary>Notes the rollback steps from <paramref name="stoppedIndex"/> on as not run: the rollback stopped there.</summary>
    private void NoteRollbackStopped(PhasePlan rollback, int stoppedIndex) =>
        _rollbackStoppedNotRun = Enumerable.Range(stoppedIndex, rollback.Steps.Count - stoppedIndex)
            .Select(j => new NotReachedStep(StepKey("rollback", j), StepNumbers.Rollback(j), rollback.Steps[j].Title))
            .ToArray();

    /// <summary>What the closing words of a failed rollback say of its steps not run, as the declined rollback's do; or null.</summary>
    private string? RollbackNotReachedLine() => _rollbackNotReached.Length == 0 ? null
        : $"Not done: rollback step(s) {Named(_rollbackNotReached)}. They were not run after {_rollbackFailedAt}: each assumes the steps before it worked.";

    private static KeyValuePair<string, string>[][]? Records(NotReachedStep[] steps) => steps.Length == 0 ? null : steps.Select(s => s.Record).ToArray();

    private static string Named(NotReachedStep[] steps) => string.Join(", ", steps.Select(s => $"{s.Number} '{s.Title}'"));

    /// <summary>A step of the phases the run never reached: its journal key, its number as the page heads it, its title.</summary>
    private sealed record NotReachedStep(string Key, string Number, string Title)
    {
        public KeyValuePair<string, string>[] Record => [new("key", Key), new("number", Number), new("title", Title)];
    }
}

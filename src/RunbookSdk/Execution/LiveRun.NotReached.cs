namespace RunbookSdk.Execution;

/// <summary>
/// The steps of the phases a run that ended early never reached: after the step that failed, was aborted or was
/// interrupted, or from the step a Ctrl+C between steps kept from starting. The closing <c>run-finished</c> names them
/// (<c>notReached</c>) and the closing words say them: the record ended with the step that stopped the run, and whoever
/// read it the next morning (or <c>runs</c>, or the incident issue) could not tell a step not reached from one this
/// version of the runbook does not have.
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
    private KeyValuePair<string, string>[][]? NotReachedRecords() => _notReached.Length == 0 ? null : _notReached.Select(s => s.Record).ToArray();

    /// <summary>What the closing words say of the steps not reached, or null.</summary>
    private string? NotReachedLine() => _notReached.Length == 0 ? null : $"Not reached: {string.Join(", ", _notReached.Select(s => $"{s.Number} '{s.Title}'"))}.";

    /// <summary>A step of the phases the run never reached: its journal key, its number as the page heads it, its title.</summary>
    private sealed record NotReachedStep(string Key, string Number, string Title)
    {
        public KeyValuePair<string, string>[] Record => [new("key", Key), new("number", Number), new("title", Title)];
    }
}

namespace RunbookSdk.Execution;

/// <summary>
/// What the rollback offer is to undo: the steps of the phases this run started, those marked destructive named as
/// such, and whether runs the journal resumes started some too. Found on call in the sandbox: after Ctrl+C at the
/// deploy's question, with only the read-only checks run, "Run the rollback section?" was answered yes by reflex and
/// undid a deploy the run never made. The offer is the engineer's to decide; this line gives them what to decide on.
/// </summary>
internal sealed partial class LiveRun
{
    private readonly List<StartedPhaseStep> _phaseStepsStarted = [];

    private string StartedBeforeTheStop()
    {
        var earlier = _resume?.PhaseStepsStarted.Count ?? 0;
        var earlierRuns = earlier == 0 ? "" : $"; the run(s) this resumes started {earlier} step(s) of the phases (see the journal)";
        if (_phaseStepsStarted.Count == 0) return $"Before the stop, this run started no step of the phases{earlierRuns}.";
        var steps = string.Join(", ", _phaseStepsStarted.Select(s => $"{s.Number} '{s.Title}'"));
        var destructive = _phaseStepsStarted.Where(s => s.Destructive).Select(s => $"{s.Number} '{s.Title}'").ToArray();
        var marked = destructive.Length == 0 ? "none of them marked destructive" : $"marked destructive: {string.Join(", ", destructive)}";
        return $"Before the stop, this run started {steps} ({marked}){earlierRuns}.";
    }

    /// <summary>A step of the phases this run started: its number, title, and whether it is marked destructive.</summary>
    private sealed record StartedPhaseStep(string Number, string Title, bool Destructive);
}

namespace RunbookSdk.Execution;

/// <summary>
/// What the rollback offer is to undo: the steps of the phases this run started, those marked destructive named as
/// such, and those the runs the journal resumes started, named the same way. Found on call in the sandbox: after Ctrl+C
/// at the deploy's question, with only the read-only checks run, "Run the rollback section?" was answered yes by reflex
/// and undid a deploy the run never made. The offer is the engineer's to decide; this line gives them what to decide on.
/// </summary>
internal sealed partial class LiveRun
{
    private readonly List<StartedPhaseStep> _phaseStepsStarted = [];

    private string StartedBeforeTheStop()
    {
        var earlierRuns = EarlierPhaseStepsStarted() is { Length: > 0 } earlier ? $"; the run(s) this resumes started {Named(earlier)}" : "";
        if (_phaseStepsStarted.Count == 0) return $"Before the stop, this run started no step of the phases{earlierRuns}.";
        return $"Before the stop, this run started {Named(_phaseStepsStarted)}{earlierRuns}.";
    }

    /// <summary>
    /// The steps of the phases the resumed runs started, in the plan's order. A resume of a deploy Ctrl+C'd in its soak
    /// said only "the run(s) this resumes started 2 step(s) of the phases (see the journal)" after "none of them marked
    /// destructive" for its own: the deploy to undo was left for the engineer to dig out of the journal.
    /// </summary>
    private StartedPhaseStep[] EarlierPhaseStepsStarted()
    {
        if (_resume is null || _resume.PhaseStepsStarted.Count == 0) return [];
        var started = new List<StartedPhaseStep>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (section, steps, number) in StepNumbers.Sections(_context.Plan))
        {
            if (!section.StartsWith("phase-", StringComparison.Ordinal)) continue;
            for (var j = 0; j < steps.Count; j++)
            {
                var key = StepKey(section, j);
                if (!_resume.PhaseStepsStarted.Contains(key)) continue;
                known.Add(key);
                started.Add(new StartedPhaseStep(number(j), steps[j].Title, steps[j].RequiresConfirmation));
            }
        }
        // A step the runbook no longer has (it was edited since) is still a step that ran: counted, as the journal names it.
        var unknown = _resume.PhaseStepsStarted.Count(key => !known.Contains(key));
        if (unknown > 0) started.Add(new StartedPhaseStep("", $"{unknown} step(s) this runbook no longer has (see the journal)", false));
        return [.. started];
    }

    private static string Named(IReadOnlyCollection<StartedPhaseStep> steps)
    {
        static string Name(StartedPhaseStep s) => s.Number.Length == 0 ? s.Title : $"{s.Number} '{s.Title}'";
        var destructive = steps.Where(s => s.Destructive).Select(Name).ToArray();
        var marked = destructive.Length == 0 ? "none of them marked destructive" : $"marked destructive: {string.Join(", ", destructive)}";
        return $"{string.Join(", ", steps.Select(Name))} ({marked})";
    }

    /// <summary>A step of the phases this run started: its number, title, and whether it is marked destructive.</summary>
    private sealed record StartedPhaseStep(string Number, string Title, bool Destructive);
}

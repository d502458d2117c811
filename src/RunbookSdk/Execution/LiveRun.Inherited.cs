namespace RunbookSdk.Execution;

/// <summary>
/// What an earlier runner of the run left running when it was killed without stopping it (<c>kill -9</c>, the OOM
/// killer, a machine's watchdog): a resume finds it by the runner's mark, says so, and stops it when the run ends.
/// </summary>
internal sealed partial class LiveRun
{
    /// <summary>
    /// Takes over what the journal's earlier runners left running: a port-forward or a health watch that outlived its
    /// runner kept running unknown to the engineer, hammering a service or holding a port the resumed run needs.
    /// </summary>
    private void InheritBackground()
    {
        if (_resume is null || _resume.EarlierRunners.Count == 0) return;
        var steps = StepNamesByKey();
        (string Key, string Step) StepOf(string? key) =>
            key is not null && steps.TryGetValue(key, out var step) ? (key, step) : (key ?? "", "of the earlier run");
        foreach (var (runner, session) in _resume.EarlierRunners)
        {
            var found = _background.Inherit(runner, session, StepOf);
            if (found.Count == 0) continue;
            foreach (var process in found)
                _journal.Write("background-inherited", ("key", StepOf(process.StepKey).Key), ("pid", process.Pid), ("command", process.Command), ("runner", runner));
            _console.Warn($"Still running from an earlier run of this journal, whose runner ended without stopping it: "
                + string.Join(", ", found.Select(p => $"{p}, started by step {StepOf(p.StepKey).Step}"))
                + "; this run stops it when it ends, as it stops what its own steps leave running");
        }
    }

    /// <summary>Every step of the plan by its journal key, as the console names it: <c>1.2 'Forward'</c>.</summary>
    private Dictionary<string, string> StepNamesByKey()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (section, steps, number) in StepNumbers.Sections(_context.Plan))
            for (var j = 0; j < steps.Count; j++)
                names[StepKey(section, j)] = $"{number(j)} '{steps[j].Title}'";
        return names;
    }
}

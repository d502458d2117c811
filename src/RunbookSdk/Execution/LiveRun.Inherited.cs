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
                + "; this run stops it when it ends, as it stops what its own steps leave running, or before its step runs again");
        }
    }

    /// <summary>
    /// Before a resumed step runs again, stops what the earlier runner's attempt at it still runs: a command the runner
    /// was in when it was killed runs on unless it writes to the dead runner's output (SIGPIPE), and a quiet one — a
    /// <c>sleep</c>, a migration, a long <c>curl</c> — ran beside the step's second run, two copies of one rollback at
    /// once, with the engineer told only that it "may have taken effect".
    /// </summary>
    private async Task StopEarlierAttemptAsync(string key, string number, string title)
    {
        if (_resume is null || _resume.EarlierRunners.Count == 0) return;
        foreach (var p in await _background.StopInheritedAsync(key, _options.BackgroundStopGrace))
        {
            var what = $"Still running from the earlier run's attempt at step {number} '{title}': {p.Process}";
            switch (p.StoppedBy)
            {
                case "SIGTERM": _console.Warn($"{what}: stopped (SIGTERM) before the step runs again, so that two copies of it do not run at once"); break;
                case "SIGKILL": _console.Warn($"{what}: did not stop on SIGTERM within {Durations.Format(_options.BackgroundStopGrace)}: killed (SIGKILL) before the step runs again"); break;
                default: _console.Failed($"{what}: could not be stopped ({p.Error}), and runs on beside the step: stop it by hand (kill {p.Process.Pid})"); break;
            }
            JournalStopped(p);
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

using System.Diagnostics;

namespace RunbookSdk.Execution;

/// <summary>
/// The process groups of one run's shell steps that left processes running (a port-forward started with <c>&amp;</c> for
/// the next steps): they may serve the rest of the run, rollback and verification included, and are stopped when the
/// run ends — SIGTERM, then SIGKILL after a grace — so nothing the run started is left behind unknown to the engineer.
/// </summary>
internal sealed class BackgroundProcesses
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(2);
    private readonly List<(string Key, string Step, int Group)> _groups = [];

    /// <summary>Remembers that step <paramref name="step"/> left processes running in <paramref name="group"/>.</summary>
    public void Add(string key, string step, int group)
    {
        if (!_groups.Any(s => s.Group == group)) _groups.Add((key, step, group));
    }

    /// <summary>
    /// Stops what the groups still hold: SIGTERM to each, SIGKILL to what still runs after
    /// <paramref name="grace"/> (real time), and SIGKILL to anything started meanwhile. Processes that ended on their
    /// own since their step are not listed.
    /// </summary>
    public async Task<IReadOnlyList<StoppedProcess>> StopAllAsync(TimeSpan grace)
    {
        var targets = _groups.SelectMany(s => StepProcesses.Members(s.Group).Select(p => (s.Key, s.Step, s.Group, Process: p))).ToList();
        var results = new Dictionary<int, StoppedProcess>();
        foreach (var t in targets)
        {
            var error = PosixSignals.Send(t.Process.Pid, PosixSignals.SigTerm);
            results[t.Process.Pid] = new StoppedProcess(t.Key, t.Step, t.Process, error is null ? "SIGTERM" : null, error);
        }

        var clock = Stopwatch.StartNew();
        bool Running((string, string, int Group, MarkedProcess Process) t) => StepProcesses.InGroup(t.Process.Pid, t.Group);
        while (targets.Any(t => results[t.Process.Pid].Error is null && Running(t)) && clock.Elapsed < grace) await Task.Delay(Poll);

        // What ignored SIGTERM, and what was started while it was sent, is killed.
        var stubborn = targets.Where(t => results[t.Process.Pid].Error is null && Running(t)).ToList();
        foreach (var s in _groups)
            foreach (var late in StepProcesses.Members(s.Group).Where(p => !results.ContainsKey(p.Pid)))
                stubborn.Add((s.Key, s.Step, s.Group, late));
        foreach (var t in stubborn)
        {
            var error = PosixSignals.Send(t.Process.Pid, PosixSignals.SigKill);
            results[t.Process.Pid] = new StoppedProcess(t.Key, t.Step, t.Process, error is null ? "SIGKILL" : null, error);
        }
        clock.Restart();
        while (stubborn.Any(Running) && clock.Elapsed < KillWait) await Task.Delay(Poll);
        foreach (var t in stubborn.Where(Running))
            results[t.Process.Pid] = results[t.Process.Pid] with { StoppedBy = null, Error = results[t.Process.Pid].Error ?? "still running after SIGKILL" };

        foreach (var s in _groups) if (StepProcesses.Members(s.Group).Count == 0) StepProcesses.Forget(s.Group);
        _groups.Clear();
        return [.. results.Values];
    }

    /// <summary>Kills what is left at once, reporting nothing: the run is ending abnormally (an exception).</summary>
    public void KillAll()
    {
        foreach (var s in _groups) StepProcesses.Kill(s.Group);
        _groups.Clear();
    }
}

using System.Diagnostics;

namespace RunbookSdk.Execution;

/// <summary>
/// The process groups of one run's shell steps that left processes running (a port-forward started with <c>&amp;</c> for
/// the next steps), and the outputs they still print to: they may serve the rest of the run, rollback and verification
/// included, and are stopped when the run ends — SIGTERM, then SIGKILL after a grace — so nothing the run started is
/// left behind unknown to the engineer.
/// </summary>
/// <remarks>
/// Thread-safe: a runner going away (<see cref="RunnerExit"/>) kills what is left from another thread while the run may
/// still be in a step.
/// </remarks>
internal sealed class BackgroundProcesses
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private readonly List<(string Key, string Step, int Group)> _groups = [];
    private readonly List<BackgroundOutput> _outputs = [];

    /// <summary>Remembers that step <paramref name="step"/> left processes running in <paramref name="group"/>.</summary>
    public void Add(string key, string step, int group)
    {
        lock (_gate) if (!_groups.Any(s => s.Group == group)) _groups.Add((key, step, group));
    }

    /// <summary>Remembers an output a step's background still prints to, to be journaled when it ends or the run ends.</summary>
    public void Watch(BackgroundOutput output)
    {
        lock (_gate) _outputs.Add(output);
    }

    /// <summary>Hands over the outputs not journaled yet, and forgets them: the run is ending and journals them itself.</summary>
    public IReadOnlyList<BackgroundOutput> TakeOutputs()
    {
        lock (_gate)
        {
            var outputs = _outputs.ToArray();
            _outputs.Clear();
            return outputs;
        }
    }

    /// <summary>
    /// Stops what the groups still hold: SIGTERM to each, SIGKILL to what still runs after
    /// <paramref name="grace"/> (real time), and SIGKILL to anything started meanwhile. Processes that ended on their
    /// own since their step are not listed.
    /// </summary>
    public async Task<IReadOnlyList<StoppedProcess>> StopAllAsync(TimeSpan grace)
    {
        var groups = TakeGroups();
        var targets = groups.SelectMany(s => StepProcesses.Members(s.Group).Select(p => (s.Key, s.Step, s.Group, Process: p))).ToList();
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
        foreach (var s in groups)
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

        foreach (var s in groups) if (StepProcesses.Members(s.Group).Count == 0) StepProcesses.Forget(s.Group);
        return [.. results.Values];
    }

    /// <summary>
    /// Kills (SIGKILL) what is left at once, without a grace: the runner is going away (a second Ctrl+C, SIGTERM, an
    /// error). Returns what was killed, so that it can still be journaled.
    /// </summary>
    public IReadOnlyList<StoppedProcess> KillAll()
    {
        var killed = new List<StoppedProcess>();
        foreach (var s in TakeGroups())
        {
            foreach (var member in StepProcesses.Members(s.Group))
            {
                var error = PosixSignals.Send(member.Pid, PosixSignals.SigKill);
                killed.Add(new StoppedProcess(s.Key, s.Step, member, error is null ? "SIGKILL" : null, error));
            }
            // What forked while the first pass ran.
            StepProcesses.Kill(s.Group);
        }
        return killed;
    }

    private (string Key, string Step, int Group)[] TakeGroups()
    {
        lock (_gate)
        {
            var groups = _groups.ToArray();
            _groups.Clear();
            return groups;
        }
    }
}

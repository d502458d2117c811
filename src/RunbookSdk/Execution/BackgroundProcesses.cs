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
    private readonly List<(string Runner, int Session, Func<string?, (string Key, string Step)> StepOf)> _inherited = [];
    private readonly List<BackgroundOutput> _outputs = [];

    /// <summary>Remembers that step <paramref name="step"/> left processes running in <paramref name="group"/>.</summary>
    public void Add(string key, string step, int group)
    {
        lock (_gate) if (!_groups.Any(s => s.Group == group)) _groups.Add((key, step, group));
    }

    /// <summary>
    /// Takes over what an earlier runner of the run (<paramref name="runner"/>, in <paramref name="session"/>) left
    /// running when it was killed without stopping it (<c>kill -9</c>, the OOM killer): found now, and stopped when this
    /// run ends like what its own steps leave. <paramref name="stepOf"/> names the step from the key a process carries.
    /// Returns what was found.
    /// </summary>
    public IReadOnlyList<MarkedProcess> Inherit(string runner, int session, Func<string?, (string Key, string Step)> stepOf)
    {
        var found = StepProcesses.LeftBy(runner, session);
        if (found.Count > 0) lock (_gate) _inherited.Add((runner, session, stepOf));
        return found;
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
    public Task<IReadOnlyList<StoppedProcess>> StopAllAsync(TimeSpan grace) => StopAsync(TakeSources(), grace);

    /// <summary>
    /// Stops, as <see cref="StopAllAsync"/> does, what the earlier runners of the run left running from the step
    /// <paramref name="key"/> — its command, cut off by a <c>kill -9</c> of the runner but not ended — before that step
    /// runs again: two copies of a step's command (a migration, a rollback) must not run at once. What they left from
    /// other steps is still stopped when the run ends.
    /// </summary>
    public Task<IReadOnlyList<StoppedProcess>> StopInheritedAsync(string key, TimeSpan grace) => StopAsync(InheritedFrom(key), grace);

    /// <summary>
    /// What the earlier runners left running from the step <paramref name="key"/>, still running now: the question to
    /// run that step again says so, since a yes stops it first.
    /// </summary>
    public IReadOnlyList<MarkedProcess> StillRunningFrom(string key) =>
        InheritedFrom(key).SelectMany(s => s.Members()).Select(t => t.Process).ToList();

    private Source[] InheritedFrom(string key)
    {
        lock (_gate)
        {
            return _inherited.Select(i => new Source(
                () => StepProcesses.LeftBy(i.Runner, i.Session)
                    .Select(p => (Process: p, Step: i.StepOf(p.StepKey)))
                    .Where(p => p.Step.Key == key)
                    .Select(p => new Target(p.Step.Key, p.Step.Step, p.Process, () => StepProcesses.StillLeftBy(p.Process.Pid, i.Runner, i.Session)))
                    .ToList(),
                () => { })).ToArray();
        }
    }

    private static async Task<IReadOnlyList<StoppedProcess>> StopAsync(Source[] sources, TimeSpan grace)
    {
        var targets = sources.SelectMany(s => s.Members()).ToList();
        var results = new Dictionary<int, StoppedProcess>();
        foreach (var t in targets)
        {
            var error = PosixSignals.Send(t.Process.Pid, PosixSignals.SigTerm);
            results[t.Process.Pid] = new StoppedProcess(t.Key, t.Step, t.Process, error is null ? "SIGTERM" : null, error);
        }

        var clock = Stopwatch.StartNew();
        while (targets.Any(t => results[t.Process.Pid].Error is null && t.IsRunning()) && clock.Elapsed < grace) await Task.Delay(Poll);

        // What ignored SIGTERM, and what was started while it was sent, is killed.
        var stubborn = targets.Where(t => results[t.Process.Pid].Error is null && t.IsRunning()).ToList();
        foreach (var s in sources)
            stubborn.AddRange(s.Members().Where(p => !results.ContainsKey(p.Process.Pid)));
        foreach (var t in stubborn)
        {
            var error = PosixSignals.Send(t.Process.Pid, PosixSignals.SigKill);
            results[t.Process.Pid] = new StoppedProcess(t.Key, t.Step, t.Process, error is null ? "SIGKILL" : null, error);
        }
        clock.Restart();
        while (stubborn.Any(t => t.IsRunning()) && clock.Elapsed < KillWait) await Task.Delay(Poll);
        foreach (var t in stubborn.Where(t => t.IsRunning()))
            results[t.Process.Pid] = results[t.Process.Pid] with { StoppedBy = null, Error = results[t.Process.Pid].Error ?? "still running after SIGKILL" };

        foreach (var s in sources) s.ForgetIfEmpty();
        return [.. results.Values];
    }

    /// <summary>
    /// Kills (SIGKILL) what is left at once, without a grace: the runner is going away (a second Ctrl+C, SIGTERM, an
    /// error). Returns what was killed, so that it can still be journaled.
    /// </summary>
    public IReadOnlyList<StoppedProcess> KillAll()
    {
        var killed = new List<StoppedProcess>();
        foreach (var s in TakeSources())
        {
            foreach (var t in s.Members())
            {
                var error = PosixSignals.Send(t.Process.Pid, PosixSignals.SigKill);
                killed.Add(new StoppedProcess(t.Key, t.Step, t.Process, error is null ? "SIGKILL" : null, error));
            }
            // What forked while the first pass ran.
            foreach (var late in s.Members()) PosixSignals.Send(late.Process.Pid, PosixSignals.SigKill);
            s.ForgetIfEmpty();
        }
        return killed;
    }

    /// <summary>A process to stop, with the step that started it, and how to tell it still runs as the one found.</summary>
    private sealed record Target(string Key, string Step, MarkedProcess Process, Func<bool> IsRunning);

    /// <summary>Where processes to stop are found: a step's group of this runner, or what an earlier runner left.</summary>
    private sealed record Source(Func<IReadOnlyList<Target>> Members, Action ForgetIfEmpty);

    private Source[] TakeSources()
    {
        lock (_gate)
        {
            var sources = _groups.Select(g => new Source(
                () => StepProcesses.Members(g.Group).Select(p => new Target(g.Key, g.Step, p, () => StepProcesses.InGroup(p.Pid, g.Group))).ToList(),
                () => { if (StepProcesses.Members(g.Group).Count == 0) StepProcesses.Forget(g.Group); }))
                .Concat(_inherited.Select(i => new Source(
                    () => StepProcesses.LeftBy(i.Runner, i.Session).Select(p =>
                    {
                        var (key, step) = i.StepOf(p.StepKey);
                        return new Target(key, step, p, () => StepProcesses.StillLeftBy(p.Pid, i.Runner, i.Session));
                    }).ToList(),
                    () => { })))
                .ToArray();
            _groups.Clear();
            _inherited.Clear();
            return sources;
        }
    }
}

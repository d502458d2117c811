using System.Diagnostics;

namespace RunbookSdk.Execution;

/// <summary>
/// The sessions of one run's shell steps that left processes running (a port-forward started with <c>&amp;</c> for
/// the next steps): they may serve the rest of the run, rollback and verification included, and are stopped when the
/// run ends — SIGTERM, then SIGKILL after a grace — so nothing the run started is left behind unknown to the engineer.
/// </summary>
internal sealed class BackgroundProcesses
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(2);
    private readonly List<(string Key, string Step, int Session)> _sessions = [];

    /// <summary>Remembers that step <paramref name="step"/> left processes running in <paramref name="session"/>.</summary>
    public void Add(string key, string step, int session)
    {
        if (!_sessions.Any(s => s.Session == session)) _sessions.Add((key, step, session));
    }

    /// <summary>
    /// Stops what the sessions still hold: SIGTERM to each, SIGKILL to what still runs after
    /// <paramref name="grace"/> (real time), and SIGKILL to anything started meanwhile. Processes that ended on their
    /// own since their step are not listed.
    /// </summary>
    public async Task<IReadOnlyList<StoppedProcess>> StopAllAsync(TimeSpan grace)
    {
        var targets = _sessions.SelectMany(s => ShellSessions.Members(s.Session).Select(p => (s.Key, s.Step, s.Session, Process: p))).ToList();
        var results = new Dictionary<int, StoppedProcess>();
        foreach (var t in targets)
        {
            var error = PosixSignals.Send(t.Process.Pid, PosixSignals.SigTerm);
            results[t.Process.Pid] = new StoppedProcess(t.Key, t.Step, t.Process, error is null ? "SIGTERM" : null, error);
        }

        var clock = Stopwatch.StartNew();
        bool Running((string, string, int Session, SessionProcess Process) t) => ShellSessions.InSession(t.Process.Pid, t.Session);
        while (targets.Any(t => results[t.Process.Pid].Error is null && Running(t)) && clock.Elapsed < grace) await Task.Delay(Poll);

        // What ignored SIGTERM, and what was started while it was sent, is killed.
        var stubborn = targets.Where(t => results[t.Process.Pid].Error is null && Running(t)).ToList();
        foreach (var s in _sessions)
            foreach (var late in ShellSessions.Members(s.Session).Where(p => !results.ContainsKey(p.Pid)))
                stubborn.Add((s.Key, s.Step, s.Session, late));
        foreach (var t in stubborn)
        {
            var error = PosixSignals.Send(t.Process.Pid, PosixSignals.SigKill);
            results[t.Process.Pid] = new StoppedProcess(t.Key, t.Step, t.Process, error is null ? "SIGKILL" : null, error);
        }
        clock.Restart();
        while (stubborn.Any(Running) && clock.Elapsed < KillWait) await Task.Delay(Poll);
        foreach (var t in stubborn.Where(Running))
            results[t.Process.Pid] = results[t.Process.Pid] with { StoppedBy = null, Error = results[t.Process.Pid].Error ?? "still running after SIGKILL" };

        foreach (var s in _sessions) if (ShellSessions.Members(s.Session).Count == 0) ShellSessions.Forget(s.Session);
        _sessions.Clear();
        return [.. results.Values];
    }

    /// <summary>Kills what is left at once, reporting nothing: the run is ending abnormally (an exception).</summary>
    public void KillAll()
    {
        foreach (var s in _sessions) ShellSessions.Kill(s.Session);
        _sessions.Clear();
    }
}

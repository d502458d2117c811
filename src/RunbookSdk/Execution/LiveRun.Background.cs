namespace RunbookSdk.Execution;

/// <summary>What shell steps leave running in the background: reported, journaled with what it printed, stopped.</summary>
internal sealed partial class LiveRun
{
    /// <summary>How long the end of a run waits for the output of stopped background processes to end (real time).</summary>
    private static readonly TimeSpan BackgroundOutputDrain = TimeSpan.FromSeconds(2);

    /// <summary>How long a runner going away waits for that output: it is being killed, and must not hang there.</summary>
    private static readonly TimeSpan ExitOutputDrain = TimeSpan.FromSeconds(1);

    // The run has started to stop its background: outputs ending now are journaled by the stop, not on their own.
    private volatile bool _stoppingBackground;

    /// <summary>
    /// Keeps a step's background output for the journal: journaled as soon as it ends on its own during the run (its
    /// processes exited: a port-forward that died is news), else when the run stops it.
    /// </summary>
    private void WatchBackgroundOutput(BackgroundOutput output)
    {
        _background.Watch(output);
        _ = output.Ended.ContinueWith(_ =>
        {
            if (_stoppingBackground || !output.TryClaim()) return;
            _console.Warn($"The background of step {output.Step} ended: nothing of it prints any more ({output.Digest.Lines} line(s) since the step, journaled).");
            JournalBackgroundOutput(output, "on-its-own");
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// Stops what shell steps left running in the background (after verification, which may have used it), says so
    /// and journals it with what it printed: the run must not leave processes behind that the engineer does not know
    /// about, nor lose from its record what they showed.
    /// </summary>
    private async Task StopBackgroundAsync()
    {
        _stoppingBackground = true;
        var outputs = _background.TakeOutputs().Select(o => (Output: o, Running: o.HasRunningProcesses)).ToArray();
        var stopped = await _background.StopAllAsync(_options.BackgroundStopGrace);
        if (stopped.Count > 0)
        {
            _console.Section($"Stopping {stopped.Count} process(es) that steps left running in the background");
            foreach (var p in stopped)
            {
                var what = $"{p.Process}, started by step {p.Step}";
                switch (p.StoppedBy)
                {
                    case "SIGTERM": _console.Ok($"{what}: stopped (SIGTERM)"); break;
                    case "SIGKILL": _console.Warn($"{what}: did not stop on SIGTERM within {Durations.Format(_options.BackgroundStopGrace)}: killed (SIGKILL)"); break;
                    default: _console.Failed($"{what}: could not be stopped ({p.Error}): stop it by hand (kill {p.Process.Pid})"); break;
                }
                JournalStopped(p);
            }
        }
        await Task.WhenAny(Task.WhenAll(outputs.Select(o => o.Output.Ended)), Task.Delay(BackgroundOutputDrain, CancellationToken.None));
        JournalBackgroundOutputs(outputs, stoppedAs: "stopped");
    }

    /// <summary>
    /// The run is ending abnormally — the runner's process is going away (a second Ctrl+C, SIGTERM) or the run threw:
    /// kills what the background still runs at once and journals it, with what it printed. Safe to call twice and
    /// from another thread than the run's.
    /// </summary>
    private void KillBackgroundNow()
    {
        _stoppingBackground = true;
        var outputs = _background.TakeOutputs().Select(o => (Output: o, Running: o.HasRunningProcesses)).ToArray();
        var killed = _background.KillAll();
        foreach (var p in killed) JournalStopped(p);
        Task.WhenAny(Task.WhenAll(outputs.Select(o => o.Output.Ended)), Task.Delay(ExitOutputDrain, CancellationToken.None)).Wait();
        JournalBackgroundOutputs(outputs, stoppedAs: "killed");
        // Last: after a SIGHUP the terminal may be gone, and a console that fails must not cost the journal its records.
        if (killed.Count > 0)
            _console.Warn($"The runner is ending: killed (SIGKILL) what steps left running in the background: {string.Join(", ", killed.Select(k => k.Process))}");
    }

    private void JournalStopped(StoppedProcess p) =>
        _journal.Write("background-stopped", ("key", p.Key), ("pid", p.Process.Pid), ("command", p.Process.Command),
            ("stoppedBy", p.StoppedBy), ("error", p.Error));

    /// <summary>
    /// Journals the outputs the run stopped: <paramref name="stoppedAs"/> when their processes were still running as
    /// the stop began, <c>on-its-own</c> when those had ended already, <c>still-open</c> when something the runner does
    /// not stop (a detached process, another user's) still holds the output: what it prints later is not journaled.
    /// </summary>
    private void JournalBackgroundOutputs(IEnumerable<(BackgroundOutput Output, bool Running)> outputs, string stoppedAs)
    {
        foreach (var (output, running) in outputs)
        {
            if (!output.TryClaim()) continue;
            var ended = !output.Ended.IsCompleted ? "still-open" : running ? stoppedAs : "on-its-own";
            JournalBackgroundOutput(output, ended);
            if (ended == "still-open")
                _console.Warn($"The background of step {output.Step} still holds its output after the run stopped what it tracks (a process started detached, as another user (sudo) or with a cleared environment (env -i)): what it prints from now on is not journaled.");
        }
    }

    private void JournalBackgroundOutput(BackgroundOutput output, string ended)
    {
        var processes = output.Processes.Count > 0 ? output.Processes.Select(p => $"{p.Pid} {p.Command}").ToArray() : null;
        _journal.Write("background-output", [("key", output.Key), ("action", output.Action), ("attempt", output.Attempt), ("processes", processes), ("ended", ended),
            .. output.Digest.Fields()]);
    }
}

using System.Diagnostics;

namespace RunbookSdk.Execution;

/// <summary>
/// Where one run's shell commands start, and what a runner going away (a SIGTERM, a SIGHUP, a second Ctrl+C) closes:
/// after <see cref="Close"/> no command starts, and the one running then is killed. Starting and closing take one lock,
/// so a command is either started before the close (and killed by it) or never: the signal could otherwise arrive
/// while the run moved from a failed step to its rollback and start a rollback command nothing killed.
/// </summary>
internal sealed class ProcessStartGate
{
    private readonly Lock _lock = new();
    private bool _closed;
    private Process? _running;
    private int? _group;
    private readonly TaskCompletionSource _closing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once <see cref="Close"/> was called: nothing starts any more.</summary>
    public bool IsClosed
    {
        get { lock (_lock) return _closed; }
    }

    /// <summary>Completes when <see cref="Close"/> is called: the runner is going away.</summary>
    public Task Closing => _closing.Task;

    /// <summary>Starts <paramref name="process"/> (its processes marked with <paramref name="group"/>) unless the gate is closed; false when it is, and nothing started.</summary>
    public bool TryStart(Process process, int? group)
    {
        lock (_lock)
        {
            if (_closed) return false;
            process.Start();
            _running = process;
            _group = group;
            return true;
        }
    }

    /// <summary>The process ended and is about to be disposed: the gate no longer kills it.</summary>
    public void Finished(Process process)
    {
        lock (_lock) if (ReferenceEquals(_running, process)) _running = null;
    }

    /// <summary>
    /// Closes the gate and kills (SIGKILL) the command running, its tree and every process of its group. Returns
    /// whether one was running and, when it had ended on its own before, its exit code.
    /// </summary>
    public (bool WasRunning, int? ExitCode) Close()
    {
        lock (_lock)
        {
            _closed = true;
            _closing.TrySetResult();
            if (_running is not { } process) return (false, null);
            try
            {
                if (process.HasExited) return (true, process.ExitCode);
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the look and the kill.
            }
            // The tree misses what the shell put in the background and re-parented away; the group has it all.
            if (_group is { } group) StepProcesses.Kill(group);
            return (true, null);
        }
    }
}

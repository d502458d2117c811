using System.Collections.Concurrent;

namespace RunbookSdk.Execution;

/// <summary>
/// What the runner does when its process goes away in the middle of a run — a second Ctrl+C, a SIGTERM (which .NET
/// turns into <see cref="AppDomain.ProcessExit"/>): each live run kills what its shell steps left in the background and
/// journals it, with the output those processes printed, and then every process a shell step still runs is killed.
/// The run's own end (after verification) is not this: it stops background processes gently and reports them.
/// </summary>
internal static class RunnerExit
{
    private static readonly ConcurrentDictionary<int, Action> Handlers = new();
    private static int s_lastId;

    static RunnerExit() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Now();

    /// <summary>Calls <paramref name="onExit"/> if the process goes away before the returned registration is disposed.</summary>
    public static IDisposable Register(Action onExit)
    {
        var id = Interlocked.Increment(ref s_lastId);
        Handlers[id] = onExit;
        return new Registration(id);
    }

    /// <summary>The process is going away: each registered run journals what it would lose, then every step's process is killed.</summary>
    public static void Now()
    {
        foreach (var id in Handlers.Keys)
        {
            if (!Handlers.TryRemove(id, out var onExit)) continue;
            try
            {
                onExit();
            }
            catch (Exception)
            {
                // The process is ending: the next run's record and the kill below still matter more than this one's.
            }
        }
        StepProcesses.KillAll();
    }

    private sealed class Registration(int id) : IDisposable
    {
        public void Dispose() => Handlers.TryRemove(id, out _);
    }
}

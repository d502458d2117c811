namespace RunbookSdk.Execution;

/// <summary>
/// Another run holds the journal's lock: it is still going on. The refusal said only that the lock "is being used by
/// another process" and that <c>--journal chooses another file</c> — advice that, taken by an engineer resuming after
/// their SSH session dropped while the first run went on (under tmux, screen or nohup), would run the incident's steps
/// a second time beside it. It now says that a run is still going on, names its process when the journal's last
/// <c>run-started</c> names one that still runs, and how to go on.
/// </summary>
internal sealed class JournalHeldException : IOException
{
    /// <summary>The refusal for the lock at <paramref name="lockPath"/> of <paramref name="journal"/>, from the open that failed.</summary>
    public JournalHeldException(string journal, string lockPath, IOException inner)
        : base(Explain(journal, lockPath), inner)
    {
    }

    private static string Explain(string journal, string lockPath)
    {
        // Another user's runner is theirs (or root's) to signal: said so, with the ways this user has (LiveRunnerEnding).
        var ending = HolderPid(journal) is { } pid ? LiveRunnerEnding.For(pid) : null;
        var who = ending is { } e ? $" (pid {e.Pid}{e.Whose})" : "";
        var end = ending?.EndIt ?? $"end it (kill -TERM the runner holding '{lockPath}' (fuser '{lockPath}' names it): it journals where it stopped), ";
        return $"another run is writing it now{who}: a run whose terminal or SSH session went away may still be going on — under tmux, "
            + $"screen or nohup, or in another terminal — and its steps with it. Let it finish, or {end}then resume from this journal. "
            + "Giving this run another journal (--journal) would run the steps a second time beside it";
    }

    /// <summary>The process of the journal's last runner, when it still runs (its pid with its start time): the lock's holder.</summary>
    internal static int? HolderPid(string journal) => LastRunner.Of(journal)?.LivePid;
}

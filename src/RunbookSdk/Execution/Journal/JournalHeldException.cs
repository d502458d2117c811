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
        var holder = HolderPid(journal);
        var who = holder is { } pid ? $" (pid {pid})" : "";
        var end = holder is { } p ? $"kill -TERM {p}" : $"kill -TERM the runner holding '{lockPath}' (fuser '{lockPath}' names it)";
        return $"another run is writing it now{who}: a run whose terminal or SSH session went away may still be going on — under tmux, "
            + "screen or nohup, or in another terminal — and its steps with it. Let it finish, or end it "
            + $"({end}: it journals where it stopped), then resume from this journal. Giving this run another journal (--journal) would "
            + "run the steps a second time beside it";
    }

    /// <summary>The process of the journal's last runner, when it still runs (its pid with its start time): the lock's holder.</summary>
    internal static int? HolderPid(string journal) => LastRunner.Of(journal)?.LivePid;
}

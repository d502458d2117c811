using RunbookSdk.Execution;

namespace RunbookSdk.Hosting;

/// <summary>Where a journal's run stands, as <c>runs</c> tells it.</summary>
internal enum ListedRunState
{
    /// <summary>Its latest run or resume succeeded: nothing is left to do.</summary>
    Finished,

    /// <summary>A run holds its lock now: it is going on, maybe under tmux or nohup after its terminal went away.</summary>
    Running,

    /// <summary>It stopped short of success (failed, rolled back, aborted, interrupted) or its runner was killed: a resume goes on.</summary>
    Resumable,

    /// <summary>A resume went on from it into another journal of the folder, which now holds the run.</summary>
    Continued,

    /// <summary>This user may not read it (another user's, at shift change).</summary>
    Unreadable,
}

/// <summary>One journal of a folder, as <c>runs</c> lists it.</summary>
/// <param name="Path">The journal's full path.</param>
/// <param name="State">Where its run stands.</param>
/// <param name="Journal">What it records; null when it cannot be read.</param>
/// <param name="Started">When its run started (else when its name says it did, else the file's last write): the order of the list.</param>
/// <param name="HolderPid">For a running one, the runner's process when the journal names one that still runs.</param>
/// <param name="ContinuedIn">For a continued one, the journal that holds the run now.</param>
/// <param name="Problem">For an unreadable one, why, with whose it is.</param>
internal sealed record ListedRun(
    string Path, ListedRunState State, ResumeState? Journal, DateTimeOffset Started, int? HolderPid = null, string? ContinuedIn = null, string? Problem = null)
{
    /// <summary>Whether the run still needs someone: <c>runs</c> lists only these unless asked for all.</summary>
    public bool IsUnfinished => State is ListedRunState.Running or ListedRunState.Resumable or ListedRunState.Unreadable;
}

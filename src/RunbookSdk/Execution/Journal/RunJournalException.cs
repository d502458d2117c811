namespace RunbookSdk.Execution;

/// <summary>
/// A run's journal cannot be opened for writing, so the run does not start: without its journal a run could not be
/// resumed and would leave no record of what was done.
/// </summary>
/// <param name="path">The journal's full path.</param>
/// <param name="inner">Why the file system refused it.</param>
public sealed class RunJournalException(string path, Exception inner)
    // Another journal is no way past a run still going on (JournalHeldException says what is); a lock the runner may
    // not open says itself when another journal is (UnopenableLockException).
    : IOException($"cannot write the journal '{path}': {inner.Message}{(inner is JournalHeldException or UnopenableLockException ? "" : " (--journal chooses another file)")}", inner)
{
    /// <summary>The journal's full path.</summary>
    public string JournalPath { get; } = path;
}

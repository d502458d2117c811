using Spectre.Console;

namespace RunbookSdk.Execution;

/// <summary>
/// The line a console prompt leaves open while it waits: the cursor stands after <c>Run it now? [y/n]</c> until the
/// answer's Enter ends it. Whatever the runner says meanwhile — the interruption after a first Ctrl+C, the first Ctrl+C's
/// warning at the rollback offer, the runner's end on a second Ctrl+C, a SIGTERM or a SIGHUP — ends it first, on the
/// prompt's own console (the terminal, or standard error or <c>/dev/tty</c> when the output goes to a log): otherwise
/// it began on the prompt's line, <c>Run the rollback section (1 step(s))? [y/n]   Run ENDED at once …</c>.
/// </summary>
/// <param name="console">The console the prompt writes to.</param>
internal sealed class PromptLine(IAnsiConsole console)
{
    // 1 while a prompt waits on a line of its own making; taken once, by whichever of the answer and an ending comes first.
    private int _open;

    /// <summary>A prompt is about to be shown: its line stays open until it is answered or <see cref="End"/> ends it.</summary>
    public void Opened() => Volatile.Write(ref _open, 1);

    /// <summary>The prompt returned or threw: an answer's Enter ended the line, or <see cref="End"/> did.</summary>
    public void Closed() => Volatile.Write(ref _open, 0);

    /// <summary>
    /// Ends the prompt's line if one is open, so that what is said next starts a line of its own; safe from a signal's
    /// thread while the prompt waits. The prompt goes on waiting, its question now the line above.
    /// </summary>
    public void End()
    {
        if (Interlocked.Exchange(ref _open, 0) == 0) return;
        try
        {
            console.WriteLine();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The terminal may be gone (the hang-up that ends the runner): what the runner says next matters more.
        }
    }
}

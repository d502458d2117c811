namespace RunbookSdk.Execution;

/// <summary>
/// The run's closing words — how it ended, where its journal is, and the command that resumes it — said on the
/// terminal too when the run's output goes elsewhere (<see cref="RunnerOptions.Terminal"/>): with <c>run … &gt; run.log</c>
/// the engineer at the terminal saw the shell prompt come back and never learnt how to resume, which only the log said.
/// </summary>
internal sealed partial class LiveRun
{
    /// <summary>Says <paramref name="say"/> on the run's console and, when the output goes elsewhere, on the terminal.</summary>
    private void Closing(Action<RunConsole> say)
    {
        say(_console);
        OnTerminal(say);
    }

    /// <summary>
    /// Says <paramref name="say"/> on the terminal alone, when the run's output goes elsewhere: what the engineer there
    /// must read and the log already has. Nothing when the output is the terminal (or a pipe that shows it there).
    /// </summary>
    private void OnTerminal(Action<RunConsole> say)
    {
        if (_options.Terminal is not { } terminal) return;
        try
        {
            say(new RunConsole(terminal, _context.Secrets));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The terminal may be gone (the SSH session that hung up): the output and the journal have the record.
        }
    }
}

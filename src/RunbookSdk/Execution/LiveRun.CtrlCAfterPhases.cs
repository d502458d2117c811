namespace RunbookSdk.Execution;

/// <summary>
/// A Ctrl+C once the phases are over — at the rollback offer, during the rollback or the verification, or as the run
/// ends — stops nothing (docs/runner.md, Semantics 7): they are the way back and the evidence. Said at once, with what
/// a second Ctrl+C does: the first one showed nothing, and an engineer who pressed it again to get a reaction ended the
/// runner mid-rollback.
/// </summary>
internal sealed partial class LiveRun
{
    // Set once no phase step runs any more: a Ctrl+C from then on interrupts nothing.
    private volatile bool _phasesOver;

    /// <summary>Called on the first Ctrl+C (the run's cancellation), on the thread that cancelled.</summary>
    private void OnCtrlC()
    {
        if (!_phasesOver || _ending) return;
        try
        {
            _console.Warn("Ctrl+C: the rollback and the verification are not interrupted, and go on. "
                + "A second Ctrl+C ends the runner at once: what it is running is killed, and what is left of the rollback and verification does not run.");
        }
        catch (Exception)
        {
            // The console may be gone (a terminal closed): the run goes on regardless.
        }
    }
}

namespace RunbookSdk.Execution;

/// <summary>
/// A Ctrl+C once the phases are over — at the rollback offer, during the rollback or the verification, or as the run
/// ends — stops nothing (docs/runner.md, Semantics 7): they are the way back and the evidence. Said at once, with what
/// a second Ctrl+C does: the first one showed nothing, and an engineer who pressed it again to get a reaction ended the
/// runner mid-rollback. At a question (the rollback offer, a rollback step's confirmation) it also says the question
/// still waits for its answer.
/// </summary>
internal sealed partial class LiveRun
{
    // Set once no phase step runs any more: a Ctrl+C from then on interrupts nothing.
    private volatile bool _phasesOver;

    /// <summary>Called on the first Ctrl+C (the run's cancellation), on the thread that cancelled.</summary>
    private void OnCtrlC()
    {
        if (!_phasesOver || _ending) return;
        QuestionInFlight? question;
        lock (_exitGate) question = _questionInFlight;
        try
        {
            // At the rollback offer or a rollback step's confirmation, the cursor stands after its [y/n].
            _promptLine?.End();
            // Said where the prompt asks too: under "> run.log" the warning went only to the log, and the engineer at the
            // terminal saw no reaction to the Ctrl+C. The log keeps it, for whoever reads the run's record afterwards.
            Closing(c => c.Warn("Ctrl+C: the rollback and the verification are not interrupted, and go on. "
                + StillWaiting(question)
                + "A second Ctrl+C ends the runner at once: what it is running is killed, and what is left of the rollback and verification does not run."));
        }
        catch (Exception)
        {
            // The console may be gone (a terminal closed): the run goes on regardless.
        }
    }

    /// <summary>
    /// The question the Ctrl+C landed on, which it does not answer. Found on call in the sandbox: at the rollback offer,
    /// "the rollback … go on" was the last line on the screen while the offer, its prompt scrolled above, waited for a y
    /// or n; the engineer waited for a rollback that was waiting for them.
    /// </summary>
    private static string StillWaiting(QuestionInFlight? question)
    {
        if (question is null) return "";
        var what = question.Key is null ? question.What : $"{question.What} of step {question.Number} '{question.Title}'";
        return $"{char.ToUpperInvariant(what[0])}{what[1..]} above still waits for your answer: nothing goes on before it is given. ";
    }
}

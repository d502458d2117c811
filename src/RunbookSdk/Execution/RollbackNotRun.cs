namespace RunbookSdk.Execution;

/// <summary>
/// The words for a run whose rollback offer was not taken (declined, unanswered, or cut off by the runner's end): the
/// run's closing hint, and a resume of a journal that ended at the offer (and that resume's dry run), say it in these
/// words, so the engineer who read the one recognises it in the other. What a resume does is the same in both: it runs
/// the stopped step again and offers the rollback again should the run stop again (docs/runner.md, Resume).
/// </summary>
internal static class RollbackNotRun
{
    /// <summary>What the run left behind.</summary>
    public const string StillInPlace = "The rollback was not run: what the steps that ran changed is still in place.";

    /// <summary>What a resume does after its first step, the one <see cref="RunsFirst"/> names.</summary>
    public const string OffersAgain = "and, should the run stop again, offers the rollback again";

    /// <summary>
    /// What a resume does first: runs <paramref name="stoppedAt"/> (<c>1.1 'Deploy'</c>) again, or, for a run stopped
    /// between two steps, the steps not completed.
    /// </summary>
    public static string RunsFirst(string? stoppedAt) => stoppedAt is { } step ? $"runs step {step} again" : "runs the steps not completed";

    /// <summary>
    /// What a resume of a journal that ended at the rollback offer says before its first step, as its dry run does:
    /// its header ("0 completed step(s) are not repeated") did not say that the rollback was left undone.
    /// </summary>
    /// <param name="stoppedAt">The step that stopped the journal's run, as the journal names it; null if it stopped between steps.</param>
    public static string EndedAtOffer(string? stoppedAt) =>
        $"The journal's run ended at the rollback offer (SIGTERM, SIGHUP or a second Ctrl+C). {StillInPlace} This resume {RunsFirst(stoppedAt)} {OffersAgain}.";
}

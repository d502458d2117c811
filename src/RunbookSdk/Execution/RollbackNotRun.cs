using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// The words for a run whose rollback offer was not taken (declined, unanswered, or cut off by the runner's end): the
/// run's closing hint, and a resume of a journal that ended at the offer (and that resume's dry run), say it in these
/// words, so the engineer who read the one recognises it in the other. What a resume does is the same in both: it runs
/// the stopped step again and offers the rollback again should the run stop again (docs/runner.md, Resume).
/// </summary>
internal static class RollbackNotRun
{
    /// <summary>
    /// The rollback's steps from <paramref name="index"/> on, as the page heads them (<c>R.2 'Restore the database'</c>):
    /// the closing words name those not done, and <c>runs</c> those of a run cut off at the offer, in the same words.
    /// </summary>
    public static string[] Steps(PhasePlan rollback, int index) => Enumerable.Range(index, rollback.Steps.Count - index)
        .Select(j => $"{StepNumbers.Rollback(j)} '{rollback.Steps[j].Title}'")
        .ToArray();

    /// <summary>Where a run cut off at the offer ended, as the journal records it (its rollback choice <c>interrupted</c>).</summary>
    public const string EndedAtTheOffer = "ended at the rollback offer (SIGTERM, SIGHUP or a second Ctrl+C)";

    // What stays once the rollback is not run: said in the closing hint, the resume's warning and runs alike.
    private const string WhatStays = "what the steps that ran changed is still in place";

    /// <summary>What the run left behind.</summary>
    public const string StillInPlace = "The rollback was not run: " + WhatStays + ".";

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
        $"The journal's run {EndedAtTheOffer}. {StillInPlace} This resume {RunsFirst(stoppedAt)} {OffersAgain}.";

    /// <summary>
    /// What <c>runs</c> says of a journal whose latest run ended at the offer, in the same words shortened to fit its
    /// line (the resume command follows): before, it read only "no end recorded (its runner was killed, or ended by a
    /// signal)", and the engineer taking over did not learn that the rollback was left undone.
    /// </summary>
    /// <param name="stoppedAt">The step that stopped the journal's run, as the journal names it; null if it stopped between steps.</param>
    public static string EndedAtOfferShort(string? stoppedAt) =>
        $"{EndedAtTheOffer}: the rollback was not run, {WhatStays}; a resume {RunsFirst(stoppedAt)} {OffersAgainShort}";

    /// <summary>
    /// What <c>runs</c> says of a journal whose latest run was offered the rollback and did not take it, in the closing
    /// hint's words shortened to fit its line: before, it read only "stopped: Aborted", though the run's closing words
    /// said "The rollback was not run: …".
    /// </summary>
    public static string NotTakenShort(RollbackOfferAnswer answer) =>
        $"{(answer == RollbackOfferAnswer.Declined ? "rollback declined" : "rollback offer unanswered")}: not run, {WhatStays}";

    // OffersAgain without its aside, for a line that must stay a line.
    private const string OffersAgainShort = "and offers the rollback again";
}

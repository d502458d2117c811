namespace RunbookSdk.Execution;

/// <summary>
/// Something an earlier run did in a step it has no result for — a shell command it started, a request it sent — with
/// every attempt of it when the step retried it (<c>Retry(n, …)</c>): the question to run the step again listed it once
/// per attempt, which read as that many different commands or requests. It names it once, how many attempts are
/// recorded and how the last ended.
/// </summary>
/// <param name="Last">The last attempt: the one that says how it ended.</param>
/// <param name="Attempts">How many attempts of it are recorded.</param>
/// <param name="Unsettled">How many of them are still to be asked about (not <see cref="IRetriedAttempt.Settled"/>).</param>
internal sealed record RetriedAttempts<T>(T Last, int Attempts, int Unsettled) where T : IRetriedAttempt
{
    /// <summary>
    /// As the engineer reads it: one attempt as the attempt says it, several as
    /// <c>`./deploy.sh` (3 attempts; the last was interrupted: it did not finish)</c> or
    /// <c>POST https://… (3 attempts; the last had no answer recorded)</c>. When some were settled (answered in full
    /// in a failed step), all sent are still counted and the last sent still said — before, the count and "the last"
    /// were of the others alone, so a POST sent three times read as sent twice, its last "with no answer recorded"
    /// when the last sent was answered 500 —, then how many the question is about:
    /// <c>POST https://… (3 attempts; the last was answered 500; the outcome of 2 of them is unknown)</c>.
    /// </summary>
    public override string ToString() =>
        Attempts == 1 ? Last.ToString()!
        : Unsettled == Attempts ? $"{Last.Subject} ({Attempts} attempts; the last {Last.Ending})"
        : $"{Last.Subject} ({Attempts} attempts; the last {Last.Ending}; the outcome of {(Unsettled == 1 ? "one" : Unsettled.ToString(System.Globalization.CultureInfo.InvariantCulture))} of them is unknown)";
}

/// <summary>Groups what a step did into <see cref="RetriedAttempts{T}"/>.</summary>
internal static class RetriedAttempts
{
    /// <summary>
    /// In the order done, the attempts of a retried one together: an attempt after the first of the same subject joins
    /// the one before it when its attempt number is higher (an attempt missing in between — a request that never left —
    /// leaves a gap, and the attempts either side of it are still one request). A group of settled attempts alone is
    /// kept: the caller drops what it need not ask about.
    /// </summary>
    public static IReadOnlyList<RetriedAttempts<T>> Group<T>(IEnumerable<T> done) where T : IRetriedAttempt
    {
        var grouped = new List<RetriedAttempts<T>>();
        foreach (var attempt in done)
        {
            var unsettled = attempt.Settled ? 0 : 1;
            if (attempt.Attempt > 1 && grouped.Count > 0 && grouped[^1].Last.Subject == attempt.Subject && grouped[^1].Last.Attempt < attempt.Attempt)
                grouped[^1] = new RetriedAttempts<T>(attempt, grouped[^1].Attempts + 1, grouped[^1].Unsettled + unsettled);
            else grouped.Add(new RetriedAttempts<T>(attempt, 1, unsettled));
        }
        return grouped;
    }
}

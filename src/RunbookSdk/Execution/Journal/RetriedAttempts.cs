namespace RunbookSdk.Execution;

/// <summary>
/// Something an earlier run did in a step it has no result for — a shell command it started, a request it sent — with
/// every attempt of it when the step retried it (<c>Retry(n, …)</c>): the question to run the step again listed it once
/// per attempt, which read as that many different commands or requests. It names it once, how many attempts are
/// recorded and how the last ended.
/// </summary>
/// <param name="Last">The last attempt: the one that says how it ended.</param>
/// <param name="Attempts">How many attempts of it are recorded.</param>
internal sealed record RetriedAttempts<T>(T Last, int Attempts) where T : IRetriedAttempt
{
    /// <summary>
    /// As the engineer reads it: one attempt as the attempt says it, several as
    /// <c>`./deploy.sh` (3 attempts; the last was interrupted: it did not finish)</c> or
    /// <c>POST https://… (3 attempts; the last had no answer recorded)</c>.
    /// </summary>
    public override string ToString() => Attempts == 1 ? Last.ToString()! : $"{Last.Subject} ({Attempts} attempts; the last {Last.Ending})";
}

/// <summary>Groups what a step did into <see cref="RetriedAttempts{T}"/>.</summary>
internal static class RetriedAttempts
{
    /// <summary>
    /// In the order done, the attempts of a retried one together: an attempt after the first of the same subject joins
    /// the one before it when its attempt number is higher (a request answered in between — known, so not asked about —
    /// leaves a gap, and the attempts either side of it are still one request).
    /// </summary>
    public static IReadOnlyList<RetriedAttempts<T>> Group<T>(IEnumerable<T> done) where T : IRetriedAttempt
    {
        var grouped = new List<RetriedAttempts<T>>();
        foreach (var attempt in done)
        {
            if (attempt.Attempt > 1 && grouped.Count > 0 && grouped[^1].Last.Subject == attempt.Subject && grouped[^1].Last.Attempt < attempt.Attempt)
                grouped[^1] = new RetriedAttempts<T>(attempt, grouped[^1].Attempts + 1);
            else grouped.Add(new RetriedAttempts<T>(attempt, 1));
        }
        return grouped;
    }
}

namespace RunbookSdk.Execution;

/// <summary>A request that is not idempotent (POST, PATCH), as an earlier run's journal recorded sending it.</summary>
/// <param name="Request">Method and URL, masked: <c>POST https://api.example.com/deploy</c>.</param>
/// <param name="Status">The status it was answered with; null when no answer was recorded (it was in flight).</param>
public sealed record SentRequest(string Request, int? Status) : IRetriedAttempt
{
    /// <summary>
    /// The run never saw the answer whole: no answer within the time-out, the connection lost after the request
    /// left, or the body breaking off after the status. The request may have taken effect although its step failed.
    /// </summary>
    public bool OutcomeUnknown { get; init; }

    /// <summary>
    /// The attempt of a retried request (<c>Retry(n, …)</c>) it was, from 1; 1 for a request not retried, and for a
    /// journal written before attempts were recorded.
    /// </summary>
    public int Attempt { get; init; } = 1;

    /// <summary>
    /// As the engineer reads it: <c>POST … (answered 200)</c>, <c>POST … (answered 200, the rest of the answer lost)</c>
    /// or <c>POST … (no answer recorded)</c>.
    /// </summary>
    public override string ToString() => Status is { } status
        ? $"{Request} (answered {status}{(OutcomeUnknown ? ", the rest of the answer lost" : "")})"
        : $"{Request} (no answer recorded)";

    /// <summary>
    /// Its step failed and its answer arrived whole: it is not asked about on resume, but it is one of the attempts sent,
    /// and may be the last one.
    /// </summary>
    internal bool Settled { get; init; }

    string IRetriedAttempt.Subject => Request;

    bool IRetriedAttempt.Settled => Settled;

    string IRetriedAttempt.Ending => Status is { } status
        ? $"was answered {status}{(OutcomeUnknown ? ", the rest of the answer lost" : "")}"
        : "had no answer recorded";
}

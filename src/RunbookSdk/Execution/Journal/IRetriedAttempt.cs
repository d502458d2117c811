namespace RunbookSdk.Execution;

/// <summary>
/// One attempt of something a step retries (<c>Retry(n, …)</c>) as the journal recorded it — a shell command started, a
/// request sent — so that <see cref="RetriedAttempts"/> can name the attempts of one together, whatever their kind.
/// </summary>
internal interface IRetriedAttempt
{
    /// <summary>What was attempted, as the engineer reads it: <c>`./deploy.sh`</c>, <c>POST https://api.example.com/deploy</c>.</summary>
    string Subject { get; }

    /// <summary>The attempt it was, from 1; 1 when the step does not retry, and in a journal written before attempts were recorded.</summary>
    int Attempt { get; }

    /// <summary>How it ended, read after "the last": <c>was interrupted: it did not finish</c>, <c>answered 500</c>.</summary>
    string Ending { get; }

    /// <summary>
    /// Its end is known and nothing is to be asked about it (a POST its failed step saw answered in full), though it
    /// still counts among the attempts sent.
    /// </summary>
    bool Settled { get; }
}

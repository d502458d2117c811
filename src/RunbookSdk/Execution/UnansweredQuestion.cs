namespace RunbookSdk.Execution;

/// <summary>
/// A question to the operator that could not be put, or whose answer could not be read: a front end's
/// <see cref="IOperatorPrompts"/> threw, or the console did (standard input closed or failing). Nobody answered, and
/// no answer is never a yes: the step asked about does not run, and the run goes on as when the operator declines —
/// forward progress stops, the rollback is not taken on an offer nobody accepted, verification runs, and the journal
/// records why and ends with <c>run-finished</c>. Before, the exception ended the run on the spot: no rollback, no
/// verification, no end in the journal.
/// </summary>
internal static class UnansweredQuestion
{
    /// <summary>
    /// Whether <paramref name="exception"/>, thrown while a question waited, means it went unanswered — rather than the
    /// operator's Ctrl+C (<paramref name="cancellationToken"/> cancelled) or the runner going away, which have their own ways.
    /// </summary>
    public static bool Is(Exception exception, CancellationToken cancellationToken) =>
        exception is not RunnerEndingException && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>Why the question went unanswered, for the console and the journal: <c>the confirmation could not be answered (IOException: …)</c>.</summary>
    /// <param name="question">What was asked: <c>confirmation</c>, <c>rollback offer</c>, …</param>
    /// <param name="exception">What the prompt threw.</param>
    public static string Why(string question, Exception exception) =>
        $"the {question} could not be answered ({exception.GetType().Name}: {exception.Message.TrimEnd('.')})";
}

namespace RunbookSdk.Execution;

/// <summary>
/// The wait between two attempts of a retried command or request. A Ctrl+C there stops the step with nothing running:
/// said as "its processes were killed" (a command) or "the request was cancelled" (a request), it sent the engineer
/// looking for a process or a request that did not exist, and the journal the review reads said the same.
/// </summary>
internal sealed partial class LiveRun
{
    // Set while the step waits before its next attempt: what a Ctrl+C then stopped, in the words of its reason.
    private string? _retryWait;

    /// <summary>
    /// Waits <paramref name="delay"/> on the incident clock before attempt <paramref name="next"/> of
    /// <paramref name="attempts"/>; <paramref name="idle"/> says what does not run meanwhile ("no command was running").
    /// </summary>
    private async Task WaitBeforeRetryAsync(int next, int attempts, TimeSpan delay, string idle, CancellationToken cancellationToken)
    {
        // Left set when the wait is cancelled: the step's interrupted reason is built after the cancellation has
        // unwound to it, and the next action clears it (RunActionsAsync).
        _retryWait = $" during the wait before attempt {next} of {attempts}; {idle}";
        await Task.Delay(delay, _clock, cancellationToken);
        _retryWait = null;
    }
}

using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// An HTTP step's attempts. <c>Retry(n, backoff)</c> sends the request again until it meets its expectations: a health
/// check written right after a rollout answers 503 until the new pods are ready, and without it the step failed (and
/// the run rolled back) on the first answer.
/// </summary>
internal sealed partial class LiveRun
{
    private async Task<StepOutcome> RunHttpAsync(string key, StepPlan step, HttpRequestAction http, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SendHttpAsync(key, step, http, http.Attempts > 1 ? attempt : null, cancellationToken);
            if (outcome.Result != StepResult.Failed) return outcome;
            // A URL that cannot be sent stays so however long the runner waits: no second attempt.
            if (HttpStepUrls.Problem(http.Url) is not null) return outcome;
            if (attempt >= http.Attempts)
                // The count first: after a list of failed expectations, "after 4 attempts" read as part of the last one.
                return http.Attempts > 1 ? outcome with { Reason = $"{http.Attempts} attempts failed, the last with: {outcome.Reason}" } : outcome;

            // Said with the reason: the engineer watching sees what the service answered, not only that it failed.
            var delay = http.RetryBackoff * Math.Pow(2, attempt - 1);
            _console.Warn($"attempt {attempt} of {http.Attempts} failed ({outcome.Reason}); retrying in {Durations.Format(delay)}");
            await WaitBeforeRetryAsync(attempt + 1, http.Attempts, delay, "no request was in flight", cancellationToken);
            // A SIGTERM or a second Ctrl+C during the wait: nothing new is sent (LiveRun.Exit.cs).
            ThrowIfEnding();
        }
    }
}

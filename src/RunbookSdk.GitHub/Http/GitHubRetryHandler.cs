using System.Globalization;
using System.Net;

namespace RunbookSdk.GitHub.Http;

/// <summary>
/// Retries what GitHub refused for now, under Octokit's HTTP client. A rate-limited request (429; 403 with
/// <c>Retry-After</c>, <c>x-ratelimit-remaining: 0</c> or a secondary-limit message) was not processed, so any method
/// is sent again after the time GitHub names. A server error or a dropped connection is retried with a doubling
/// backoff, except for a POST: GitHub may have created the comment or check run before answering 502, and sending it
/// again would create a second one (the reporters retry those themselves, looking first). A 403 that is a missing
/// permission is never retried. Waits share one budget per client (<see cref="GitHubRetryOptions.MaxTotalWait"/>).
/// The request and the waits end when the caller's token (<see cref="GitHubCallCancellation"/>) is cancelled.
/// </summary>
internal sealed class GitHubRetryHandler(GitHubRetryOptions options) : DelegatingHandler
{
    private long _waitedTicks;
    private int _unansweredInARow;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var caller = GitHubCallCancellation.Current;
        if (!caller.CanBeCanceled) return await SendWithRetriesAsync(request, cancellationToken).ConfigureAwait(false);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, caller);
        var response = await SendWithRetriesAsync(request, linked.Token).ConfigureAwait(false);
        try
        {
            // Read the body here, under the caller's token: HttpClient would read it after this handler, with its own.
            await response.Content.LoadIntoBufferAsync(linked.Token).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
            {
                var backoff = Backoff(attempt);
                if (attempt >= options.MaxAttempts || request.Method == HttpMethod.Post || !TryTake(backoff)) throw;
                Announce(request, new RetryWait(backoff, "the connection failed"), attempt);
                await Task.Delay(backoff, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var wait = await WaitBeforeRetryAsync(request, response, attempt, cancellationToken).ConfigureAwait(false);
            if (wait is not { } retry || attempt >= options.MaxAttempts || !TryTake(retry.Delay)) return response;
            response.Dispose();
            Announce(request, retry, attempt);
            await Task.Delay(retry.Delay, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One attempt, given up after <see cref="GitHubRetryOptions.RequestTimeout"/> with a <see cref="TimeoutException"/>
    /// naming the request: a cancellation the caller did not ask for is GitHub not answering, and "The operation was
    /// canceled." made a CI log look as if someone had stopped the job.
    /// </summary>
    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var unanswered = Volatile.Read(ref _unansweredInARow);
        if (options.MaxUnansweredInARow is { } most && unanswered >= most)
            throw new TimeoutException(
                $"{request.Method} {request.RequestUri?.AbsolutePath} not sent: GitHub left the last {unanswered} requests unanswered for {Seconds(options.RequestTimeout)} s each");

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.RequestTimeout);
        try
        {
            var response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            Volatile.Write(ref _unansweredInARow, 0);
            return response;
        }
        catch (OperationCanceledException exception) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _unansweredInARow);
            throw new TimeoutException(
                $"no answer to {request.Method} {request.RequestUri?.AbsolutePath} within {Seconds(options.RequestTimeout)} s", exception);
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// Says what the client is about to wait for (<see cref="GitHubRetryOptions.Waiting"/>): a CI log that went quiet
    /// for a minute on a rate limit looked hung, with nothing naming GitHub.
    /// </summary>
    private void Announce(HttpRequestMessage request, RetryWait wait, int attempt) =>
        options.Waiting?.Invoke(
            $"{wait.Reason}: waiting {Seconds(wait.Delay)} s before sending {request.Method} {request.RequestUri?.AbsolutePath} again (attempt {attempt + 1} of {options.MaxAttempts}; at most {Seconds(options.MaxTotalWait)} s of waiting in all).");

    /// <summary>A wait before a request is sent again, and what GitHub answered that makes it (said after "GitHub: ").</summary>
    private readonly record struct RetryWait(TimeSpan Delay, string Reason);

    /// <summary>How long to wait before sending <paramref name="request"/> again, and why, or null when it must not be.</summary>
    private async Task<RetryWait?> WaitBeforeRetryAsync(HttpRequestMessage request, HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status == 429)
            return NamedWait(response, "rate limit (429)") ?? new RetryWait(options.UnnamedLimitWait, "rate limit (429, no Retry-After)");
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            if (NamedWait(response, "rate limit (403)") is { } named) return named;
            // A secondary limit may come without headers; its message says so. Any other 403 is a missing permission.
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
                ? new RetryWait(options.UnnamedLimitWait, "secondary rate limit (403, no Retry-After)")
                : null;
        }

        if (status is 500 or 502 or 503 or 504 && request.Method != HttpMethod.Post)
            return RetryAfter(response) is { } after
                ? new RetryWait(after, $"server error {status} with Retry-After")
                : new RetryWait(Backoff(attempt), $"server error {status}");
        return null;
    }

    /// <summary>The wait a rate-limit answer names: <c>Retry-After</c>, else the primary limit's reset time.</summary>
    private RetryWait? NamedWait(HttpResponseMessage response, string limit)
    {
        if (RetryAfter(response) is { } after) return new RetryWait(after, limit + " with Retry-After");
        if (Header(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - options.TimeProvider.GetUtcNow();
            return new RetryWait(wait < TimeSpan.Zero ? TimeSpan.Zero : wait + TimeSpan.FromSeconds(1), limit + " until its reset (x-ratelimit-reset)");
        }

        return null;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter) return null;
        if (retryAfter.Delta is { } delta) return delta;
        if (retryAfter.Date is { } date)
        {
            var wait = date - options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private TimeSpan Backoff(int attempt) => options.FirstBackoff * Math.Pow(2, attempt - 1);

    /// <summary>Takes <paramref name="wait"/> from the client's budget, if it fits.</summary>
    private bool TryTake(TimeSpan wait)
    {
        while (true)
        {
            var waited = Interlocked.Read(ref _waitedTicks);
            if (waited + wait.Ticks > options.MaxTotalWait.Ticks) return false;
            if (Interlocked.CompareExchange(ref _waitedTicks, waited + wait.Ticks, waited) == waited) return true;
        }
    }
}

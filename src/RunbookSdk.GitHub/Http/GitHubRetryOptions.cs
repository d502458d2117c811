namespace RunbookSdk.GitHub.Http;

/// <summary>
/// How often and how long a GitHub client waits and retries when GitHub says "not now": a rate limit (429, or 403 with
/// <c>Retry-After</c>, <c>x-ratelimit-remaining: 0</c> or a secondary-limit message) or a server error (500, 502, 503,
/// 504, a dropped connection). The total wait of one client is capped, so a CI job or the end of a run never hangs on
/// GitHub: a wait that does not fit in what is left of <see cref="MaxTotalWait"/> is not made, and GitHub's answer
/// is reported as it is.
/// </summary>
/// <remarks>Octokit.net has no retry of its own; this is a message handler under its HTTP client.</remarks>
public sealed record GitHubRetryOptions
{
    /// <summary>The defaults: 4 attempts a request, 60 s of waiting in all.</summary>
    public static GitHubRetryOptions Default { get; } = new();

    /// <summary>No retries: every request is sent once.</summary>
    public static GitHubRetryOptions None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts per request, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The most one client waits between attempts, summed over all its requests.</summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before the second attempt after a server error; doubled for each further one.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after a rate limit that names no time (GitHub asks for at least a minute).</summary>
    public TimeSpan UnnamedLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one attempt waits for GitHub's answer before it is given up as a <see cref="TimeoutException"/> that says
    /// so (GitHub's REST API ends a request it has worked on for 10 s, so a later answer is not coming). Octokit's own
    /// limit, 100 s a request, kept a CI job waiting minutes on a GitHub that did not answer, and then said only "The
    /// operation was canceled." Measured on the real clock, not <see cref="TimeProvider"/>.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After this many attempts in a row that got no answer within <see cref="RequestTimeout"/>, the client sends
    /// nothing more: each further request fails at once with a <see cref="TimeoutException"/> saying so. Null (the
    /// default) never stops. For one-shot work such as <c>validate</c>'s report: a GitHub that does not answer made the
    /// comment, its retry, the check run, its lookup and its second create wait 30 s each — two and a half minutes of
    /// a CI job spent on requests that were never going to be answered. Any answer resets the count.
    /// </summary>
    public int? MaxUnansweredInARow { get; init; }

    /// <summary>
    /// Told, in one sentence, each time the client is about to wait before sending a request again: what GitHub answered,
    /// how long, which request (<c>validate</c> writes it on standard error). Null says nothing.
    /// </summary>
    public Action<string>? Waiting { get; init; }

    /// <summary>The clock that waits and tells the time (for <c>x-ratelimit-reset</c>); tests pass one that does not sleep.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

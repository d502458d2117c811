using System.Net;
using Octokit;

namespace RunbookSdk.GitHub;

/// <summary>
/// Turns an Octokit failure into one sentence that says what happened and what to do. Reporting problems never
/// change a validation result or stop a runbook; they are printed beside it.
/// </summary>
public static class GitHubErrors
{
    /// <summary>Describes <paramref name="exception"/> while doing <paramref name="what"/>.</summary>
    /// <param name="what">What was being done, e.g. "update the pull-request comment".</param>
    /// <param name="exception">The failure.</param>
    public static string Describe(string what, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            RateLimitExceededException limit =>
                $"GitHub rate limit exceeded, could not {what}; it resets at {limit.Reset.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC.",
            SecondaryRateLimitExceededException =>
                $"GitHub secondary rate limit hit, could not {what}; retry later.",
            ApiException { StatusCode: (HttpStatusCode)429 } api =>
                $"GitHub rate limit (429), could not {what}{RetryAfter(api)}.",
            AuthorizationException =>
                $"GitHub rejected the token (401), could not {what}; check GITHUB_TOKEN.",
            ForbiddenException forbidden =>
                $"GitHub refused (403: {forbidden.Message}), could not {what}; the token lacks a permission (pull-requests: write, checks: write or issues: write).",
            NotFoundException =>
                $"GitHub answered 404, could not {what}; check the repository name, the number and the token's access.",
            ApiException { StatusCode: >= HttpStatusCode.InternalServerError } api =>
                $"GitHub is failing ({(int)api.StatusCode}), could not {what}; retry later.",
            ApiException api =>
                $"GitHub answered {(int)api.StatusCode} ({api.Message}{Details(api)}), could not {what}.",
            TimeoutException =>
                $"GitHub did not answer in time ({exception.Message}), could not {what}; retry later.",
            HttpRequestException or TaskCanceledException =>
                $"GitHub could not be reached ({exception.Message}), could not {what}.",
            _ => $"Could not {what}: {exception.Message}",
        };
    }

    /// <summary>Whether <paramref name="exception"/> is a failure of talking to GitHub (rather than a bug).</summary>
    /// <param name="exception">The failure.</param>
    public static bool IsGitHubFailure(Exception exception) =>
        exception is ApiException or HttpRequestException or TaskCanceledException or TimeoutException;

    /// <summary>
    /// What GitHub said was wrong, from the <c>errors</c> list of its answer: a 422 says only "Validation Failed" in its
    /// message, and the reason (<c>Body is too long (maximum is 65536 characters)</c>, <c>CheckRun head_sha: invalid</c>)
    /// is in that list.
    /// </summary>
    private static string Details(ApiException api)
    {
        var details = (api.ApiError?.Errors ?? [])
            .Select(e => !string.IsNullOrWhiteSpace(e.Message) ? e.Message
                : string.Join(" ", new[] { e.Resource, e.Field is null ? null : e.Field + ":" }.Where(p => !string.IsNullOrEmpty(p))) is { Length: > 0 } where
                    ? $"{where} {e.Code}".TrimEnd()
                    : e.Code)
            .Where(d => !string.IsNullOrWhiteSpace(d) && !api.Message.Contains(d, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return details.Length == 0 ? "" : ": " + string.Join("; ", details);
    }

    private static string RetryAfter(ApiException api) =>
        api.HttpResponse?.Headers is { } headers && headers.TryGetValue("Retry-After", out var seconds) ? $"; retry after {seconds} s" : "";
}

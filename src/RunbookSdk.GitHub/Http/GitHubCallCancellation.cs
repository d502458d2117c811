namespace RunbookSdk.GitHub.Http;

/// <summary>
/// Carries a caller's <see cref="CancellationToken"/> to the HTTP requests of Octokit calls made inside
/// <see cref="Use"/>. Octokit 14's client methods (<c>Issue.Comment.Create</c> and the rest) take no token, so an
/// abandoned call would otherwise run on after the caller gave up (the runner stopped waiting, the tool exited); the
/// <see cref="GitHubRetryHandler"/> under Octokit's HTTP client cancels the request, and any wait between retries,
/// with the token set here.
/// </summary>
internal static class GitHubCallCancellation
{
    private static readonly AsyncLocal<CancellationToken> Ambient = new();

    /// <summary>The token of the innermost <see cref="Use"/> on this async flow, or none.</summary>
    public static CancellationToken Current => Ambient.Value;

    /// <summary>Makes <paramref name="cancellationToken"/> cancel the GitHub requests of this async flow until disposed.</summary>
    /// <param name="cancellationToken">The caller's token.</param>
    public static Scope Use(CancellationToken cancellationToken)
    {
        var previous = Ambient.Value;
        Ambient.Value = cancellationToken;
        return new Scope(previous);
    }

    /// <summary>Restores the token that was current before.</summary>
    internal readonly struct Scope(CancellationToken previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

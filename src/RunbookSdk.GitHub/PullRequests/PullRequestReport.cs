namespace RunbookSdk.GitHub.PullRequests;

/// <summary>What reporting to a pull request did. Problems are sentences for the log; they never fail validation.</summary>
/// <param name="CommentId">The id of the created or updated comment, or null.</param>
/// <param name="CommentCreated">Whether the comment was created (true) or an earlier one updated (false).</param>
/// <param name="CheckRunId">The id of the check run, or null when none was created.</param>
/// <param name="Annotations">How many annotations the check run carries.</param>
/// <param name="Problems">What went wrong, one sentence each.</param>
public sealed record PullRequestReport(long? CommentId, bool CommentCreated, long? CheckRunId, int Annotations, IReadOnlyList<string> Problems)
{
    /// <summary>
    /// Whether the check run was created but could not be completed: GitHub shows it pending, and a required check
    /// blocks the pull request, until another run completes it. <c>validate</c> fails the job then, so it is seen.
    /// </summary>
    public bool CheckRunLeftInProgress { get; init; }

    /// <summary>Whether everything was reported.</summary>
    public bool Succeeded => Problems.Count == 0;
}

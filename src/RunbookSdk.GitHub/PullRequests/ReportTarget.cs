namespace RunbookSdk.GitHub.PullRequests;

/// <summary>Where a validation's verdict goes: a pull request (the comment) and the commit of the check run.</summary>
/// <param name="PullRequest">The pull request to comment on; null for a run that validated no pull request (push, merge queue).</param>
/// <param name="HeadSha">The commit the check run goes on; null for the pull request's current head (outside GitHub Actions).</param>
public sealed record ReportTarget(int? PullRequest, string? HeadSha);

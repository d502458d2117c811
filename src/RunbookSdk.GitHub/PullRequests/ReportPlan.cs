namespace RunbookSdk.GitHub.PullRequests;

/// <summary>
/// What reporting a validation to GitHub will do in the running workflow event: a <see cref="Target"/> (the commit
/// the workflow validated, and its pull request when there is one), a <see cref="Refusal"/> (the command line cannot
/// be right here: a usage error before anything is validated) or neither (nothing is posted; the warnings say why).
/// The rule throughout: the verdict goes on the commit that was checked out and validated, never on another.
/// </summary>
/// <param name="Target">Where to report, or null to post nothing.</param>
/// <param name="Refusal">The usage error, or null.</param>
/// <param name="Warnings">Sentences for the log; they never change the exit code.</param>
public sealed record ReportPlan(ReportTarget? Target, string? Refusal, IReadOnlyList<string> Warnings)
{
    /// <summary>Decides where to report for the <c>--pr</c> and <c>--sha</c> given (or none) in <paramref name="workflowEvent"/>.</summary>
    /// <param name="pullRequest">The <c>--pr</c> option, or null.</param>
    /// <param name="workflowEvent">The running workflow's event (<see cref="WorkflowEvent.FromEnvironment"/>).</param>
    /// <param name="sha">
    /// The <c>--sha</c> option: the commit the job checked out and validated, when the event's is not it (a chat
    /// command's <c>issue_comment</c> or a <c>workflow_run</c>, whose <c>GITHUB_SHA</c> is the default branch's); or null.
    /// </param>
    public static ReportPlan For(int? pullRequest, WorkflowEvent workflowEvent, string? sha = null)
    {
        ArgumentNullException.ThrowIfNull(workflowEvent);
        if (workflowEvent.Name == "pull_request_target")
            return Refuse(
                "runbook validate does not report to GitHub in a pull_request_target workflow: that event checks out the base branch"
                + (workflowEvent.Sha is { } baseSha ? $" ({baseSha})" : "")
                + ", not the pull request, so its verdict would show on a head that was never validated (and checking the head out there would compile"
                + " and run the pull request's code with a write token). Run the workflow on: pull_request (templates/github/runbook-validate.yml),"
                + " or leave out --github-repo to validate the checkout without reporting.");

        if (sha is not null) return ForGivenCommit(pullRequest, workflowEvent, sha);

        if (!workflowEvent.InGitHubActions)
            return pullRequest is { } given
                ? new ReportPlan(new ReportTarget(given, null), null, [])
                : Refuse("--github-repo needs --pr outside GitHub Actions: there is no workflow event to tell which commit was validated.");

        return workflowEvent.PullRequest is not null || IsPullRequestEvent(workflowEvent.Name)
            ? ForPullRequest(pullRequest, workflowEvent)
            : ForCommit(pullRequest, workflowEvent);
    }

    /// <summary>
    /// A pull-request event: the comment on its pull request, the check run on the head the run validated. A
    /// <c>--pr</c> naming another pull request posts nothing: this run validated that one's code, not the other's.
    /// </summary>
    private static ReportPlan ForPullRequest(int? pullRequest, WorkflowEvent workflowEvent)
    {
        if (workflowEvent.PullRequest is { } number)
            return pullRequest is { } given && given != number
                ? NotTheEventsPullRequest(given, number)
                : new ReportPlan(new ReportTarget(number, workflowEvent.PullRequestHeadSha), null, []);

        // The payload could not be read. GITHUB_SHA is the pull request's merge commit, on which a check run shows
        // nowhere: the pull request's current head is the best left, said as such.
        var problem = workflowEvent.PayloadProblem ?? "the event names no pull request";
        return pullRequest is { } fallback
            ? new ReportPlan(new ReportTarget(fallback, null), null,
                [$"{problem}: the check run goes on pull request #{fallback}'s current head, which may be a later push than the commit validated."])
            : Skip($"{problem}, so it cannot tell which pull request this run is for: nothing was posted. Pass --pr ${{{{ github.event.pull_request.number }}}}.");
    }

    /// <summary>
    /// An event without a pull request (push, workflow_dispatch, schedule, merge_group): a check run on the commit the
    /// workflow checked out, no comment: there is no pull request whose conversation it belongs in.
    /// </summary>
    private static ReportPlan ForCommit(int? pullRequest, WorkflowEvent workflowEvent)
    {
        var warnings = new List<string>();
        var sha = workflowEvent.Sha;
        if (workflowEvent.Name == "merge_group")
        {
            // GitHub sets GITHUB_SHA to the merge group's head too; the payload is the documented source.
            if (workflowEvent.MergeGroupHeadSha is { } groupHead) sha = groupHead;
            else if (sha is not null) warnings.Add($"{workflowEvent.PayloadProblem ?? "the event has no merge_group.head_sha"}: the check run goes on GITHUB_SHA ({sha}).");
        }

        var eventName = workflowEvent.Name ?? "this";
        if (sha is null)
            return Skip($"GITHUB_SHA is not set, so it cannot tell which commit this {eventName} run validated: nothing was posted.");
        if (pullRequest is { } given)
            warnings.Add($"--pr {given}: a {eventName} run validates commit {sha}, not pull request #{given}: no comment was posted on #{given}; the check run goes on {sha}."
                + " If the job checked out that pull request's head, pass it with --sha.");
        else if (workflowEvent.Name is "issue_comment" or "workflow_run")
            warnings.Add($"in a {eventName} run GITHUB_SHA is the default branch's latest commit ({sha}): the check run goes there."
                + " If the job checked out another commit (a pull request's head for a chat command), pass it with --sha.");
        return new ReportPlan(new ReportTarget(null, sha), null, warnings);
    }

    /// <summary>
    /// <c>--sha</c>: the caller names the commit it checked out and validated, so the check run goes there whatever
    /// the event says, and the comment on <c>--pr</c> (or the event's pull request) — with it the caller says which
    /// pull request that commit is for, as a chat command's workflow knows.
    /// </summary>
    private static ReportPlan ForGivenCommit(int? pullRequest, WorkflowEvent workflowEvent, string sha)
    {
        if (workflowEvent.PullRequest is { } number && pullRequest is { } given && given != number) return NotTheEventsPullRequest(given, number);
        return new ReportPlan(new ReportTarget(pullRequest ?? workflowEvent.PullRequest, sha), null, []);
    }

    private static ReportPlan NotTheEventsPullRequest(int given, int number) =>
        Skip($"--pr {given} is not the pull request this workflow run validated (#{number}, from GITHUB_EVENT_PATH): nothing was posted to #{given} or #{number}."
            + " Pass --pr ${{{{ github.event.pull_request.number }}}}, or leave --pr out: it is read from the event.");

    private static bool IsPullRequestEvent(string? name) => name is "pull_request" or "pull_request_review" or "pull_request_review_comment";

    private static ReportPlan Refuse(string message) => new(null, message, []);

    private static ReportPlan Skip(string warning) => new(null, null, [warning]);
}

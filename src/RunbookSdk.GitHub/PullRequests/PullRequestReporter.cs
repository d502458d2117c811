using System.Runtime.CompilerServices;
using Octokit;
using RunbookSdk.Validation;
using RunbookSdk.Validation.Reports;

namespace RunbookSdk.GitHub.PullRequests;

/// <summary>
/// Reports a validation result to a pull request: the markdown report as one comment, found again by a hidden
/// marker and updated on later runs (never a pile of duplicates), and a check run whose annotations point at the
/// finding locations. Each part fails on its own: a token that may comment but not create check runs still gets
/// the comment. Nothing here throws for GitHub's answers; the problems come back in the report.
/// </summary>
public sealed class PullRequestReporter
{
    /// <summary>The hidden first line that identifies the report comment.</summary>
    public const string Marker = "<!-- runbook-validate -->";

    /// <summary>The check run's name.</summary>
    public const string CheckName = "runbook validate";

    /// <summary>GitHub accepts at most this many annotations per check-run request.</summary>
    public const int AnnotationBatch = 50;

    // The API limits a comment body to 65,536 characters; keep room for the marker and the cut notice.
    private const int MaxCommentLength = 65_000;

    private readonly IGitHubClient _client;
    private readonly GitHubConnection _connection;

    /// <summary>Creates a reporter.</summary>
    /// <param name="connection">Repository, token and API root.</param>
    /// <param name="client">The client to use; null to create one from <paramref name="connection"/>.</param>
    public PullRequestReporter(GitHubConnection connection, IGitHubClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        // A report is sent once, at the end of a CI job: a GitHub that left two requests in a row unanswered is not
        // waited for again (the rest fails at once, said as such), so the job ends within a minute rather than after
        // two and a half, with the findings already in its log.
        _client = client ?? (connection with { Retry = connection.Retry with { MaxUnansweredInARow = connection.Retry.MaxUnansweredInARow ?? UnansweredRequestsBeforeGivingUp } }).CreateClient();
    }

    /// <summary>How many requests in a row GitHub may leave unanswered before the reporter sends no more.</summary>
    public const int UnansweredRequestsBeforeGivingUp = 2;

    /// <summary>Posts or updates the comment, then creates the check run with annotations.</summary>
    /// <param name="result">The validation result.</param>
    /// <param name="pullRequest">The pull-request number.</param>
    /// <param name="headSha">The commit to attach the check run to; null to use the pull request's head.</param>
    /// <param name="cancellationToken">Ends the requests under way (Ctrl+C); Octokit's methods take no token, so it is
    /// handed to the HTTP handler under them.</param>
    public Task<PullRequestReport> ReportAsync(ValidationResult result, int pullRequest, string? headSha = null, CancellationToken cancellationToken = default) =>
        ReportAsync(result, new ReportTarget(pullRequest, headSha), cancellationToken);

    /// <summary>
    /// Reports to <paramref name="target"/>: the comment when it names a pull request (a push or a merge queue has
    /// none), and the check run on its commit.
    /// </summary>
    /// <param name="result">The validation result.</param>
    /// <param name="target">The pull request and commit (<see cref="ReportPlan.For"/> picks them for the running workflow event).</param>
    /// <param name="cancellationToken">Ends the requests under way (Ctrl+C).</param>
    /// <exception cref="ArgumentException">The target names neither a pull request nor a commit.</exception>
    public async Task<PullRequestReport> ReportAsync(ValidationResult result, ReportTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(target);
        if (target.PullRequest is null && target.HeadSha is null)
            throw new ArgumentException("A report target needs a pull request or a commit.", nameof(target));
        using var calls = Http.GitHubCallCancellation.Use(cancellationToken);
        var problems = new List<string>();
        var (commentId, created) = target.PullRequest is { } pullRequest
            ? await UpsertCommentAsync(CommentBody(result), pullRequest, problems).ConfigureAwait(false)
            : (null, false);
        var (checkRunId, annotations, leftInProgress) = await CheckRunAsync(result, target.PullRequest, target.HeadSha, problems, cancellationToken).ConfigureAwait(false);
        return new PullRequestReport(commentId, created, checkRunId, annotations, problems) { CheckRunLeftInProgress = leftInProgress };
    }

    /// <summary>
    /// The comment: the marker, then the markdown report. A report too long for a comment leaves out the rows of
    /// complete runbooks (so the ones to fix and the findings stay), and what is still too long is cut.
    /// </summary>
    /// <param name="result">The validation result.</param>
    public static string CommentBody(ValidationResult result)
    {
        var markdown = MarkdownReport.RenderWithin(result, MaxCommentLength, SizeUnit.Characters,
            "\n\n… the report was cut to fit a comment; the full report is in the job summary.\n");
        return Marker + "\n" + markdown;
    }

    private async Task<(long? Id, bool Created)> UpsertCommentAsync(string body, int pullRequest, List<string> problems)
    {
        for (var attempt = 1; ; attempt++)
        {
            var writing = new StrongBox<bool>();
            try
            {
                return await TryUpsertCommentAsync(body, pullRequest, writing).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt == 1 && writing.Value && MayHaveBeenDone(exception))
            {
                // The client does not resend a POST that GitHub answered 5xx or did not answer: the comment may exist
                // anyway. Looking again finds it (and updates it) instead of posting a second one. Only after the write:
                // a comment list GitHub did not answer wrote nothing, and asking again made a GitHub that answers
                // nothing hold the job a second time before the check run was even tried.
            }
            catch (Exception exception) when (GitHubErrors.IsGitHubFailure(exception))
            {
                problems.Add(Describe($"post the report comment on pull request #{pullRequest}", exception));
                return (null, false);
            }
        }
    }

    private async Task<(long? Id, bool Created)> TryUpsertCommentAsync(string body, int pullRequest, StrongBox<bool> writing)
    {
        // 100 a page (GitHub's most; 30 by default): a long review thread is read in a third of the requests, each of
        // which counts against the rate limit that every job of the repository shares.
        var comments = await _client.Issue.Comment.GetAllForIssue(_connection.Owner, _connection.Name, pullRequest, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);
        var existing = await OwnReportAsync(comments).ConfigureAwait(false);
        writing.Value = true;
        if (existing is not null)
        {
            var updated = await _client.Issue.Comment.Update(_connection.Owner, _connection.Name, existing.Id, body).ConfigureAwait(false);
            return (updated.Id, false);
        }

        var comment = await _client.Issue.Comment.Create(_connection.Owner, _connection.Name, pullRequest, body).ConfigureAwait(false);
        return (comment.Id, true);
    }

    /// <summary>
    /// The report comment this token wrote: it starts with the marker and its author is the token's account. Anyone
    /// may start a comment with the marker (quoting the report, or on purpose); updating theirs would overwrite a
    /// person's words. When GitHub cannot say who the token is, only a bot's comment is taken (no person is a bot).
    /// </summary>
    private async Task<IssueComment?> OwnReportAsync(IReadOnlyList<IssueComment> comments)
    {
        var candidates = comments.Where(c => c.Body?.StartsWith(Marker, StringComparison.Ordinal) == true).ToList();
        if (candidates.Count == 0) return null;
        var me = await TokenIdentity.OfAsync(_client).ConfigureAwait(false);
        return me is not null
            ? candidates.FirstOrDefault(c => me.Is(c.User))
            : candidates.FirstOrDefault(c => c.User?.Type == AccountType.Bot);
    }

    /// <summary>
    /// Whether GitHub may have carried out the request that failed with <paramref name="exception"/>: it answered 5xx,
    /// or did not answer in time (<see cref="TimeoutException"/>) — either may come after the work was done.
    /// </summary>
    private static bool MayHaveBeenDone(Exception exception) =>
        exception is TimeoutException || exception is ApiException api && api.StatusCode >= System.Net.HttpStatusCode.InternalServerError;

    private async Task<(long? Id, int Annotations, bool LeftInProgress)> CheckRunAsync(ValidationResult result, int? pullRequest, string? headSha, List<string> problems, CancellationToken cancellationToken)
    {
        CheckRun run;
        try
        {
            headSha ??= (await _client.PullRequest.Get(_connection.Owner, _connection.Name, pullRequest!.Value).ConfigureAwait(false)).Head.Sha;
            // A key of this create alone, so the run can be recognised as ours if GitHub creates it but answers 5xx.
            var create = new NewCheckRun(CheckName, headSha) { Status = CheckStatus.InProgress, ExternalId = "runbook-validate-" + Guid.NewGuid().ToString("N") };
            try
            {
                run = await _client.Check.Run.Create(_connection.Owner, _connection.Name, create).ConfigureAwait(false);
            }
            catch (Exception exception) when (MayHaveBeenDone(exception))
            {
                // Not resent by the client (a POST), and GitHub may have created it anyway (a 5xx or no answer in time):
                // creating again would leave that one "in progress" forever beside the new one, and not creating it
                // would leave it so alone, blocking a required check. Look it up first, as the comment path does.
                run = await CreatedAnywayAsync(headSha, create.ExternalId).ConfigureAwait(false)
                    ?? await _client.Check.Run.Create(_connection.Owner, _connection.Name, create).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (GitHubErrors.IsGitHubFailure(exception))
        {
            // GITHUB_TOKEN without `checks: write`, or a token of a user (only apps may create check runs): the comment is enough.
            // The permission hint only where GitHub refused: for an outage or a 5xx it sent people to fix permissions that were fine.
            // A rate limit is a 403 too (Octokit's rate-limit exceptions derive from ForbiddenException), but no refusal:
            // the token may well create check runs once the limit resets.
            var refused = exception is AuthorizationException or NotFoundException
                || exception is ForbiddenException and not (RateLimitExceededException or SecondaryRateLimitExceededException);
            problems.Add(Describe(refused ? "create the check run (it needs `checks: write` and an app token such as GITHUB_TOKEN)" : "create the check run", exception));
            return (null, 0, false);
        }

        var annotations = Annotations(result);
        var title = result.Passed ? "Runbooks complete, docs current" : "Runbook validation failed";
        // The Checks tab shows only this summary: without the line, "0 runbooks in 0 projects" does not say why.
        var summary = MarkdownReport.Summary(result) + (MarkdownReport.NoProjectLine(result) is { } noProject ? "\n\n" + noProject : "")
            + Unlocated(result);
        var conclusion = result.Passed ? CheckConclusion.Success : CheckConclusion.Failure;
        var sent = 0;
        try
        {
            // The API takes at most 50 annotations per request and appends each batch; the last one completes the run.
            var batches = annotations.Chunk(AnnotationBatch).ToList();
            for (var i = 0; i < Math.Max(1, batches.Count); i++)
            {
                var last = i >= batches.Count - 1;
                NewCheckRunAnnotation[] batch = batches.Count == 0 ? [] : batches[i];
                var update = new CheckRunUpdate
                {
                    Output = new NewCheckRunOutput(title, summary) { Annotations = batch },
                };
                if (last)
                {
                    update.Status = CheckStatus.Completed;
                    update.Conclusion = conclusion;
                    update.CompletedAt = DateTimeOffset.UtcNow;
                }

                await _client.Check.Run.Update(_connection.Owner, _connection.Name, run.Id, update).ConfigureAwait(false);
                sent += batch.Length;
            }
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or TimeoutException or HttpRequestException or ApiException)
        {
            // Cancelled (Ctrl+C, the job cancelled) after the run was created: it would stay "in progress" for good.
            // Its verdict is not known to be sent whole, so it is completed as cancelled, with requests of its own.
            problems.Add($"The report was cancelled: check run {run.Id} is completed as cancelled, without its annotations.");
            using var completing = new CancellationTokenSource(CompletionAfterCancelTimeout);
            using var calls = Http.GitHubCallCancellation.Use(completing.Token);
            return (run.Id, sent, !await CompleteWithoutAnnotationsAsync(run.Id, title, summary, CheckConclusion.Cancelled, annotations.Count - sent, problems).ConfigureAwait(false));
        }
        catch (Exception exception) when (GitHubErrors.IsGitHubFailure(exception))
        {
            problems.Add(GitHubErrors.Describe($"add the annotations to check run {run.Id}", exception));
            // A run left in progress shows as pending forever (and blocks a required check): give it its verdict anyway.
            return (run.Id, sent, !await CompleteWithoutAnnotationsAsync(run.Id, title, summary, conclusion, annotations.Count - sent, problems).ConfigureAwait(false));
        }

        return (run.Id, sent, false);
    }

    /// <summary>
    /// How long completing a check run as cancelled may take once the report was cancelled: GitHub Actions sends
    /// SIGTERM 7.5 s after the SIGINT that cancels a job, and kills the process 2.5 s later.
    /// </summary>
    private static readonly TimeSpan CompletionAfterCancelTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The run a create answered 5xx made after all: on <paramref name="headSha"/>, named <see cref="CheckName"/>, with
    /// the create's own <c>external_id</c> (so another job's run of the same name on the same commit, or another
    /// app's, is never taken); null when there is none or GitHub cannot say (then it is created again).
    /// </summary>
    private async Task<CheckRun?> CreatedAnywayAsync(string headSha, string externalId)
    {
        try
        {
            var runs = await _client.Check.Run.GetAllForReference(_connection.Owner, _connection.Name, headSha,
                new CheckRunRequest { CheckName = CheckName, Filter = CheckRunCompletedAtFilter.All }, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);
            return runs.CheckRuns.FirstOrDefault(r => r.Name == CheckName && r.HeadSha == headSha && r.ExternalId == externalId);
        }
        catch (Exception exception) when (GitHubErrors.IsGitHubFailure(exception))
        {
            return null;
        }
    }

    /// <summary>Completes the run with its verdict and no more annotations; false when GitHub did not take it (it stays in progress).</summary>
    private async Task<bool> CompleteWithoutAnnotationsAsync(long runId, string title, string summary, CheckConclusion conclusion, int missing, List<string> problems)
    {
        var note = $"{summary}\n\n{missing} annotation{(missing == 1 ? "" : "s")} could not be added; every finding is in the report comment and the job log.";
        try
        {
            await _client.Check.Run.Update(_connection.Owner, _connection.Name, runId, new CheckRunUpdate
            {
                Status = CheckStatus.Completed,
                Conclusion = conclusion,
                CompletedAt = DateTimeOffset.UtcNow,
                Output = new NewCheckRunOutput(title, note),
            }).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (GitHubErrors.IsGitHubFailure(exception) || exception is OperationCanceledException)
        {
            problems.Add(GitHubErrors.Describe($"complete check run {runId} (it stays in progress)", exception));
            return false;
        }
    }

    /// <summary>
    /// The problem in one sentence, and for GitHub's "Resource not accessible by integration" the likeliest reason in
    /// CI: a workflow run for a pull request from a fork gets a read-only GITHUB_TOKEN, whatever its <c>permissions:</c>
    /// say, so "the token lacks pull-requests: write" alone would send the author looking at a workflow that is right.
    /// </summary>
    private static string Describe(string what, Exception exception) =>
        GitHubErrors.Describe(what, exception)
        + (exception is ForbiddenException forbidden && forbidden.Message.Contains("Resource not accessible by integration", StringComparison.OrdinalIgnoreCase)
            ? " For a pull request from a fork, GitHub gives the workflow a read-only GITHUB_TOKEN: the report is in the job summary and the log."
            : "");

    /// <summary>
    /// The findings no annotation can carry (no file: a generator that crashed, CS8785; a project-wide setting), listed
    /// under the summary, which is all the Checks tab shows: "1 error" with nothing under it said nothing. Cut to fit
    /// GitHub's limit on a summary.
    /// </summary>
    private static string Unlocated(ValidationResult result)
    {
        var unlocated = result.Findings.Where(f => f.Path is null).ToList();
        if (unlocated.Count == 0) return "";
        var text = new System.Text.StringBuilder("\n\nFindings without a file:\n");
        foreach (var f in unlocated)
        {
            var line = $"- **{f.RuleId}** ({f.Level.ToString().ToLowerInvariant()}, {f.Project}): {Cap(f.Message, 2_000).ReplaceLineEndings(" ")}\n";
            if (text.Length + line.Length > MaxSummaryLength)
            {
                text.Append("- … and more: every finding is in the job log and the report.\n");
                break;
            }

            text.Append(line);
        }

        return text.ToString();
    }

    // GitHub's limits: a check run's summary 65,535 characters (kept below it, for the verdict line before the list), an
    // annotation's message 64 KB; a message over it had its whole batch of 50 refused with 422.
    private const int MaxSummaryLength = 60_000;

    // At most 3 bytes of UTF-8 for each UTF-16 character: 16,000 of them stay within 64 KB.
    private const int MaxAnnotationMessage = 16_000;

    private static string Cap(string text, int length)
    {
        if (text.Length <= length) return text;
        // Not between the halves of a surrogate pair, which would not encode.
        if (char.IsHighSurrogate(text[length - 1])) length--;
        return text[..length] + " … (cut; the whole message is in the job log)";
    }

    /// <summary>
    /// One annotation per finding that has a file; findings without one are in the summary only. A finding is on one
    /// line, where GitHub takes a column: its column goes as <c>start_column</c>, as the job log's <c>::error …,col=</c>
    /// carries it, and the end of the analyzer's span on that line as <c>end_column</c> (<see cref="AnnotationSpan"/>).
    /// </summary>
    /// <param name="result">The validation result.</param>
    public static IReadOnlyList<NewCheckRunAnnotation> Annotations(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Findings
            .Where(f => f.Path is not null)
            .Select(f => new NewCheckRunAnnotation(f.Path, Math.Max(1, f.Line), Math.Max(1, f.Line), Level(f.Level), Cap(f.Message, MaxAnnotationMessage))
            {
                Title = f.RuleId,
                // GitHub numbers columns from 1; a finding without one (a missing page) sends none.
                StartColumn = f.Column > 0 ? f.Column : null,
                EndColumn = AnnotationSpan.EndColumn(f),
            })
            .ToArray();
    }

    private static CheckAnnotationLevel Level(FindingLevel level) => level switch
    {
        FindingLevel.Error => CheckAnnotationLevel.Failure,
        FindingLevel.Warning => CheckAnnotationLevel.Warning,
        _ => CheckAnnotationLevel.Notice,
    };
}

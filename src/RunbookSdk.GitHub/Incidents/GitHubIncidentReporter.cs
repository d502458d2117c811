using System.Text;
using Octokit;
using RunbookSdk.Execution;
using RunbookSdk.GitHub.Http;

namespace RunbookSdk.GitHub.Incidents;

/// <summary>
/// Keeps an incident's record in a GitHub issue (<c>run &lt;id&gt; --incident-repo owner/name</c>): opens an issue
/// titled from the runbook and severity, labelled with the severity; appends a timeline comment per step; posts the
/// post-incident template filled with what is known when the run ends. GitHub being down or refusing never reaches
/// the runbook: every call that fails is queued in order and retried once at the end. A cancelled token ends the
/// call's HTTP request (Octokit's methods take none; <see cref="GitHubCallCancellation"/> carries it to the handler).
/// </summary>
public sealed class GitHubIncidentReporter : IIncidentReporter
{
    private readonly IGitHubClient _client;
    private readonly GitHubConnection _connection;
    private readonly List<(Func<Task> Action, string What)> _pending = [];
    private readonly List<IncidentStep> _steps = [];
    private readonly List<string> _problems = [];
    private IncidentStart? _start;
    private int? _issueNumber;
    private bool _resumed;

    /// <summary>Creates a reporter.</summary>
    /// <param name="connection">Repository, token and API root.</param>
    /// <param name="client">The client to use; null to create one from <paramref name="connection"/>.</param>
    public GitHubIncidentReporter(GitHubConnection connection, IGitHubClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _client = client ?? connection.CreateClient();
    }

    /// <summary>The incident issue's number, once it exists.</summary>
    public int? IssueNumber => _issueNumber;

    /// <inheritdoc />
    public IReadOnlyList<string> Problems => _problems;

    /// <inheritdoc />
    public async Task StartAsync(IncidentStart incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        _start = incident;
        using var calls = GitHubCallCancellation.Use(cancellationToken);
        await Attempt(OpenIssueAsync, "open the incident issue", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task StepAsync(IncidentStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        var body = TimelineComment(step);
        using var calls = GitHubCallCancellation.Use(cancellationToken);
        await Attempt(() => CommentAsync(body), $"add step '{step.Step}' to the incident timeline", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task EndAsync(IncidentEnd end, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(end);
        var body = PostIncidentComment(end);
        var updates = _pending.ToList();
        _pending.Clear();
        updates.Add((() => CommentAsync(body), "post the post-incident template"));
        // Octokit's methods take no token: the scope hands it to the HTTP handler, which cancels the request itself,
        // so nothing is left running (and posting) after the runner stopped waiting or the tool exited.
        using var calls = GitHubCallCancellation.Use(cancellationToken);
        for (var i = 0; i < updates.Count; i++)
        {
            var (action, what) = updates[i];
            if (cancellationToken.IsCancellationRequested)
            {
                _problems.Add($"Stopped waiting for GitHub: {NotDelivered(updates, i)}");
                return;
            }

            try { await action().ConfigureAwait(false); }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                _problems.Add($"Stopped waiting for GitHub while trying to {what}: {NotDelivered(updates, i)}");
                return;
            }
            catch (Exception exception) when (IsRateLimit(exception))
            {
                // Every further call before the reset is refused too, and hammering earns a secondary limit: stop.
                _problems.Add(GitHubErrors.Describe(what, exception) + " " + NotDelivered(updates, i));
                return;
            }
            catch (Exception exception)
            {
                _problems.Add(GitHubErrors.Describe(what, exception));
            }
        }
    }

    private static string NotDelivered(List<(Func<Task> Action, string What)> updates, int from) =>
        $"{updates.Count - from} incident update(s) were not delivered ({Names(updates.Skip(from).Select(u => u.What))}); the run's journal has them.";

    private static bool IsRateLimit(Exception exception) =>
        exception is RateLimitExceededException or SecondaryRateLimitExceededException or ApiException { StatusCode: (System.Net.HttpStatusCode)429 };

    private static string Names(IEnumerable<string> whats)
    {
        var list = whats.ToList();
        return list.Count <= 3 ? string.Join("; ", list) : $"{list[0]}; {list[1]}; … {list[^1]}";
    }

    /// <summary>GitHub refuses an issue title longer than this (422 "title is too long (maximum is 256 characters)").</summary>
    public const int MaxTitleLength = 256;

    /// <summary>
    /// The issue title: severity, runbook title and id, at most <see cref="MaxTitleLength"/> characters. A long runbook
    /// title is shortened (with "…"), keeping the severity and the id; a title GitHub refuses would leave the incident
    /// with no issue at all, and every timeline update with nowhere to go.
    /// </summary>
    /// <param name="incident">The run that started.</param>
    public static string IssueTitle(IncidentStart incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var prefix = incident.Severity is null ? "" : $"[{incident.Severity}] ";
        var suffix = $" ({incident.RunbookId})";
        var title = incident.Title;
        if (prefix.Length + title.Length + suffix.Length > MaxTitleLength)
        {
            var room = Math.Max(0, MaxTitleLength - prefix.Length - suffix.Length - 1);
            title = Cut(title, room) + "…";
        }

        var full = prefix + title + suffix;
        return full.Length <= MaxTitleLength ? full : Cut(full, MaxTitleLength - 1) + "…";
    }

    /// <summary>The first <paramref name="length"/> characters of <paramref name="text"/>, never half a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        if (length > 0 && char.IsHighSurrogate(text[length - 1])) length--;
        return text[..length];
    }

    private async Task Attempt(Func<Task> action, string what, CancellationToken cancellationToken)
    {
        try
        {
            // Once something is queued, later updates queue behind it, so the timeline stays in order.
            if (_pending.Count > 0) { _pending.Add((action, what)); return; }
            await action().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Whatever went wrong, it is the incident record's problem, never the runbook's.
            _pending.Add((action, what));
            _problems.Add((cancellationToken.IsCancellationRequested
                ? $"Stopped waiting for GitHub, could not {what}."
                : GitHubErrors.Describe(what, exception)) + " Queued for a retry at the end of the run.");
        }
    }

    private async Task OpenIssueAsync()
    {
        var start = _start!;
        var labels = new List<string> { "incident" };
        if (start.Severity is { } severity)
        {
            labels.Add(severity);
            await EnsureLabelAsync(severity).ConfigureAwait(false);
        }

        if (await FindIssueAsync(start).ConfigureAwait(false) is { } existing)
        {
            // Only a resumed run has this incident's key. Say so in the timeline: the first run's last updates may
            // never have arrived (it was killed), and without this line the gap would look like nothing happened.
            _issueNumber = existing;
            _resumed = true;
            await CommentAsync(ResumedComment(start)).ConfigureAwait(false);
            return;
        }

        var issue = new NewIssue(IssueTitle(start)) { Body = IssueBody(start) };
        foreach (var label in labels) issue.Labels.Add(label);
        var created = await _client.Issue.Create(_connection.Owner, _connection.Name, issue).ConfigureAwait(false);
        _issueNumber = created.Number;
    }

    /// <summary>
    /// Creates the severity label if the repository lacks it. A label is a nicety: a token that may write issues but
    /// not read or create labels (or GitHub refusing the label: 403, 422) must not keep the incident issue from being opened;
    /// the issue is opened with the label named anyway (GitHub creates it for a writer, drops it for others).
    /// </summary>
    private async Task EnsureLabelAsync(string name)
    {
        try
        {
            try { await _client.Issue.Labels.Get(_connection.Owner, _connection.Name, name).ConfigureAwait(false); }
            catch (NotFoundException)
            {
                await _client.Issue.Labels.Create(_connection.Owner, _connection.Name, new NewLabel(name, "d73a4a") { Description = "Incident severity" }).ConfigureAwait(false);
            }
        }
        catch (ApiException exception) when (exception.StatusCode < System.Net.HttpStatusCode.InternalServerError && exception.StatusCode != (System.Net.HttpStatusCode)429
                                             && exception is not (RateLimitExceededException or SecondaryRateLimitExceededException))
        {
            // A refusal of the label only; an outage or a rate limit fails the whole opening, retried later with the label.
            _problems.Add(GitHubErrors.Describe($"make sure the severity label '{name}' exists", exception) + " The issue is opened without creating it.");
        }
    }

    /// <summary>
    /// The open incident issue of this incident, if a run of it opened one: a resumed run (<c>run --resume</c>, a new
    /// process) has the first run's incident start, which the issue body carries in <see cref="Marker"/>, so it
    /// continues that issue instead of opening a second. Another incident of the same runbook starts at another time.
    /// </summary>
    private async Task<int?> FindIssueAsync(IncidentStart start)
    {
        var request = new RepositoryIssueRequest { State = ItemStateFilter.Open, Since = start.StartedAt };
        request.Labels.Add("incident");
        // Every page: a busy repository has more than 100 open incident issues updated since this one started (issues
        // come newest first, so this incident's is behind all of them), and missing it opens a second issue.
        var issues = await _client.Issue.GetAllForRepository(_connection.Owner, _connection.Name, request, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);
        var marker = Marker(start);
        return issues.FirstOrDefault(i => i.PullRequest is null && i.Body?.Contains(marker, StringComparison.Ordinal) == true)?.Number;
    }

    private static string Marker(IncidentStart start) =>
        $"Incident key (a resumed run continues this issue): `{start.RunbookId} {start.StartedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture)}`";

    private async Task CommentAsync(string body)
    {
        if (_issueNumber is not { } number) throw new InvalidOperationException("The incident issue does not exist, so the update has nowhere to go.");
        await _client.Issue.Comment.Create(_connection.Owner, _connection.Name, number, body).ConfigureAwait(false);
    }

    private static string ResumedComment(IncidentStart start) =>
        $"**{Time(start.RunStartedAt ?? DateTimeOffset.UtcNow)}** · **Run resumed** (`runbook run {start.RunbookId} --resume`): "
        + "steps the earlier run completed are not repeated. Updates the earlier run could not post before it stopped are "
        + "missing above; the run's journal has every step.";

    private static string IssueBody(IncidentStart start)
    {
        var body = new StringBuilder();
        body.AppendLine($"Incident opened by `runbook run {start.RunbookId}` at {Time(start.StartedAt)}.").AppendLine();
        body.AppendLine($"- **Runbook:** {Inline(start.Title)} (`{start.RunbookId}`)");
        body.AppendLine($"- **Severity:** {Inline(start.Severity ?? "not set")}");
        if (start.Symptoms.Count > 0)
        {
            body.AppendLine().AppendLine("**Symptoms**");
            foreach (var symptom in start.Symptoms) body.AppendLine($"- {Inline(symptom)}");
        }

        body.AppendLine().AppendLine("Each step's result follows as a comment; the post-incident template is posted when the run ends.");
        body.AppendLine().AppendLine(Marker(start));
        return body.ToString();
    }

    // GitHub refuses a comment body over 65,536 characters; a step's output (one long line of JSON) can be longer.
    private const int MaxDetailLength = 60_000;
    private const int DetailHeadLength = 2_000;

    private static string TimelineComment(IncidentStep step)
    {
        var text = $"**{Time(step.At)}** · {Inline(step.Phase)} › {Inline(step.Step)}: **{Inline(step.Outcome)}**";
        return step.Detail is null ? text : text + "\n\n```\n" + Fit(step.Detail).Replace("```", "ʼʼʼ", StringComparison.Ordinal) + "\n```";
    }

    /// <summary>
    /// The detail cut to fit a comment: its start (why the step failed) and its end (the last output lines), so the
    /// timeline keeps this step instead of GitHub refusing it and every later update queueing behind it.
    /// </summary>
    private static string Fit(string detail)
    {
        if (detail.Length <= MaxDetailLength) return detail;
        var head = DetailHeadLength;
        var tail = detail.Length - (MaxDetailLength - DetailHeadLength);
        if (char.IsHighSurrogate(detail[head - 1])) head--;
        if (char.IsLowSurrogate(detail[tail])) tail++;
        return detail[..head] + $"\n… ({tail - head} characters cut) …\n" + detail[tail..];
    }

    // A comment GitHub takes (65,536 characters), with room for the note on left-out rows.
    private const int MaxCommentLength = 65_000;
    private const int MaxReasonLength = 2_000;

    /// <summary>
    /// The post-incident report. It must fit one comment, or GitHub refuses the one update that matters most: a long
    /// run's timeline table keeps its last rows (where the run ended) and says how many earlier steps are only in the
    /// timeline comments above; a reason quoting long command output keeps its first 2,000 characters.
    /// </summary>
    private string PostIncidentComment(IncidentEnd end)
    {
        var start = _start;
        var head = new StringBuilder();
        head.AppendLine("## Post-incident report").AppendLine();
        if (start is not null)
        {
            head.AppendLine($"- **Runbook:** {Inline(start.Title)} (`{start.RunbookId}`)");
            head.AppendLine($"- **Severity:** {Inline(start.Severity ?? "not set")}");
            head.AppendLine($"- **Started:** {Time(start.StartedAt)}");
        }

        head.AppendLine($"- **Ended:** {Time(end.EndedAt)}");
        if (start is not null) head.AppendLine($"- **Duration:** {(end.EndedAt - start.StartedAt):hh\\:mm\\:ss}");
        var reason = end.Reason is null ? null : end.Reason.Length <= MaxReasonLength ? end.Reason : Cut(end.Reason, MaxReasonLength) + " … (cut; the journal has it all)";
        head.AppendLine($"- **Outcome:** {Inline(end.Outcome)}" + (reason is null ? "" : $" – {Inline(reason)}"));
        // As the run's closing words say it: the report ended at the step that stopped the run, and whoever picked the
        // incident up from the issue could not tell what was left undone without the runbook beside it.
        if (NotReached(end.NotReached) is { } notReached) head.AppendLine($"- **Not reached:** {Inline(notReached)}");
        // The undo a failed or stopped rollback left: the system is neither as the run left it nor as it was before.
        if (NotReached(end.RollbackNotReached) is { } rollbackNotDone) head.AppendLine($"- **Rollback not done:** {Inline(rollbackNotDone)}");
        head.AppendLine();

        head.AppendLine("### Timeline").AppendLine();
        if (_resumed && start is not null)
            head.AppendLine($"Since the run resumed at {Time(start.RunStartedAt ?? _steps.FirstOrDefault()?.At ?? end.EndedAt)}; the earlier run's steps are in the comments above and in the journal.").AppendLine();

        var followUp = new StringBuilder();
        followUp.AppendLine("### Follow-up").AppendLine();
        if (end.PostIncident.Count == 0) followUp.AppendLine("- [ ] Root cause analysis").AppendLine("- [ ] Action items with owners");
        foreach (var (stage, items) in end.PostIncident)
        {
            followUp.AppendLine($"**{stage}**");
            foreach (var item in items) followUp.AppendLine($"- [ ] {item}");
            followUp.AppendLine();
        }

        const string tableHead = "| Time | Phase | Step | Result |\n|---|---|---|---|\n";
        var rows = _steps.Select(step => $"| {Time(step.At)} | {Cell(step.Phase)} | {Cell(step.Step)} | {Cell(step.Outcome)} |\n").ToList();
        var room = MaxCommentLength - head.Length - followUp.Length - tableHead.Length - 200;
        var kept = 0;
        for (var used = 0; kept < rows.Count && used + rows[^(kept + 1)].Length <= room; kept++) used += rows[^(kept + 1)].Length;

        var md = new StringBuilder().Append(head);
        if (kept < rows.Count)
            md.AppendLine($"The first {rows.Count - kept} step(s) are left out to fit a comment; they are in the timeline comments above and in the journal.").AppendLine();
        md.Append(tableHead);
        foreach (var row in rows.Skip(rows.Count - kept)) md.Append(row);
        md.AppendLine().Append(followUp);
        return md.ToString();
    }

    /// <summary><c>1.3 'Soak', 2.1 'Scale up'</c>, cut as a long reason is, to leave the report room; null for none.</summary>
    private static string? NotReached(IReadOnlyList<StepNotReached> steps)
    {
        if (steps.Count == 0) return null;
        var named = string.Join(", ", steps.Select(s => $"{s.Number} '{s.Title}'"));
        return named.Length <= MaxReasonLength ? named : Cut(named, MaxReasonLength) + $" … (cut; {steps.Count} step(s) in all, the journal names each)";
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>
    /// Run text shown outside a code block (the reason quotes command output; step titles, symptoms): an <c>@name</c>
    /// would notify that user or team, <c>#123</c> would cross-reference issue 123, and <c>&lt;!--</c> or a stray tag
    /// would hide the rest of the report. A zero-width space after <c>@</c> and <c>#</c> and <c>&amp;lt;</c> for
    /// <c>&lt;</c> keep the text readable and inert.
    /// </summary>
    private static string Inline(string text)
    {
        var md = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<') { md.Append("&lt;"); continue; }
            md.Append(c);
            if (c is '@' or '#' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) md.Append('\u200B');
        }
        return md.ToString();
    }
}

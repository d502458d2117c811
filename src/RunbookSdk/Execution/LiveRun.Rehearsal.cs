using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>What the dry run of a resume asks of the live run, so that it says what the resume does rather than a guess.</summary>
internal sealed partial class LiveRun
{
    /// <summary>
    /// What this resume does at a step the journal started without a result, in the words the dry run shows: it asks
    /// only about what the earlier run may have done there (a POST, a command of a destructive step, a command or code
    /// left unfinished), and not at all when <c>--resend-requests</c> answers or the step is <c>Idempotent()</c>, as
    /// <see cref="ConfirmResendAsync"/> decides. It names only that question: a condition or a destructive step's
    /// confirmation is still asked, on the plan's next lines; "runs it again without asking" stood above
    /// "[destructive: requires confirmation before it runs]", and the live resume asked.
    /// </summary>
    public string RepeatOfUnfinished(string section, int index, StepPlan step)
    {
        if (UnconfirmedBefore(section, StepKey(section, index), step) is not { } earlier)
            return "started in the journal with no result: the resume does not ask whether to run it again (nothing it started there may have taken effect unseen)";
        return RepeatOf("started in the journal with no result", earlier, step);
    }

    /// <summary>
    /// What this resume does at a step the journal ended interrupted (Ctrl+C) after it had started something that may
    /// have taken effect there, in the words the dry run shows; null when the resume simply runs it again. The live
    /// resume asks about it as about a step with no result (<see cref="ConfirmResendAsync"/>): the dry run said nothing
    /// of it, and the engineer who had read the plan met a question it had not shown.
    /// </summary>
    public string? RepeatOfInterrupted(string section, int index, StepPlan step) =>
        UnconfirmedBefore(section, StepKey(section, index), step) is { } earlier ? RepeatOf("interrupted in the journal", earlier, step) : null;

    private string RepeatOf(string state, UnconfirmedWork earlier, StepPlan step)
    {
        var done = _context.Secrets.Mask(earlier.Done);
        if (step.Idempotent) return $"{state}, where it {done}: the step is marked idempotent, so the resume does not ask whether to run it again";
        if (_options.ResendRequests) return $"{state}, where it {done}: --resend-requests runs it again without asking whether to";
        if (!Interactive) return $"{state}, where it {done}: --non-interactive never asks whether to run it again, so a live resume does not start without --resend-requests";
        return $"{state}, where it {done}: the resume asks first whether to run it again; no stops the run there";
    }

    /// <summary>
    /// When the earlier run's webhook took the notification at action <paramref name="action"/> of the step with
    /// <paramref name="key"/>, in a step it has no result for: the resume does not post it again
    /// (<see cref="NotifyAsync"/>). Null when the resume posts it.
    /// </summary>
    public string? PostedBefore(string key, int action) =>
        _resume?.PostedNotifications.TryGetValue($"{key}#{action}", out var postedAt) == true ? FormatTime(postedAt) : null;

    // The facts a notification's template may name that only the run knows (LiveRun.NotificationFacts).
    private static readonly string[] RunTimeFacts = ["started", "now", "elapsed", "journal"];

    /// <summary>
    /// The message a notification step sends, as far as it is known before the run (parameters, the runbook's facts, the
    /// phase and step it is sent from; the times and the journal's path stay as written), masked, and where it goes:
    /// the webhook (named by its host: its path is often a credential), or printed for the operator to post by hand,
    /// also when a <c>WebhookUrl</c> parameter is no http(s) URL (<see cref="Webhook"/>).
    /// </summary>
    public (string Text, string Destination) NotificationPreview(CommunicationPlan template, PhasePlan phase, StepPlan step)
    {
        var section = ReferenceEquals(phase, _context.Plan.Rollback) ? "rollback" : ReferenceEquals(phase, _context.Plan.Verification) ? "verification" : "phase";
        var facts = KnownFacts(section, phase.Name, step.Title);
        var text = _context.Secrets.Mask(CommunicationRenderer.Render(template.Template, facts));
        var (webhook, problem) = Webhook();
        var destination = webhook is not null ? $"posted to the webhook at {webhook.Host} (and printed)"
            : problem is not null ? $"printed only: {_context.Secrets.Mask(problem)}; post it by hand"
            : "printed only (no --webhook, no WebhookUrl set): post it by hand";
        // Known only when the message is sent: said, so that "{started}" is not read as what the channel gets.
        if (RunTimeFacts.Where(fact => text.Contains($"{{{fact}}}", StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } later)
            destination += $"; {string.Join(", ", later.Select(fact => $"{{{fact}}}"))} filled in when it is sent";
        return (text, destination);
    }
}

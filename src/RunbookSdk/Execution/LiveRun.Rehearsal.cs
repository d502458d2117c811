using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>What the dry run of a resume asks of the live run, so that it says what the resume does rather than a guess.</summary>
internal sealed partial class LiveRun
{
    /// <summary>
    /// What this resume does at a step the journal started without a result, in the words the dry run shows: it asks
    /// only about what the earlier run may have done there (a POST, a command of a destructive step, a command or code
    /// left unfinished), and not at all when <c>--resend-requests</c> answers or the step is <c>Idempotent()</c>, as
    /// <see cref="ConfirmResendAsync"/> decides.
    /// </summary>
    public string RepeatOfUnfinished(string section, int index, StepPlan step)
    {
        if (UnconfirmedBefore(section, StepKey(section, index), step) is not { } earlier)
            return "started in the journal with no result: the resume runs it again without asking (nothing it started there may have taken effect unseen)";
        var done = _context.Secrets.Mask(earlier.Done);
        if (step.Idempotent) return $"started in the journal with no result, where it {done}: the step is marked idempotent, so the resume runs it again without asking";
        if (_options.ResendRequests) return $"started in the journal with no result, where it {done}: --resend-requests runs it again without asking";
        if (!Interactive) return $"started in the journal with no result, where it {done}: --non-interactive never asks whether to run it again, so a live resume does not start without --resend-requests";
        return $"started in the journal with no result, where it {done}: the resume asks first whether to run it again; no stops the run there";
    }
}

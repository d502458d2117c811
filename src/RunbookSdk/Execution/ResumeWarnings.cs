namespace RunbookSdk.Execution;

/// <summary>
/// What a resume says of the journal it continues before its first step, in the one order the live resume and its dry
/// run share: they said the same warnings in different orders (the live resume named the journal's steps this runbook
/// does not have before the system left unhealthy, its dry run after it), so the engineer who read the rehearsal looked
/// for them in the wrong place. What is dangerous comes first: the system still unhealthy (escalate now), then what the
/// earlier run changed and left in place, then what runs again, then what the resume does otherwise than the journal's
/// run, and last the run that already succeeded, whose resume only checks again.
/// </summary>
internal static class ResumeWarnings
{
    /// <summary>How a warning is shown: the live console marks a failure and an escalation apart; the dry run warns alike.</summary>
    internal enum Kind
    {
        /// <summary>What failed: the rollback did not bring the system back.</summary>
        Failed,

        /// <summary>Whom to reach now.</summary>
        Escalate,

        /// <summary>Anything else the engineer should know before the first step.</summary>
        Warn,
    }

    /// <summary>One warning: its words and how it is shown.</summary>
    internal sealed record Warning(string Text, Kind Kind);

    /// <summary>The warnings for a resume of <paramref name="resume"/> with <paramref name="context"/>, in order.</summary>
    /// <param name="resume">The journal continued.</param>
    /// <param name="context">The run as the resume binds it.</param>
    /// <param name="unhealthy">The finding and whom to reach when the journal's rollback left the system unhealthy.</param>
    /// <param name="changedParameters">The parameters whose values differ from the journal's, each said as a line.</param>
    /// <param name="overruledChoices">The answers the journal's decisions overrule, each said as a line.</param>
    public static IReadOnlyList<Warning> Of(ResumeState resume, RunContext context, (string Finding, string Escalation)? unhealthy,
        IEnumerable<string> changedParameters, IEnumerable<string> overruledChoices)
    {
        var warnings = new List<Warning>();
        // The resume starts over on a system its rollback did not bring back: whom to reach comes before any step.
        if (unhealthy is var (finding, escalation))
        {
            warnings.Add(new(finding, Kind.Failed));
            warnings.Add(new(escalation, Kind.Escalate));
        }
        // What the steps changed is still in place, and the step that stopped the run runs again.
        if (resume.EndedAtRollbackOffer) warnings.Add(new(RollbackNotRun.EndedAtOffer(resume.StoppedBeforeRollbackOffer), Kind.Warn));
        // "0 completed step(s) are not repeated" alone did not say that the first step, often a deploy, runs again.
        if (resume.UndoneByRollback) warnings.Add(new(LiveRun.StartsOverAfterRollback, Kind.Warn));
        // A step that took the place of one the journal records runs (again): the engineer can stop and compare.
        if (StepsNotInRunbook.Warning(resume, context) is { } changed) warnings.Add(new(changed, Kind.Warn));
        // Both values: the steps still to run use the new one.
        warnings.AddRange(changedParameters.Select(change => new Warning(change, Kind.Warn)));
        warnings.AddRange(overruledChoices.Select(choice => new Warning(choice, Kind.Warn)));
        // Nothing is left to do but check again (a resume of the wrong journal looked like a run that did nothing).
        if (resume.LastStatus == nameof(RunStatus.Succeeded)) warnings.Add(new(LiveRun.AlreadySucceeded, Kind.Warn));
        return warnings;
    }
}

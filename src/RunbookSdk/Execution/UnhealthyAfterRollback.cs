using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// The words for a run whose rollback completed while the verification after it failed: the system is still unhealthy,
/// and every escalation level is to be reached now. The run's closing lines, <c>runs</c>, and a resume of its journal
/// (and that resume's dry run) say it in these words, so the engineer who read one of them recognises it in the others.
/// </summary>
internal static class UnhealthyAfterRollback
{
    /// <summary>What the system was left in, as the run says it at its end.</summary>
    public const string IsStillUnhealthy = "the system is still unhealthy";

    /// <summary>What the system was left in, as what reads the journal later says it.</summary>
    public const string WasStillUnhealthy = "the system was still unhealthy";

    /// <summary>Whom to reach, where the runbook's levels are not at hand (<c>runs</c> of a runbook another app has).</summary>
    public const string EscalateToEveryLevel = "escalate now to every level of the runbook's escalation, without waiting for their times";

    /// <summary>
    /// Whom to reach, as <c>runs</c> says it on one line: <see cref="EscalateToEveryLevel"/>, then the levels as the runbook
    /// names them, <c>who (contact)</c>, already shortened by the caller (<c>… and 2 more</c>).
    /// </summary>
    public static string EscalateToEveryLevelNamed(string levels) => $"{EscalateToEveryLevel}: {levels}";

    /// <summary>One level as <see cref="EscalateToEveryLevelNamed"/> lists it: <c>Service owner (owner@example.com)</c>.</summary>
    public static string Level(EscalationLevelPlan level) => level.Contact is { } contact ? $"{level.Who} ({contact})" : level.Who;

    /// <summary>
    /// "<paramref name="rollback"/> completed, but the verification after it FAILED (…)": each failed check, its title
    /// and why, as given (the journal holds them masked).
    /// </summary>
    public static string Finding(string rollback, IEnumerable<string> failures) =>
        $"{rollback} completed, but the verification after it FAILED ({string.Join("; ", failures)})";

    /// <summary>
    /// Whom to reach now: every escalation level, in order, without waiting for its time; a level whose time is still
    /// ahead (<paramref name="elapsed"/> is the incident's time so far) says when it would have been due.
    /// </summary>
    public static string EscalateNow(EffectiveEscalation escalation, TimeSpan elapsed)
    {
        var levels = escalation.Levels;
        if (levels.Count == 0) return "ESCALATE NOW: the runbook and its handbook define no escalation; reach whoever your team escalates to.";
        return "ESCALATE NOW, without waiting for the levels' times: " + string.Join("; ", levels.Select(level =>
            $"{level.Who}{(level.Contact is { } contact ? $": {contact}" : "")}{(level.After > elapsed ? $" (due after {Durations.Format(level.After)})" : "")}"));
    }
}

namespace RunbookSdk.Execution;

/// <summary>
/// When an escalation level falls due, in the one wording the live run, the dry run and the generated page share:
/// "immediately" for a level due from the start, else "after 15 minutes".
/// </summary>
/// <remarks>
/// The three said it three ways — "ESCALATE (from the start)", "after 0 minutes" and "immediately" — and an engineer
/// comparing the page with the console wondered whether they were the same level. The generator (netstandard2.0,
/// no reference to this assembly) writes the same words in <c>DocumentViews.EscalationLevel</c>.
/// </remarks>
internal static class EscalationTiming
{
    /// <summary>"immediately", or "after " and the duration.</summary>
    public static string Describe(TimeSpan after) => after <= TimeSpan.Zero ? "immediately" : $"after {Durations.Format(after)}";
}

using System.Text.RegularExpressions;

namespace RunbookSdk.Execution;

/// <summary>
/// The steps a resumed journal records that the runbook no longer has: it changed since the journal was written (a step
/// renamed, moved or removed). A step key holds its title and position, so such records never match a step by accident
/// — which is right, but the resume ran the renamed step's counterpart again in silence, "0 completed step(s) are not
/// repeated", where the engineer expected it skipped. Named, the engineer can stop and compare before it runs.
/// </summary>
internal static partial class StepsNotInRunbook
{
    /// <summary>
    /// The warning a resume of <paramref name="resume"/> with <paramref name="context"/> — and its dry run — gives before
    /// anything runs, or null when every step the journal records is one of the runbook's.
    /// </summary>
    public static string? Warning(ResumeState resume, RunContext context)
    {
        var runbookKeys = StepNumbers.Sections(context.Plan)
            .SelectMany(s => s.Steps.Select((step, j) => StepKeys.For(s.Section, j, step.Title, context.Secrets, resume)))
            .ToHashSet(StringComparer.Ordinal);
        var unmatched = In(resume, runbookKeys);
        return unmatched.Count == 0 ? null
            : $"The journal records steps this runbook does not have: {string.Join(", ", unmatched)}. The runbook changed since the journal "
              + "was written (a step renamed, moved or removed): those records count for none of its steps, so a step that took their place "
              + "runs (again). --dry-run --resume shows what a resume repeats.";
    }

    /// <summary>
    /// Each phase or rollback step <paramref name="resume"/> records as completed or started that none of
    /// <paramref name="runbookKeys"/> is, as the engineer reads it: <c>1.1 'Print' (completed)</c>. Verification steps
    /// are left out: they run again on every resume anyway.
    /// </summary>
    public static IReadOnlyList<string> In(ResumeState resume, IReadOnlySet<string> runbookKeys) =>
        resume.CompletedSteps.Select(key => (Key: key, State: "completed"))
            .Concat(resume.UnfinishedSteps.Where(key => !resume.CompletedSteps.Contains(key)).Select(key => (Key: key, State: "started, no result")))
            .Where(step => !runbookKeys.Contains(step.Key) && !step.Key.StartsWith("verification/", StringComparison.Ordinal))
            .Select(step => (Shown: Shown(step.Key), step.State))
            .OrderBy(step => step.Shown.Order)
            .Select(step => $"{step.Shown.Text} ({step.State})")
            .ToArray();

    /// <summary>A key as the console numbers steps — <c>phase-2/step-1:Deploy</c> is <c>2.1 'Deploy'</c> — and where it sorts.</summary>
    private static (string Text, (int Section, int Step) Order) Shown(string key)
    {
        if (Key().Match(key) is not { Success: true } match) return ($"'{key}'", (int.MaxValue, 0));
        var step = int.Parse(match.Groups["step"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var title = match.Groups["title"].Value;
        return match.Groups["phase"].Success
            ? ($"{match.Groups["phase"].Value}.{step} '{title}'", (int.Parse(match.Groups["phase"].Value, System.Globalization.CultureInfo.InvariantCulture), step))
            : ($"R.{step} '{title}'", (int.MaxValue - 1, step));
    }

    [GeneratedRegex(@"^(?:phase-(?<phase>\d+)|rollback)/step-(?<step>\d+):(?<title>.*)$", RegexOptions.Singleline)]
    private static partial Regex Key();
}

namespace RunbookSdk.Execution;

/// <summary>
/// How the switches of a live run (<c>--non-interactive</c>, <c>--yes</c>, <c>--skip-manual</c>, <c>--conditions-hold</c>,
/// <c>--skip-conditional</c>) decide a step that would otherwise ask the operator, in the words the dry run shows it
/// with: the same switches make the live run answer, skip or refuse exactly so (<see cref="LiveRun"/>).
/// </summary>
internal static class LiveSwitches
{
    /// <summary>The switches given, as the live run's header lists them, or null for none.</summary>
    public static string? Describe(RunnerOptions options)
    {
        var given = new List<string>();
        if (options.NonInteractive) given.Add("--non-interactive");
        if (options.AssumeYes) given.Add("--yes");
        if (options.SkipManual) given.Add("--skip-manual");
        if (options.ResendRequests) given.Add("--resend-requests");
        if (options.Conditions == ConditionAnswer.Hold) given.Add("--conditions-hold");
        if (options.Conditions == ConditionAnswer.Skip) given.Add("--skip-conditional");
        return given.Count == 0 ? null : string.Join(" ", given);
    }

    /// <summary>What happens at a destructive step's confirmation (none at a step <c>--skip-conditional</c> skips: the condition comes first).</summary>
    public static string Confirmation(RunnerOptions options, Model.StepPlan step) =>
        step.Condition is not null && options.Conditions == ConditionAnswer.Skip ? "never asked: --skip-conditional skips the step first"
        : options.AssumeYes ? "confirmed by --yes: it runs without asking"
        : options.NonInteractive ? "it needs a confirmation, and --non-interactive never asks: a live run does not start without --yes"
        : "requires confirmation before it runs";

    /// <summary>What happens before a step written with <c>OnlyIf</c> (the condition is shown before it).</summary>
    public static string Condition(RunnerOptions options) => options.Conditions switch
    {
        ConditionAnswer.Hold => "taken to hold by --conditions-hold: it runs without asking",
        ConditionAnswer.Skip => "skipped by --skip-conditional: it does not run",
        _ when options.NonInteractive => "--non-interactive never asks: a live run does not start without --conditions-hold or --skip-conditional",
        _ => "the operator is asked first; no skips the step",
    };

    /// <summary>What happens at a manual instruction (<c>--skip-manual</c> counts only with <c>--non-interactive</c>, as in the live run).</summary>
    public static string Manual(RunnerOptions options) =>
        !options.NonInteractive ? "the operator confirms when done"
        : options.SkipManual ? "skipped by --skip-manual: nobody does it"
        : "--non-interactive never waits for the operator: a live run does not start without --skip-manual";

    /// <summary>What happens when a monitor's time is up: a person judges the signal, or, without one, nobody does.</summary>
    public static string Monitor(RunnerOptions options) =>
        options.NonInteractive ? "watched unattended with --non-interactive: nobody judges the signal, and the step passes"
        : "then the operator says whether it looked healthy; no fails the step";
}

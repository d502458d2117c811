using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// The escalation levels that apply to a run: the runbook's own when it defines any, otherwise the levels of the
/// handbook it belongs to. The one place that rule lives; docs, dry runs and the runner all ask here.
/// </summary>
/// <param name="Levels">Levels in the order they are engaged; empty when neither defines any.</param>
/// <param name="InheritedFrom">The id of the handbook the levels come from, or null when they are the runbook's own.</param>
public sealed record EffectiveEscalation(IReadOnlyList<EscalationLevelPlan> Levels, string? InheritedFrom)
{
    /// <summary>Whether the levels come from the handbook.</summary>
    public bool IsInherited => InheritedFrom is not null;

    /// <summary>Resolves the escalation that applies to <paramref name="runbook"/>.</summary>
    /// <param name="runbook">The runbook's recorded plan.</param>
    /// <param name="handbook">The plan of the handbook it belongs to, or null.</param>
    public static EffectiveEscalation Resolve(RunbookPlan runbook, HandbookPlan? handbook) =>
        runbook.Document.Escalation.Count == 0 && handbook is { Document.Escalation.Count: > 0 }
            ? new(handbook.Document.Escalation, handbook.Id)
            : new(runbook.Document.Escalation, null);
}

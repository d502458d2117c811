using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// Which of the sections every runbook must have (rules RB0001-RB0003) a recorded plan has. A section the author
/// declared but left empty — <c>Rollback(r =&gt; { })</c>, an escalation without a level, a waiver without a reason —
/// gives the on-call engineer nothing to follow, so it counts as missing, as the rules count it.
/// </summary>
/// <param name="Escalation">An escalation level applies: the runbook's own or its handbook's.</param>
/// <param name="EscalationInherited">The levels come from the handbook.</param>
/// <param name="Rollback">A rollback with a step, or a waiver that says why none is needed.</param>
/// <param name="RollbackWaived">No rollback steps, and a waiver with its reason.</param>
/// <param name="Verification">A verification with a step.</param>
public sealed record RequiredSections(bool Escalation, bool EscalationInherited, bool Rollback, bool RollbackWaived, bool Verification)
{
    /// <summary>Judges <paramref name="runbook"/>, with the handbook it belongs to for the escalation it inherits.</summary>
    /// <param name="runbook">The runbook's recorded plan.</param>
    /// <param name="handbook">The plan of the handbook it belongs to, or null.</param>
    public static RequiredSections Of(RunbookPlan runbook, HandbookPlan? handbook)
    {
        var escalation = EffectiveEscalation.Resolve(runbook, handbook);
        var rollbackSteps = runbook.Rollback is { Steps.Count: > 0 };
        var waived = !string.IsNullOrWhiteSpace(runbook.NoRollbackReason);
        return new RequiredSections(
            escalation.Levels.Count > 0, escalation.IsInherited,
            rollbackSteps || waived, !rollbackSteps && waived,
            runbook.Verification is { Steps.Count: > 0 });
    }
}

namespace RunbookSdk.Validation;

/// <summary>
/// Merges the results of one project compiled for each of its target frameworks into one, as a reader wants them:
/// a finding every target reports is listed once, one that only some targets report says which ("(net8.0 only)"),
/// and a runbook defined for any target has one row, complete only when it is complete for every target.
/// </summary>
internal static class MultiTargetMerge
{
    /// <summary>The merged result; the first target's docs comparison (the only one made) is kept.</summary>
    /// <param name="perTarget">Each target framework with its result, in the project's order (at least two).</param>
    public static ProjectResult Merge(IReadOnlyList<(string Target, ProjectResult Result)> perTarget)
    {
        var first = perTarget[0].Result;
        var findings = perTarget
            .SelectMany(t => t.Result.Findings.Distinct().Select(f => (t.Target, Finding: f)))
            .GroupBy(t => t.Finding)
            .Select(g => WithTargets(g.Key, g.Select(t => t.Target).ToArray(), perTarget.Count))
            .OrderBy(f => f.Path ?? "", StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToArray();
        var rows = perTarget
            .SelectMany(t => t.Result.Runbooks)
            .GroupBy(r => r.Id, StringComparer.Ordinal)
            .Select(g => MergeRows(g.ToArray()))
            .ToArray();
        return first with { Runbooks = rows, Findings = findings };
    }

    private static Finding WithTargets(Finding finding, IReadOnlyList<string> targets, int all) =>
        targets.Count == all ? finding : finding with { Message = $"{finding.Message} ({string.Join(", ", targets)} only)" };

    // A section counts when every target has it: the build a team ships for one target is missing it otherwise.
    private static RunbookRow MergeRows(IReadOnlyList<RunbookRow> rows)
    {
        var escalation = rows.All(r => r.Escalation);
        var rollback = rows.All(r => r.Rollback);
        var byRule = rows.SelectMany(r => r.FindingsByRule)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(p => p.Value), StringComparer.Ordinal);
        return rows[0] with
        {
            Escalation = escalation,
            EscalationInherited = escalation && rows.Any(r => r.EscalationInherited),
            Rollback = rollback,
            RollbackWaived = rollback && rows.Any(r => r.RollbackWaived),
            Verification = rows.All(r => r.Verification),
            FindingsByRule = byRule,
            Level = rows.Max(r => r.Level),
        };
    }
}

namespace RunbookSdk.Execution;

/// <summary>
/// Who answers the question a step written with <c>OnlyIf(condition)</c> asks before it runs
/// (<see cref="RunnerOptions.Conditions"/>).
/// </summary>
public enum ConditionAnswer
{
    /// <summary>The operator, at each such step; a non-interactive run refuses to start when it has one.</summary>
    Ask,

    /// <summary>Every condition is taken to hold: every such step runs (<c>--conditions-hold</c>).</summary>
    Hold,

    /// <summary>No condition is taken to hold: every such step is skipped (<c>--skip-conditional</c>).</summary>
    Skip,
}

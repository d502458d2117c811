namespace RunbookSdk.Model;

/// <summary>What a handbook says: the shared parts of an incident-response document.</summary>
public sealed record HandbookPlan
{
    /// <summary>The handbook's id.</summary>
    public required string Id { get; init; }
    /// <summary>Shared document sections.</summary>
    public required DocumentSections Document { get; init; }
    /// <summary>Severity definitions, most severe first.</summary>
    public IReadOnlyList<SeverityPlan> Severities { get; init; } = [];
    /// <summary>Service level objectives.</summary>
    public IReadOnlyList<SloPlan> Slos { get; init; } = [];
}

/// <summary>What a severity key means.</summary>
/// <param name="Key">Key runbooks refer to (e.g. "P1").</param>
/// <param name="Name">Human name (e.g. "Critical").</param>
/// <param name="ResponseTime">How quickly someone must respond.</param>
/// <param name="ResolutionTime">How quickly it should be resolved.</param>
/// <param name="Criteria">When an incident has this severity.</param>
public sealed record SeverityPlan(string Key, string Name, TimeSpan? ResponseTime, TimeSpan? ResolutionTime, IReadOnlyList<string> Criteria);

/// <summary>A service level objective.</summary>
/// <param name="Name">What is measured.</param>
/// <param name="Target">The target (e.g. "99.9% uptime").</param>
/// <param name="Description">Optional detail.</param>
public sealed record SloPlan(string Name, string Target, string? Description);

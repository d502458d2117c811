namespace RunbookSdk.Validation;

/// <summary>Which build <c>runbook validate</c> reproduces.</summary>
public sealed record ValidationOptions
{
    /// <summary>
    /// The configuration, as <c>dotnet build -c</c> takes it (<c>Release</c>): a global property, seen from the first
    /// <c>Directory.Build.props</c> on. Null is a plain <c>dotnet build</c>: no global property, and the SDK's default
    /// <c>Debug</c> from the project on.
    /// </summary>
    public string? Configuration { get; init; }

    /// <summary>The MSBuild global properties these options stand for.</summary>
    internal IReadOnlyDictionary<string, string> GlobalProperties() => Configuration is { Length: > 0 } configuration
        ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Configuration"] = configuration }
        : new Dictionary<string, string>();
}

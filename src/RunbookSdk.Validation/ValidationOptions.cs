using RunbookSdk.Validation.Compiling;

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

    /// <summary>
    /// Rules and generators run besides RunbookSdk's own: tests add ones that throw, standing in for a rule or generator
    /// with a bug (no runbook makes a shipped one throw; that would be a bug to fix).
    /// </summary>
    internal AddedExtensions Added { get; init; } = AddedExtensions.None;

    /// <summary>The MSBuild global properties these options stand for.</summary>
    internal IReadOnlyDictionary<string, string> GlobalProperties() => Configuration is { Length: > 0 } configuration
        ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Configuration"] = configuration }
        : new Dictionary<string, string>();
}

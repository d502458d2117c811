namespace RunbookSdk.Generators;

/// <summary>Names of the pipeline steps, so tests can assert which steps re-ran after an edit.</summary>
internal static class TrackingNames
{
    public const string RunbookResults = nameof(RunbookResults);
    public const string HandbookResults = nameof(HandbookResults);
    public const string Handbooks = nameof(Handbooks);
    public const string RunbookSummaries = nameof(RunbookSummaries);
    public const string HandbookSummaries = nameof(HandbookSummaries);
    public const string Templates = nameof(Templates);
    public const string Options = nameof(Options);
    public const string RunbookSources = nameof(RunbookSources);
    public const string HandbookSources = nameof(HandbookSources);
    public const string ReferencedLibraries = nameof(ReferencedLibraries);
    public const string CatalogSource = nameof(CatalogSource);
}

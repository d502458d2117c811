using RunbookSdk.Generated;

namespace RunbookProject.Tests;

/// <summary>
/// Every runbook in the app, also those added later with <c>dotnet new runbook</c>, dry-runs: one whose
/// <c>Define</c> throws (a time box that ends before it starts, a value it cannot parse) fails CI here instead of
/// refusing to start during an incident.
/// </summary>
public sealed class EveryRunbookTests
{
    /// <summary>
    /// Values for parameters declared <c>[Parameter(Required = true)]</c>, by name: a dry run refuses to start without
    /// them. Any other required parameter gets "example".
    /// </summary>
    private static readonly Dictionary<string, string> RequiredValues = new(StringComparer.OrdinalIgnoreCase)
    {
        // ["ChangeTicket"] = "CHG-1234",
    };

    public static TheoryData<string> RunbookIds()
    {
        var ids = new TheoryData<string>();
        foreach (var runbook in GeneratedRunbookCatalog.Catalog.Runbooks) ids.Add(runbook.Id);
        return ids;
    }

    [Theory]
    [MemberData(nameof(RunbookIds))]
    public async Task Dry_runs_with_its_default_parameters(string id)
    {
        var runbook = GeneratedRunbookCatalog.Catalog.Runbooks.Single(r => r.Id == id);
        var required = runbook.Parameters.Where(p => p.IsRequired)
            .Select(p => $"{p.Name}={RequiredValues.GetValueOrDefault(p.Name, "example")}")
            .ToArray();

        var (exitCode, output) = await DryRun.RunAsync(id, required);

        Assert.True(exitCode == 0, $"'run {id} --dry-run' exited with {exitCode}:\n{output}");
    }
}

using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// A project that gets RunbookSdk only through a project it references (a runbook app referencing the shared handbook
/// library without a PackageReference of its own). The package's buildTransitive targets removed the generator there,
/// so such an app's build failed with CS5001 (no Main) and said nothing of why; now the generator stays, with
/// <c>RunbookSdkTransitiveOnly</c>, generates nothing and says which reference is missing.
/// </summary>
public sealed class TransitiveReferenceTests
{
    private static readonly Dictionary<string, string> TransitiveApp = new()
    {
        ["RunbookSdkTransitiveOnly"] = "true",
        ["RunbookSdkGenerateEntryPoint"] = "true",
    };

    [Fact]
    public void A_project_declaring_runbooks_without_its_own_reference_is_told_which_reference_to_add()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook);

        var run = GeneratorHarness.CreateDriver(buildProperties: TransitiveApp).RunGenerators(compilation).GetRunResult();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("RB0106", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            $"{compilation.AssemblyName} declares runbook 'payments-api-down', handbook 'payments' but gets RunbookSdk only through a project it references, so no runner, "
            + $"page or entry point is generated for it: add <PackageReference Include=\"RunbookSdk\" /> to {compilation.AssemblyName}'s project file",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Results.Single().GeneratedSources);
    }

    [Fact]
    public void A_project_without_runbooks_of_its_own_gets_nothing_and_no_error()
    {
        // A service or tool that references the handbook library for its types: no catalog, no Main beside its own.
        var compilation = GeneratorHarness.Compile("namespace Tool; public static class Program { public static void Main() { } }");

        var run = GeneratorHarness.CreateDriver(buildProperties: TransitiveApp).RunGenerators(compilation).GetRunResult();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Results.Single().GeneratedSources);
    }

    [Fact]
    public void A_project_with_its_own_reference_generates_as_before()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook);

        var run = GeneratorHarness.CreateDriver(buildProperties: new Dictionary<string, string> { ["RunbookSdkGenerateEntryPoint"] = "true" })
            .RunGenerators(compilation).GetRunResult();

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "RunbookCatalog.g.cs");
    }
}

using System.Reflection;
using System.Runtime.Loader;
using RunbookSdk.Hosting;
using RunbookSdk.Testing;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// One source of truth for imported runbooks too: each seed's project, imported and built by <see cref="SeedBuildFixture"/>
/// with its outline embedded, is loaded, and for every runbook the plan the runner executes (Define run at start-up) and
/// the outline its page was written from (read from syntax) have the same phases, steps, commands and expectations.
/// The importer writes what hand-written samples rarely hold — scripts over several lines as raw strings, parameters
/// cut from commands, waivers — so the pages of an import are checked against the runner, not only against the markdown.
/// </summary>
[Collection(SeedBuilds.Name)]
public sealed class SeedRunsAsDocumentedTests(SeedBuildFixture fixture)
{
    [Theory]
    [MemberData(nameof(Seeds.Names), MemberType = typeof(Seeds))]
    public void Every_imported_runbook_runs_exactly_what_its_page_documents(string seed)
    {
        var (_, project, log) = fixture.Results[seed];
        Assert.True(log.Length == 0, log);
        var directory = Path.Combine(Seeds.RepositoryRoot, "artifacts", "import-round-trip", "Seed" + seed[..3]);
        var name = Path.GetFileNameWithoutExtension(Directory.GetFiles(directory, "*.csproj").Single());
        var context = new BuiltProjectContext(Path.Combine(directory, "bin", "Debug", "net10.0"));
        try
        {
            var catalog = context.Catalog(name);
            Assert.Equal(project.RunbookIds.Order(StringComparer.Ordinal), catalog.Runbooks.Select(r => r.Id).Order(StringComparer.Ordinal));
            foreach (var runbook in catalog.Runbooks)
            {
                var instance = runbook.Create(new Dictionary<string, string>());
                var values = runbook.ReadParameters(instance);
                var documented = runbook.DocumentedOutline ?? throw new Xunit.Sdk.XunitException($"{runbook.Id}: no outline embedded");
                Assert.Equal(OutlineLines.Describe(documented, values), OutlineLines.Describe(PlanOutlines.FromPlan(runbook.CreatePlan(instance)), values));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>A built runbook app, loaded beside this test's own RunbookSdk, so its catalog is of the types the test knows.</summary>
    private sealed class BuiltProjectContext(string binDirectory) : AssemblyLoadContext(isCollectible: true)
    {
        public RunbookCatalog Catalog(string assemblyName)
        {
            var assembly = LoadFromAssemblyPath(Path.Combine(binDirectory, assemblyName + ".dll"));
            var type = assembly.GetType("RunbookSdk.Generated.GeneratedRunbookCatalog", throwOnError: true)!;
            return (RunbookCatalog)type.GetProperty("Catalog", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == typeof(RunbookCatalog).Assembly.GetName().Name) return typeof(RunbookCatalog).Assembly;
            var path = Path.Combine(binDirectory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}

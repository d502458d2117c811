using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Execution;
using RunbookSdk.Generators.Tests.Support;
using static RunbookSdk.Generators.Tests.Support.ProjectAssemblies;
using RunbookSdk.Hosting;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// Runbooks compiled in a library project (shared runbooks, referenced by several runbook apps): the app's catalog
/// lists them, so the app's <c>list</c> shows them and <c>run</c> runs them. Both assemblies are compiled with the
/// real generator, as two projects' builds would be, and loaded for real.
/// </summary>
public sealed class LibraryRunbookTests
{
    private const string Library = """
        using System;
        using RunbookSdk;

        namespace Shared;

        [Runbook("flush-cache")]
        public sealed class FlushCache : Runbook
        {
            [Parameter("Cache cluster")] public string Cluster { get; init; } = "cache-1";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Flush the cache")
                .Phase("Act", p => p.Step("Flush", s => s.Run($"redis-cli -h {Cluster} FLUSHALL").RequiresConfirmation()))
                .NoRollback("A flushed cache refills from the database.")
                .Verification(v => v.Step("Check", s => s.Run($"redis-cli -h {Cluster} PING")))
                .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"));
        }
        """;

    private const string App = """
        using System;
        using RunbookSdk;

        namespace App;

        [Runbook("restart-api")]
        public sealed class RestartApi : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Restart the API")
                .Phase("Act", p => p.Step("Restart", s => s.Run("systemctl restart api").RequiresConfirmation()))
                .NoRollback("A restart changes nothing.")
                .Verification(v => v.Step("Check", s => s.Run("curl --fail http://127.0.0.1/health")))
                .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"));
        }
        """;

    [Fact]
    public void The_apps_catalog_runs_the_runbooks_of_a_referenced_library_and_keeps_its_pages_to_its_own()
    {
        var library = Generate(GeneratorHarness.Compile(Library).WithAssemblyName("Shared"));
        var app = Generate(GeneratorHarness.Compile(App).WithAssemblyName("App").AddReferences(library.ToMetadataReference()));

        WithCatalog(library, app, catalog =>
        {
            Assert.Equal(["restart-api"], catalog.Runbooks.Select(r => r.Id));
            Assert.Equal(["flush-cache"], catalog.ReferencedRunbooks.Select(r => r.Id));
            Assert.Equal(["restart-api", "flush-cache"], catalog.Runnable.Select(r => r.Id));

            var flush = catalog.FindRunbook("flush-cache");
            Assert.NotNull(flush);
            Assert.Equal("Shared.FlushCache", flush.RunbookType?.FullName);
            var run = RunContext.Bind(catalog, flush, new Dictionary<string, string> { ["Cluster"] = "cache-9" });
            Assert.Equal("Flush the cache", run.Plan.Document.Title);
            Assert.Equal("cache-9", Assert.Single(run.Parameters, p => p.Parameter.Name == "Cluster").Value);

            // The library's page belongs to the library's docs folder, which its own build writes and validate compares.
            var docs = Directory.CreateTempSubdirectory("library-runbooks-");
            try
            {
                var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null) });
                Assert.Equal(0, RunbookHost.RunAsync(["docs", "--out", docs.FullName], catalog, console, CancellationToken.None).GetAwaiter().GetResult());
                Assert.Equal(["index.md", "restart-api.md"], docs.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
            }
            finally
            {
                docs.Delete(recursive: true);
            }
        });
    }

    [Fact]
    public void A_build_that_references_the_librarys_assembly_names_it_through_a_public_runbook()
    {
        var library = Generate(GeneratorHarness.Compile(Library).WithAssemblyName("Shared"));
        var app = Generate(GeneratorHarness.Compile(App).WithAssemblyName("App").AddReferences(MetadataReference.CreateFromImage(Emit(library).ToArray())));

        Assert.Contains("typeof(global::Shared.FlushCache).Assembly,", Catalog(app));
        WithCatalog(library, app, catalog => Assert.Equal(["flush-cache"], catalog.ReferencedRunbooks.Select(r => r.Id)));
    }

    [Fact]
    public void A_library_whose_runbooks_are_all_internal_is_loaded_by_name()
    {
        var library = Generate(GeneratorHarness.Compile(Library.Replace("public sealed class FlushCache", "internal sealed class FlushCache")).WithAssemblyName("Shared"));
        var app = Generate(GeneratorHarness.Compile(App).WithAssemblyName("App").AddReferences(library.ToMetadataReference()));

        Assert.Contains("global::System.Reflection.Assembly.Load(new global::System.Reflection.AssemblyName(\"Shared\")),", Catalog(app));
        WithCatalog(library, app, catalog => Assert.Equal("Shared.FlushCache", catalog.FindRunbook("flush-cache")?.RunbookType?.FullName));
    }

    [Fact]
    public void The_apps_own_runbook_is_the_one_its_id_runs_and_the_librarys_is_shown_as_hidden()
    {
        var library = Generate(GeneratorHarness.Compile(Library).WithAssemblyName("Shared"));
        var app = Generate(GeneratorHarness.Compile(App.Replace("\"restart-api\"", "\"flush-cache\"")).WithAssemblyName("App").AddReferences(library.ToMetadataReference()));

        WithCatalog(library, app, catalog =>
        {
            Assert.Equal("App.RestartApi", catalog.FindRunbook("flush-cache")?.RunbookType?.FullName);
            var hidden = Assert.Single(catalog.ReferencedRunbooks);
            Assert.Equal("App.RestartApi", catalog.HiddenBy(hidden)?.RunbookType?.FullName);
            Assert.Equal(["flush-cache"], catalog.Runnable.Select(r => r.Id));
        });
    }

    [Fact]
    public void A_library_of_handbooks_only_and_the_frameworks_assemblies_are_no_runbook_libraries()
    {
        const string handbook = """
            using RunbookSdk;

            namespace Shared;

            [Handbook("ops")]
            public sealed class OpsHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Ops");
            }
            """;
        var library = Generate(GeneratorHarness.Compile(handbook).WithAssemblyName("Shared"));
        var app = Generate(GeneratorHarness.Compile(App).WithAssemblyName("App").AddReferences(library.ToMetadataReference()));

        Assert.DoesNotContain("System.Reflection.Assembly[]", Catalog(app));
    }

    [Fact]
    public void An_edit_in_the_app_reads_no_referenced_assembly_again_and_leaves_the_catalog_cached()
    {
        var library = Generate(GeneratorHarness.Compile(Library).WithAssemblyName("Shared"));
        var compilation = GeneratorHarness.Compile(App, "namespace App; public static class Notes { public const int N = 1; }")
            .WithAssemblyName("App").AddReferences(library.ToMetadataReference());
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var notes = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(notes, notes.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(notes.ToString().Replace("= 1", "= 2"))));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var libraries = Assert.Single(result.TrackedSteps[TrackingNames.ReferencedLibraries]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(libraries.Outputs).Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(result.TrackedSteps[TrackingNames.CatalogSource].SelectMany(step => step.Outputs)).Reason);
    }

    private static string Catalog(CSharpCompilation compilation) =>
        compilation.SyntaxTrees.Select(t => t.ToString()).Single(text => text.Contains("class GeneratedRunbookCatalog", StringComparison.Ordinal));
}

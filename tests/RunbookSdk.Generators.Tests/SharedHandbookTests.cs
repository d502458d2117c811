using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Execution;
using RunbookSdk.Generators.Tests.Support;
using static RunbookSdk.Generators.Tests.Support.ProjectAssemblies;
using RunbookSdk.Hosting;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// A handbook compiled in its own project, shared by several runbook apps (<c>Runbook&lt;OpsHandbook&gt;</c> across an
/// assembly boundary). The analyzers accept its escalation; the page and the runner must not say there is none.
/// Both assemblies are compiled with the real generator, as two projects' builds would be, and loaded for real.
/// </summary>
public sealed class SharedHandbookTests
{
    private const string Handbook = """
        using System;
        using RunbookSdk;

        namespace Shared;

        [Handbook("ops")]
        public sealed class OpsHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Title("Ops handbook")
                .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.Zero))
                .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com").Level("Lead", TimeSpan.FromMinutes(15)));
        }
        """;

    private const string Runbook = """
        using RunbookSdk;

        namespace App;

        [Runbook("restart-api")]
        public sealed class RestartApi : Runbook<Shared.OpsHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Restart the API")
                .Severity(Severity.P1)
                .Phase("Act", p => p.Step("Restart", s => s.Run("systemctl restart api").RequiresConfirmation()))
                .Rollback(r => r.Step("Undo", s => s.Run("systemctl restart api-previous").RequiresConfirmation()))
                .Verification(v => v.Step("Check", s => s.Run("curl --fail http://127.0.0.1/health")));
        }
        """;

    [Fact]
    public void The_page_shows_the_severity_and_escalation_inherited_from_the_handbook_of_another_project()
    {
        var (shared, app) = CompileBoth();
        var page = GeneratorHarness.EmbeddedMarkdown(Part(app, "RunbookSdk.Hosting.GeneratedRunbook"));

        Assert.DoesNotContain("No escalation is defined", page);
        Assert.Contains("| **Handbook** | `ops` (Ops handbook, Shared.OpsHandbook from Shared) |", page);
        Assert.Contains("| **Severity** | **P1** Critical — respond immediately |", page);
        Assert.Contains("Inherited from the handbook.", page);
        Assert.Contains("| 1 | immediately | On-call | oncall@example.com |", page);
        Assert.Contains("| 2 | after 15 minutes | Lead |  |", page);

        // A build references the project's assembly, the IDE and validate its compilation: the page is the same.
        var built = Generate(GeneratorHarness.Compile(Runbook).WithAssemblyName("App").AddReferences(MetadataReference.CreateFromImage(Emit(shared).ToArray())));
        Assert.Equal(page, GeneratorHarness.EmbeddedMarkdown(Part(built, "RunbookSdk.Hosting.GeneratedRunbook")));
    }

    [Fact]
    public void A_handbook_project_built_without_the_generator_is_named_on_the_page_without_claiming_levels()
    {
        var shared = GeneratorHarness.Compile(Handbook).WithAssemblyName("Shared");
        var app = Generate(GeneratorHarness.Compile(Runbook).WithAssemblyName("App").AddReferences(shared.ToMetadataReference()));
        var page = GeneratorHarness.EmbeddedMarkdown(Part(app, "RunbookSdk.Hosting.GeneratedRunbook"));

        Assert.DoesNotContain("No escalation is defined", page);
        Assert.Contains("| **Handbook** | `ops` (Shared.OpsHandbook from Shared) |", page);
        Assert.Contains("The handbook's: `ops` (Shared.OpsHandbook from Shared), compiled in another project", page);
    }

    [Fact]
    public void The_runner_takes_severity_and_escalation_from_the_handbook_in_the_other_assembly()
    {
        var (shared, app) = CompileBoth();
        WithCatalog(shared, app, catalog =>
        {
            var runbook = catalog.FindRunbook("restart-api")!;

            Assert.Empty(catalog.Handbooks); // the app's own catalog lists only its own handbooks
            Assert.Equal("ops", runbook.HandbookId);
            var handbook = catalog.HandbookOf(runbook);
            Assert.NotNull(handbook);
            Assert.Equal("Ops handbook", handbook.Title);

            var run = RunContext.Bind(catalog, runbook, new Dictionary<string, string>());
            var escalation = EffectiveEscalation.Resolve(run.Plan, run.Handbook);
            Assert.True(escalation.IsInherited);
            Assert.Equal(["On-call", "Lead"], escalation.Levels.Select(l => l.Who));
            Assert.Equal(TimeSpan.Zero, run.Severity?.ResponseTime);
        });
    }

    [Fact]
    public void The_runner_takes_the_inherited_handbook_not_the_apps_own_handbook_with_the_same_id()
    {
        // The app has a handbook of its own that happens to use the same id: the runbook inherits Shared's.
        const string localHandbook = """
            using System;
            using RunbookSdk;

            namespace App;

            [Handbook("ops")]
            public sealed class LocalOps : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Local ops")
                    .SeverityLevel("P1", "Local", s => s.RespondWithin(TimeSpan.FromHours(2)))
                    .Escalation(e => e.Level("Local person", TimeSpan.Zero, "#local"));
            }
            """;
        var shared = Generate(GeneratorHarness.Compile(Handbook).WithAssemblyName("Shared"));
        var app = Generate(GeneratorHarness.Compile(Runbook, localHandbook).WithAssemblyName("App").AddReferences(shared.ToMetadataReference()));

        WithCatalog(shared, app, catalog =>
        {
            var runbook = catalog.FindRunbook("restart-api")!;
            Assert.Equal("Shared.OpsHandbook", catalog.HandbookOf(runbook)?.HandbookType.FullName);

            var run = RunContext.Bind(catalog, runbook, new Dictionary<string, string>());
            Assert.Equal(["On-call", "Lead"], EffectiveEscalation.Resolve(run.Plan, run.Handbook).Levels.Select(l => l.Who));
            Assert.Equal(TimeSpan.Zero, run.Severity?.ResponseTime);
        });
    }

    [Fact]
    public void The_runner_takes_the_handbook_from_a_project_built_without_the_generator()
    {
        // RunbookSdk referenced as a plain library: no generated descriptor in Shared, but the page says the runner shows the levels.
        var shared = GeneratorHarness.Compile(Handbook).WithAssemblyName("Shared");
        var app = Generate(GeneratorHarness.Compile(Runbook).WithAssemblyName("App").AddReferences(shared.ToMetadataReference()));

        WithCatalog(shared, app, catalog =>
        {
            var runbook = catalog.FindRunbook("restart-api")!;
            Assert.Equal("ops", catalog.HandbookOf(runbook)?.Id);

            var run = RunContext.Bind(catalog, runbook, new Dictionary<string, string>());
            Assert.Equal("Ops handbook", run.Handbook?.Document.Title);
            Assert.Equal(["On-call", "Lead"], EffectiveEscalation.Resolve(run.Plan, run.Handbook).Levels.Select(l => l.Who));
            Assert.Equal(TimeSpan.Zero, run.Severity?.ResponseTime);
        });
    }

    [Fact]
    public void A_runbook_deriving_from_a_base_class_of_the_handbook_project_is_generated_with_its_parameters()
    {
        // The IDE and `runbook validate` reference the other project as a compilation: its classes come with their syntax.
        const string baseClass = """
            using RunbookSdk;

            namespace Shared;

            public abstract class ApiRunbook : Runbook<OpsHandbook>
            {
                [Parameter("Base URL of the API")] public string BaseUrl { get; init; } = "http://127.0.0.1:5000";
            }
            """;
        const string derived = """
            using RunbookSdk;

            namespace App;

            [Runbook("restart-api")]
            public sealed class RestartApi : Shared.ApiRunbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Restart the API")
                    .Severity(Severity.P1)
                    .Phase("Act", p => p.Step("Restart", s => s.Run($"curl -X POST {BaseUrl}/restart").RequiresConfirmation()))
                    .Rollback(r => r.Step("Undo", s => s.Run("systemctl restart api-previous").RequiresConfirmation()))
                    .Verification(v => v.Step("Check", s => s.Run("curl --fail http://127.0.0.1/health")));
            }
            """;
        var shared = Generate(GeneratorHarness.Compile(Handbook, baseClass).WithAssemblyName("Shared"));
        var app = Generate(GeneratorHarness.Compile(derived).WithAssemblyName("App").AddReferences(shared.ToMetadataReference()));

        // The default is not on the page: a build references the project's assembly, whose metadata has no initializer,
        // and the page must be the one the build writes (validate compares them).
        var page = GeneratorHarness.EmbeddedMarkdown(Part(app, "RunbookSdk.Hosting.GeneratedRunbook"));
        Assert.Contains("| `BaseUrl` | string |  | Base URL of the API |", page);
        var built = Generate(GeneratorHarness.Compile(derived).WithAssemblyName("App").AddReferences(MetadataReference.CreateFromImage(Emit(shared).ToArray())));
        Assert.Equal(page, GeneratorHarness.EmbeddedMarkdown(Part(built, "RunbookSdk.Hosting.GeneratedRunbook")));
    }

    private static (CSharpCompilation Shared, CSharpCompilation App) CompileBoth()
    {
        var shared = Generate(GeneratorHarness.Compile(Handbook).WithAssemblyName("Shared"));
        var app = Generate(GeneratorHarness.Compile(Runbook).WithAssemblyName("App").AddReferences(shared.ToMetadataReference()));
        return (shared, app);
    }

    /// <summary>The generated source that applies <paramref name="attribute"/> (written without its Attribute suffix).</summary>
    private static string Part(CSharpCompilation compilation, string attribute) =>
        compilation.SyntaxTrees.Select(t => t.ToString()).Single(text => text.Contains("[assembly: global::" + attribute + "(", StringComparison.Ordinal));
}

using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Hosting;

namespace RunbookSdk.Generators.Tests.Support;

/// <summary>
/// Two projects as their builds make them: each compiled with the real generator, emitted, and loaded for real — a
/// library named <c>Shared</c> (a handbook or runbook project) and the app that references it.
/// </summary>
internal static class ProjectAssemblies
{
    /// <summary><paramref name="compilation"/> with the generator's output, which must compile without errors.</summary>
    public static CSharpCompilation Generate(CSharpCompilation compilation)
    {
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (CSharpCompilation)output;
    }

    /// <summary>The assembly a build writes.</summary>
    public static MemoryStream Emit(CSharpCompilation compilation)
    {
        var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        stream.Position = 0;
        return stream;
    }

    /// <summary>Loads one project's assembly into a load context of its own and hands <paramref name="check"/> its catalog.</summary>
    public static void WithCatalog(CSharpCompilation project, Action<RunbookCatalog> check)
    {
        var context = new AssemblyLoadContext("one-project", isCollectible: true);
        try
        {
            check(CatalogOf(context.LoadFromStream(Emit(project))));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Loads <c>Shared</c> and the app into a load context of their own and hands <paramref name="check"/> the app's catalog.</summary>
    public static void WithCatalog(CSharpCompilation shared, CSharpCompilation app, Action<RunbookCatalog> check)
    {
        var context = new AssemblyLoadContext("two-projects", isCollectible: true);
        try
        {
            var sharedAssembly = context.LoadFromStream(Emit(shared));
            context.Resolving += (_, name) => name.Name == "Shared" ? sharedAssembly : null;
            var appAssembly = context.LoadFromStream(Emit(app));
            // The catalog may load a library by name (Assembly.Load), which asks the load context of the caller.
            using (context.EnterContextualReflection())
            {
                check(CatalogOf(appAssembly));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static RunbookCatalog CatalogOf(Assembly assembly) =>
        (RunbookCatalog)assembly.GetType("RunbookSdk.Generated.GeneratedRunbookCatalog")!
            .GetProperty("Catalog", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
}

using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Hosting;
using RunbookSdk.Model;

namespace RunbookSdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// The plans the runner follows for a compilation's runbooks, recorded as <c>runbook validate</c> and the runner record
/// them: the generator's catalog is emitted, loaded, and each runbook's <c>Define</c> recorded. What a rule says of a
/// runbook is checked against these.
/// </summary>
internal static class RecordedPlans
{
    /// <summary>Each runbook's plan with its handbook's, if any, by runbook id.</summary>
    public static IReadOnlyDictionary<string, (RunbookPlan Plan, HandbookPlan? Handbook)> Of(Compilation compilation)
    {
        var parseOptions = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        CSharpGeneratorDriver.Create([new RunbookSdk.Generators.RunbookGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        using var stream = new MemoryStream();
        var emitted = generated.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("recorded-plans", isCollectible: true);
        try
        {
            var catalog = (RunbookCatalog)context.LoadFromStream(stream).GetType("RunbookSdk.Generated.GeneratedRunbookCatalog")!
                .GetProperty("Catalog", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            var plans = new Dictionary<string, (RunbookPlan, HandbookPlan?)>(StringComparer.Ordinal);
            foreach (var descriptor in catalog.Runbooks)
                plans[descriptor.Id] = (descriptor.CreatePlan((Runbook)Activator.CreateInstance(descriptor.RunbookType)!), catalog.HandbookOf(descriptor)?.CreatePlan());
            return plans;
        }
        finally
        {
            context.Unload();
        }
    }
}

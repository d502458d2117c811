using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using RunbookSdk.Execution;
using RunbookSdk.Hosting;

namespace RunbookSdk.Validation.Compiling;

/// <summary>
/// Emits the compiled project, loads it into a collectible load context and records each runbook's plan with its
/// handbook, the same way the runner does, and judges which required sections it has (<see cref="RequiredSections"/>). Only
/// <c>Define</c> runs, never a step. RunbookSdk itself is shared with the tool, so plans come back as our types.
/// </summary>
internal static class RecordedPlans
{
    /// <summary>Section presence by runbook id; empty when the project does not emit or load.</summary>
    /// <param name="compilation">The compilation including generated sources.</param>
    /// <param name="references">The compiled projects it references (a shared handbook project), loaded beside it when asked for.</param>
    public static IReadOnlyDictionary<string, RequiredSections> Record(Compilation compilation, IReadOnlyList<Compilation> references)
    {
        var result = new Dictionary<string, RequiredSections>(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        if (!compilation.Emit(stream).Success) return result;
        stream.Position = 0;

        var context = new AssemblyLoadContext("runbook-validate " + compilation.AssemblyName, isCollectible: true);
        context.Resolving += (loader, name) => references.FirstOrDefault(r => r.AssemblyName == name.Name) is { } reference && Emit(reference) is { } image
            ? loader.LoadFromStream(image)
            : null;
        try
        {
            var assembly = context.LoadFromStream(stream);
            var catalogType = assembly.GetType("RunbookSdk.Generated.GeneratedRunbookCatalog");
            if (catalogType?.GetProperty("Catalog", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) is not RunbookCatalog catalog) return result;

            foreach (var descriptor in catalog.Runbooks)
            {
                try
                {
                    var plan = descriptor.CreatePlan((Runbook)Activator.CreateInstance(descriptor.RunbookType)!);
                    var handbook = catalog.HandbookOf(descriptor)?.CreatePlan();
                    result[descriptor.Id] = RequiredSections.Of(plan, handbook);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // Define threw with default parameter values: the row falls back to the analyzers' judgement.
                }
            }
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException or TargetInvocationException)
        {
            // Not loadable here (a dependency the tool does not carry): fall back to the analyzers' judgement.
        }
        finally
        {
            context.Unload();
        }

        return result;
    }

    private static MemoryStream? Emit(Compilation compilation)
    {
        var image = new MemoryStream();
        if (!compilation.Emit(image).Success) return null;
        image.Position = 0;
        return image;
    }
}

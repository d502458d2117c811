using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using RunbookSdk.Execution;
using RunbookSdk.Hosting;

namespace RunbookSdk.Validation.Compiling;

/// <summary>Which required sections a runbook has, judged on its recorded plan.</summary>
/// <param name="Escalation">An escalation path applies.</param>
/// <param name="EscalationInherited">It comes from the handbook.</param>
/// <param name="Rollback">A rollback, or a waiver.</param>
/// <param name="RollbackWaived">The rollback is waived.</param>
/// <param name="Verification">A verification.</param>
internal sealed record SectionPresence(bool Escalation, bool EscalationInherited, bool Rollback, bool RollbackWaived, bool Verification);

/// <summary>
/// Emits the compiled project, loads it into a collectible load context and records each runbook's plan with its
/// handbook, the same way the runner does (<see cref="EffectiveEscalation"/> decides inheritance). Only
/// <c>Define</c> runs, never a step. RunbookSdk itself is shared with the tool, so plans come back as our types.
/// </summary>
internal static class RecordedPlans
{
    /// <summary>Section presence by runbook id; empty when the project does not emit or load.</summary>
    /// <param name="compilation">The compilation including generated sources.</param>
    /// <param name="references">The compiled projects it references (a shared handbook project), loaded beside it when asked for.</param>
    public static IReadOnlyDictionary<string, SectionPresence> Record(Compilation compilation, IReadOnlyList<Compilation> references)
    {
        var result = new Dictionary<string, SectionPresence>(StringComparer.Ordinal);
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
                    var escalation = EffectiveEscalation.Resolve(plan, handbook);
                    result[descriptor.Id] = new SectionPresence(
                        escalation.Levels.Count > 0, escalation.IsInherited,
                        plan.Rollback is not null || plan.NoRollbackReason is not null, plan.Rollback is null && plan.NoRollbackReason is not null,
                        plan.Verification is not null);
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

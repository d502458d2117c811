using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

// Also compiled into the analyzers: the generator lists a referenced runbook library's runbooks in an app's catalog,
// and RB0011 reports an app's runbook that takes the id of one of them, from the same parts.
namespace RunbookSdk.Hosting;

/// <summary>
/// The runbooks an assembly's own build embedded (<c>[assembly: GeneratedRunbook(typeof(FlushCache), header, …)]</c>,
/// one per runbook, written by the generator of the assembly's project): how a compilation learns the runbooks of a
/// library it references.
/// </summary>
internal static class GeneratedRunbookParts
{
    private const string AttributeName = "RunbookSdk.Hosting.GeneratedRunbookAttribute";
    private const string CatalogName = "RunbookSdk.Generated.GeneratedRunbookCatalog";

    // Read once per assembly symbol, which a build's compilations (and the IDE's, keystroke after keystroke) share.
    // Keyed weakly, so nothing outlives the compilations that use it.
    private static readonly ConditionalWeakTable<IAssemblySymbol, IReadOnlyList<(INamedTypeSymbol Type, string Id)>> s_parts = new();
    private static readonly IReadOnlyList<(INamedTypeSymbol Type, string Id)> s_none = new (INamedTypeSymbol, string)[0];

    /// <summary>The runbook classes embedded in <paramref name="assembly"/> with their ids; empty for most assemblies.</summary>
    public static IReadOnlyList<(INamedTypeSymbol Type, string Id)> Of(IAssemblySymbol assembly) => s_parts.GetValue(assembly, Read);

    private static IReadOnlyList<(INamedTypeSymbol Type, string Id)> Read(IAssemblySymbol assembly)
    {
        // Every project with runbooks gets the generated catalog class: looking it up by name is cheap, where reading
        // an assembly's attributes decodes them all. Framework and package assemblies stop here.
        if (assembly.GetTypeByMetadataName(CatalogName) is null) return s_none;
        List<(INamedTypeSymbol, string)>? parts = null;
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != AttributeName ||
                attribute.ConstructorArguments is not [{ Value: INamedTypeSymbol type }, { Value: string header }, ..] ||
                DescriptorEncoding.Values(header).TryGetValue(DescriptorEncoding.IdRecord, out var id) is false || id is null) continue;
            (parts ??= new List<(INamedTypeSymbol, string)>()).Add((type, id));
        }

        return parts ?? s_none;
    }
}

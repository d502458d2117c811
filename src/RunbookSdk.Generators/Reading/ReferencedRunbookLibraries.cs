using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using RunbookSdk.Hosting;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// A runbook library a compilation references: an assembly whose own build embedded runbooks (a project of runbooks
/// shared by several apps). The catalog hands it to the runtime, so the app can list and run them.
/// </summary>
/// <param name="AssemblyName">The library's assembly name.</param>
/// <param name="PublicRunbook">
/// A public runbook class of it, written for C# (<c>global::Ops.RestartApi</c>), through which the catalog names the
/// assembly (<c>typeof(…).Assembly</c>, checked by the compiler and kept by the trimmer); null when it has none, and
/// the catalog loads it by name.
/// </param>
internal sealed record ReferencedLibrary(string AssemblyName, string? PublicRunbook);

/// <summary>Finds the runbook libraries among a compilation's references.</summary>
internal static class ReferencedRunbookLibraries
{
    // What each referenced assembly is: the IDE asks on every keystroke, with a new compilation that shares the
    // previous one's assembly symbols. Keyed weakly, so nothing outlives the compilations that use it.
    private static readonly ConditionalWeakTable<IAssemblySymbol, ReferencedLibrary?[]> s_libraries = new();
    private static readonly ReferencedLibrary?[] s_none = { null };

    /// <summary>The runbook libraries <paramref name="compilation"/> references, ordered by assembly name.</summary>
    public static EquatableArray<ReferencedLibrary> Of(Compilation compilation, CancellationToken cancellationToken)
    {
        List<ReferencedLibrary>? found = null;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s_libraries.GetValue(assembly, Read)[0] is { } library) (found ??= new List<ReferencedLibrary>()).Add(library);
        }

        return found is null
            ? EquatableArray<ReferencedLibrary>.Empty
            : found.OrderBy(l => l.AssemblyName, StringComparer.Ordinal).ToEquatableArray();
    }

    private static ReferencedLibrary?[] Read(IAssemblySymbol assembly)
    {
        var runbooks = GeneratedRunbookParts.Of(assembly);
        if (runbooks.Count == 0) return s_none;
        string? publicRunbook = null;
        foreach (var (type, _) in runbooks)
        {
            if (!IsPublic(type)) continue;
            var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (publicRunbook is null || string.CompareOrdinal(name, publicRunbook) < 0) publicRunbook = name;
        }

        return new ReferencedLibrary?[] { new ReferencedLibrary(assembly.Identity.Name, publicRunbook) };
    }

    private static bool IsPublic(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaredAccessibility != Accessibility.Public) return false;
        }

        return !type.IsGenericType;
    }
}

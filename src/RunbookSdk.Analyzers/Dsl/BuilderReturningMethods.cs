using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Methods the DSL does not have that return a builder: a team's extension methods called between DSL calls
/// (<c>s.Run("…").Tag("x").Run("rm -rf /")</c>, <c>p.WithDefaults().Step(…)</c>), declared in this compilation or in a
/// referenced assembly built against RunbookSdk (a shared handbook project's helpers). The call itself stays unread
/// (<see cref="DslCallIndex.Opaque"/>: it may add anything), but the DSL calls chained after it are made on a builder and
/// are read. A method of that name that returns something else (a type of its own with a <c>Run</c>) is not followed.
/// </summary>
/// <remarks>
/// Asked by name only for a call on a builder that the DSL does not have, which few runbooks make: a name is looked up
/// in the compilation's declaration table, never bound, and the referenced assemblies are read once per compilation
/// and only when some such call is met.
/// </remarks>
internal sealed class BuilderReturningMethods(Compilation compilation, DslSymbols symbols)
{
    private readonly ConcurrentDictionary<string, bool> _byName = new(StringComparer.Ordinal);
    private HashSet<string>? _referenced;

    /// <summary>True when a method named <paramref name="name"/>, in source or in a referenced RunbookSdk library, returns a builder.</summary>
    public bool Contains(string name) => _byName.GetOrAdd(name, Find);

    private bool Find(string name)
    {
        if (compilation.ContainsSymbolsWithName(name, SymbolFilter.Member))
        {
            foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Member))
            {
                if (symbol is IMethodSymbol method && ReturnsBuilder(method)) return true;
            }
        }

        return Referenced().Contains(name);
    }

    private HashSet<string> Referenced()
    {
        if (_referenced is { } known) return known;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (BuiltAgainstRunbookSdk(assembly)) Collect(assembly.GlobalNamespace, names);
        }

        return _referenced = names; // the same set whichever thread wins
    }

    private static bool BuiltAgainstRunbookSdk(IAssemblySymbol assembly)
    {
        if (assembly.Identity.Name == "RunbookSdk") return true;
        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (reference.Name == "RunbookSdk") return true;
            }
        }

        return false;
    }

    /// <summary>The public static classes' methods that return a builder: where extension methods live.</summary>
    private void Collect(INamespaceSymbol space, HashSet<string> names)
    {
        foreach (var type in space.GetTypeMembers())
        {
            if (!type.IsStatic || type.DeclaredAccessibility != Accessibility.Public) continue;
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { DeclaredAccessibility: Accessibility.Public } method && ReturnsBuilder(method)) names.Add(method.Name);
            }
        }

        foreach (var nested in space.GetNamespaceMembers()) Collect(nested, names);
    }

    /// <summary>A builder, or a type parameter constrained to one (<c>T Owned&lt;T&gt;(this T step) where T : IStepBuilder</c>).</summary>
    private bool ReturnsBuilder(IMethodSymbol method)
    {
        if (symbols.IsBuilder(method.ReturnType)) return true;
        if (method.ReturnType is not ITypeParameterSymbol parameter) return false;
        foreach (var constraint in parameter.ConstraintTypes)
        {
            if (symbols.IsBuilder(constraint)) return true;
        }

        return false;
    }
}

using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Parameters;

/// <summary>
/// The classes of the compilation that derive from each class of it, found once, when first asked: a parameter a base
/// runbook declares is read by the runbooks deriving from it.
/// </summary>
internal sealed class DerivedClasses(Compilation compilation)
{
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _derived;

    /// <summary>The classes that derive from <paramref name="type"/>, directly or not.</summary>
    public IEnumerable<INamedTypeSymbol> Of(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var derived = Volatile.Read(ref _derived);
        if (derived is null)
        {
            derived = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            Collect(compilation.Assembly.GlobalNamespace, derived, cancellationToken);
            Interlocked.CompareExchange(ref _derived, derived, null);
            derived = _derived!;
        }

        var pending = new Stack<INamedTypeSymbol>();
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default) { type };
        pending.Push(type);
        while (pending.Count > 0)
        {
            if (!derived.TryGetValue(pending.Pop(), out var direct)) continue;
            foreach (var child in direct)
            {
                if (!seen.Add(child)) continue;
                pending.Push(child);
                yield return child;
            }
        }
    }

    private void Collect(INamespaceOrTypeSymbol container, Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> derived, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (container is INamespaceSymbol ns)
        {
            foreach (var inner in ns.GetNamespaceMembers()) Collect(inner, derived, cancellationToken);
        }

        foreach (var member in container.GetTypeMembers())
        {
            if (member.BaseType is { } baseType && SymbolEqualityComparer.Default.Equals(baseType.ContainingAssembly, compilation.Assembly))
            {
                if (!derived.TryGetValue(baseType.OriginalDefinition, out var list)) derived[baseType.OriginalDefinition] = list = new List<INamedTypeSymbol>();
                list.Add(member);
            }

            Collect(member, derived, cancellationToken);
        }
    }
}

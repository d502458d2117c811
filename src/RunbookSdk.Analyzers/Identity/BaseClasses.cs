using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Identity;

/// <summary>The classes of the compilation that another of its classes derives from, found once, when first asked.</summary>
internal sealed class BaseClasses(Compilation compilation)
{
    private HashSet<INamedTypeSymbol>? _bases;

    public bool IsBase(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var bases = Volatile.Read(ref _bases);
        if (bases is null)
        {
            bases = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            Collect(compilation.Assembly.GlobalNamespace, bases, cancellationToken);
            Interlocked.CompareExchange(ref _bases, bases, null);
            bases = _bases!;
        }

        return bases.Contains(type);
    }

    private void Collect(INamespaceOrTypeSymbol container, HashSet<INamedTypeSymbol> bases, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (container is INamespaceSymbol ns)
        {
            foreach (var inner in ns.GetNamespaceMembers()) Collect(inner, bases, cancellationToken);
        }

        foreach (var member in container.GetTypeMembers())
        {
            if (member.BaseType is { } baseType && SymbolEqualityComparer.Default.Equals(baseType.ContainingAssembly, compilation.Assembly))
                bases.Add(baseType.OriginalDefinition);
            Collect(member, bases, cancellationToken);
        }
    }
}

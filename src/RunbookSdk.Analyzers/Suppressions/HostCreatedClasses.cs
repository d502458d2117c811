using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Suppressions;

/// <summary>
/// Recognises the classes the runbook host creates and defines: not abstract, with <c>[Runbook]</c> and deriving from
/// <c>Runbook</c>, or with <c>[Handbook]</c> and deriving from <c>Handbook</c>. The generated catalog names each one;
/// the host creates it and calls its <c>Define</c> with a builder of its own.
/// </summary>
internal sealed class HostCreatedClasses
{
    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _runbook;
    private readonly INamedTypeSymbol _handbook;
    private readonly INamedTypeSymbol? _runbookAttribute;
    private readonly INamedTypeSymbol? _handbookAttribute;

    private HostCreatedClasses(Compilation compilation, INamedTypeSymbol runbook, INamedTypeSymbol handbook)
    {
        _compilation = compilation;
        _runbook = runbook;
        _handbook = handbook;
        _runbookAttribute = compilation.GetTypeByMetadataName("RunbookSdk.RunbookAttribute");
        _handbookAttribute = compilation.GetTypeByMetadataName("RunbookSdk.HandbookAttribute");
    }

    /// <summary>The recogniser for <paramref name="compilation"/>; null when it does not reference RunbookSdk.</summary>
    public static HostCreatedClasses? Of(Compilation compilation) =>
        compilation.GetTypeByMetadataName("RunbookSdk.Runbook") is { } runbook && compilation.GetTypeByMetadataName("RunbookSdk.Handbook") is { } handbook
            ? new HostCreatedClasses(compilation, runbook, handbook)
            : null;

    /// <summary>Whether <paramref name="declaration"/> declares a class the host creates.</summary>
    public bool Contains(ClassDeclarationSyntax declaration, System.Threading.CancellationToken cancellationToken) =>
        DeclaredType(declaration, cancellationToken) is { IsAbstract: false } type
        && ((Has(type, _runbookAttribute) && DerivesFrom(type, _runbook)) || (Has(type, _handbookAttribute) && DerivesFrom(type, _handbook)));

    /// <summary>
    /// The class <paramref name="declaration"/> declares, found by its name among the compilation's types rather than
    /// through a semantic model, which would bind the tree again (the analyzers never ask for one of their own).
    /// </summary>
    private INamedTypeSymbol? DeclaredType(ClassDeclarationSyntax declaration, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var symbol in _compilation.GetSymbolsWithName(declaration.Identifier.ValueText, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is not INamedTypeSymbol type) continue;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == declaration.SyntaxTree && reference.Span == declaration.Span) return type;
            }
        }

        return null;
    }

    private static bool Has(INamedTypeSymbol type, INamedTypeSymbol? attribute)
    {
        if (attribute is null) return false;
        foreach (var data in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)) return true;
        }

        return false;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType)) return true;
        }

        return false;
    }
}

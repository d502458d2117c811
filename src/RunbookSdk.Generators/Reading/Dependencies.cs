using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// The syntax trees a runbook's model was read from: its own, its base classes' and handbook's, and those of every
/// symbol the semantic model was asked about (a named constant, an alias). <see cref="RunbookReads"/> reuses the
/// model while all of them are unchanged. A read that consulted something it cannot name marks itself unknown and
/// is never reused.
/// </summary>
internal sealed class Dependencies
{
    private readonly HashSet<SyntaxTree> _trees = new();

    /// <summary>True when the model depends on something no tree stands for; it is then read again every time.</summary>
    public bool IsUnknown { get; private set; }

    public ImmutableArray<SyntaxTree> Trees => _trees.ToImmutableArray();

    public void Add(ISymbol? symbol)
    {
        if (symbol is null) return;
        foreach (var reference in symbol.DeclaringSyntaxReferences) _trees.Add(reference.SyntaxTree);
    }

    /// <summary>The symbol a name was bound to, or the candidates when it did not bind cleanly.</summary>
    private void Add(SymbolInfo info)
    {
        Add(info.Symbol);
        foreach (var candidate in info.CandidateSymbols) Add(candidate);
    }

    /// <summary>The declarations of every name in <paramref name="expression"/> (<c>"Drain " + Limits.Region</c>: Limits, Region).</summary>
    public void AddNamesIn(SyntaxNode expression, SemanticModel model)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax name) Add(model.GetSymbolInfo(name));
        }
    }

    public void MarkUnknown() => IsUnknown = true;
}

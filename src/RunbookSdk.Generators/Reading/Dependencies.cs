using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// The syntax trees a runbook's model was read from: its own, its base classes' and handbook's, and those of every
/// symbol the semantic model was asked about (a named constant and the names its value is made of, an alias). <see cref="RunbookReads"/> reuses the
/// model while all of them are unchanged. A read that consulted something it cannot name marks itself unknown and
/// is never reused.
/// </summary>
internal sealed class Dependencies
{
    private readonly HashSet<SyntaxTree> _trees = new();
    private readonly HashSet<ISymbol> _constants = new(SymbolEqualityComparer.Default);

    /// <summary>True when the model depends on something no tree stands for; it is then read again every time.</summary>
    public bool IsUnknown { get; private set; }

    public ImmutableArray<SyntaxTree> Trees => _trees.ToImmutableArray();

    public void Add(ISymbol? symbol)
    {
        if (symbol is null) return;
        foreach (var reference in symbol.DeclaringSyntaxReferences) _trees.Add(reference.SyntaxTree);
    }

    /// <summary>
    /// The symbol a name was bound to, or the candidates when it did not bind cleanly. A name that binds to nothing
    /// may be declared by the next keystroke in any file (a member of a class imported with <c>using static</c>),
    /// and no tree stands for that: the model is then read again every time, until the name binds.
    /// </summary>
    private void Add(SymbolInfo info, SemanticModel model)
    {
        if (info.Symbol is null && info.CandidateSymbols.IsEmpty)
        {
            MarkUnknown();
            return;
        }

        Add(info.Symbol, model);
        foreach (var candidate in info.CandidateSymbols) Add(candidate, model);
    }

    /// <summary>
    /// A named symbol's declarations and, for a constant, every name in its value, to its end: a runbook that reads
    /// <c>Limits.Title</c>, declared as <c>"Drain " + Queues.Region</c>, depends on the file of <c>Queues</c> too.
    /// </summary>
    private void Add(ISymbol? symbol, SemanticModel model)
    {
        Add(symbol);
        if (symbol is not (IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true }) || !_constants.Add(symbol)) return;
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value } && value is not LiteralExpressionSyntax)
                AddNamesIn(value, TypeReader.ModelFor(value, model)); // the model already asked when the constant is in its tree
        }
    }

    /// <summary>The declarations of every name in <paramref name="expression"/> (<c>"Drain " + Limits.Region</c>: Limits, Region), and of the names in their values.</summary>
    public void AddNamesIn(SyntaxNode expression, SemanticModel model)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is SimpleNameSyntax name && !IsNameof(name)) Add(model.GetSymbolInfo(name), model);
        }
    }

    public void MarkUnknown() => IsUnknown = true;

    /// <summary><c>nameof</c> binds to no symbol: it is an operator, unless a method of that name is in scope.</summary>
    private static bool IsNameof(SimpleNameSyntax name) =>
        name is IdentifierNameSyntax { Identifier.ValueText: "nameof", Parent: InvocationExpressionSyntax invocation } && invocation.Expression == name;
}

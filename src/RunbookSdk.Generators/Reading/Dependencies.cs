using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// What a runbook's model was read from: the syntax trees — its own, its base classes', and those of every symbol
/// the semantic model was asked about (a named constant and the names its value is made of, an alias) — and the
/// simple names that were looked up on the way (in those expressions, in the classes' attributes, base lists and the
/// usings in scope), which a type or namespace declared anywhere could make bind differently. <see cref="RunbookReads"/>
/// reuses the model while the trees are unchanged and no type or namespace of those names was declared or removed
/// (<see cref="CompilationVersion"/>). A read that consulted something it cannot name marks itself unknown and is
/// never reused.
/// </summary>
internal sealed class Dependencies
{
    private readonly HashSet<SyntaxTree> _trees = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<ISymbol> _constants = new(SymbolEqualityComparer.Default);

    /// <summary>True when the model depends on something no tree stands for; it is then read again every time.</summary>
    public bool IsUnknown { get; private set; }

    public ImmutableArray<SyntaxTree> Trees => _trees.ToImmutableArray();

    /// <summary>The simple names looked up while reading.</summary>
    public string[] Names
    {
        get
        {
            var names = new string[_names.Count];
            _names.CopyTo(names);
            return names;
        }
    }

    /// <summary>
    /// A class the model is read from (the runbook, a base class): its trees, its name, and the names its parts'
    /// attributes, base lists and usings in scope are written with — binding the class's attributes and base type looks
    /// them up.
    /// </summary>
    /// <param name="type">The class.</param>
    /// <param name="model">A semantic model of the compilation, for the classes its parts' <c>using static</c> directives import.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public void AddClass(INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
    {
        Add(type);
        _names.Add(type.Name);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration) continue;
            foreach (var list in declaration.AttributeLists) AddWrittenNames(list);
            if (declaration.BaseList is { } baseList) AddWrittenNames(baseList);
            AddUsingsInScope(declaration, model);
        }
    }

    /// <summary>
    /// A type the runbook is nested in: its members, and those it inherits, are in scope of every name the runbook
    /// looks up.
    /// </summary>
    public void AddContainingType(INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
    {
        AddClass(type, model, cancellationToken);
        for (var inherited = type.BaseType; inherited is not null; inherited = inherited.BaseType) Add(inherited);
    }

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
            {
                AddNamesIn(value, TypeReader.ModelFor(value, model)); // the model already asked when the constant is in its tree
                AddUsingsInScope(value, model);
            }
        }
    }

    /// <summary>The declarations of every name in <paramref name="expression"/> (<c>"Drain " + Limits.Region</c>: Limits, Region), and of the names in their values.</summary>
    public void AddNamesIn(SyntaxNode expression, SemanticModel model)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is not SimpleNameSyntax name || IsNameof(name)) continue;
            _names.Add(name.Identifier.ValueText);
            Add(model.GetSymbolInfo(name), model);
        }
    }

    public void MarkUnknown() => IsUnknown = true;

    private void AddWrittenNames(SyntaxNode node)
    {
        foreach (var descendant in node.DescendantNodes())
        {
            if (descendant is SimpleNameSyntax name) _names.Add(name.Identifier.ValueText);
        }
    }

    /// <summary>
    /// The names in the usings that apply at <paramref name="node"/>: a namespace declared inside the enclosing one
    /// (<c>Ops.Shared</c>) changes what <c>using Shared;</c> inside <c>namespace Ops { }</c> imports. And the classes
    /// <c>using static</c> imports: a member declared in one of them can make a name ambiguous that another's member
    /// answered, and no type name changes.
    /// </summary>
    private void AddUsingsInScope(SyntaxNode node, SemanticModel model)
    {
        SemanticModel? treeModel = null;
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            var usings = current switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            foreach (var directive in usings)
            {
                AddWrittenNames(directive);
                if (directive.StaticKeyword.RawKind == 0) continue;
                treeModel ??= TypeReader.ModelFor(node, model);
                var imported = treeModel.GetSymbolInfo(directive.NamespaceOrType);
                if (imported.Symbol is null && imported.CandidateSymbols.IsEmpty) MarkUnknown();
                Add(imported.Symbol);
                foreach (var candidate in imported.CandidateSymbols) Add(candidate);
            }
        }
    }

    /// <summary><c>nameof</c> binds to no symbol: it is an operator, unless a method of that name is in scope.</summary>
    private static bool IsNameof(SimpleNameSyntax name) =>
        name is IdentifierNameSyntax { Identifier.ValueText: "nameof", Parent: InvocationExpressionSyntax invocation } && invocation.Expression == name;
}

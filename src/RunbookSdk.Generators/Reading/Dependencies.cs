using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// What a runbook's model was read from: the syntax trees — of the types whose members are in scope of its code (its
/// own parts, the classes it derives from, the types it is nested in), of every symbol the semantic model was asked
/// about (a named constant, the names its value is made of and the types they are looked up in), of the classes
/// <c>using static</c> imports — and the simple names that were looked up on the way (in those expressions, in the
/// types' attributes, base lists and the usings in scope), which a type or namespace declared anywhere could make
/// bind differently. <see cref="RunbookReads"/> reuses the model while the trees are unchanged and no type or
/// namespace of those names was declared or removed (<see cref="CompilationVersion"/>). A read that consulted
/// something it cannot name marks itself unknown and is never reused.
/// </summary>
/// <param name="cancellationToken">Cancels the read.</param>
internal sealed class Dependencies(CancellationToken cancellationToken)
{
    private readonly HashSet<SyntaxTree> _trees = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<ISymbol> _constants = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _types = new(SymbolEqualityComparer.Default);
    // Every declaration and constant value of a file has the same usings in scope: each directive is read once.
    private readonly HashSet<UsingDirectiveSyntax> _usings = new();

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
    /// The types whose members are in scope of code written in <paramref name="type"/>: the type, the classes it
    /// derives from (and an interface's base interfaces), and the types it is nested in, with theirs.
    /// </summary>
    /// <param name="type">The runbook, or the class a constant is declared in.</param>
    /// <param name="model">A semantic model of the compilation, for the classes <c>using static</c> imports.</param>
    public void AddScopeOf(INamedTypeSymbol type, SemanticModel model)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType) AddMembersOf(current, model);
    }

    /// <summary>
    /// The scope of a runbook read without binding (<see cref="UnboundRunbook"/>): what <see cref="AddScopeOf"/> records,
    /// the class's own part read from its declaration and a team's base class as any type's, and the names looked up
    /// for its attributes and base class (<see cref="SdkNameScopes.SdkNames"/>): a type of the team's declared with one
    /// of them sends the runbook to binding.
    /// </summary>
    public void AddScopeOf(UnboundRunbook runbook)
    {
        _names.Add(runbook.Symbol.Name);
        _trees.Add(runbook.Declaration.SyntaxTree);
        AddDeclaration(runbook.Declaration, runbook.SemanticModel);
        if (runbook.TeamBase is { } teamBase) AddMembersOf(teamBase, runbook.SemanticModel);
        foreach (var name in SdkNameScopes.SdkNames) _names.Add(name);
    }

    /// <summary>
    /// What the compilation's <c>global using static</c> and <c>global using</c> alias directives depend on: they apply
    /// in every file, and what they name can change with the types they are written through (<see cref="AddTypeUsing"/>).
    /// The same for every runbook of a compilation, so read once per version (<see cref="CompilationVersion"/>) and
    /// included in each read (<see cref="Include"/>).
    /// </summary>
    public static Dependencies OfGlobalTypeUsings(ImmutableArray<UsingDirectiveSyntax> directives, Compilation compilation, CancellationToken cancellationToken)
    {
        var dependencies = new Dependencies(cancellationToken);
        foreach (var directive in directives) dependencies.AddTypeUsing(directive, compilation.GetSemanticModel(directive.SyntaxTree));
        // Kept with the version: the symbols would keep its compilation alive, and only the trees and names are included.
        dependencies._types.Clear();
        dependencies._constants.Clear();
        dependencies._usings.Clear();
        return dependencies;
    }

    /// <summary>Adds what <paramref name="other"/> depends on to this read's dependencies.</summary>
    public void Include(Dependencies other)
    {
        _trees.UnionWith(other._trees);
        _names.UnionWith(other._names);
        if (other.IsUnknown) MarkUnknown();
    }

    /// <summary>The declarations of every name in <paramref name="expression"/> (<c>"Drain " + Limits.Region</c>: Limits, Region), and of the names in their values.</summary>
    public void AddNamesIn(SyntaxNode expression, SemanticModel model)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is not SimpleNameSyntax name) continue;
            _names.Add(name.Identifier.ValueText);
            if (IsNameof(name)) AddNameofCandidates(name, model);
            else Add(model.GetSymbolInfo(name, cancellationToken), model);
        }
    }

    /// <summary>
    /// An attribute bound to tell whether it is ours (<c>[Parameter]</c>): the names it is written with, also with the
    /// <c>Attribute</c> suffix C# tries first — a team's <c>ParameterAttribute</c> declared in a new file can change
    /// what it binds to — and what it bound to.
    /// </summary>
    public void AddAttribute(AttributeSyntax attribute, SymbolInfo bound, SemanticModel model)
    {
        AddAttributeNames(attribute);
        Add(bound, model);
    }

    /// <summary>The names an attribute is written with, also with the <c>Attribute</c> suffix C# tries first.</summary>
    public void AddAttributeNames(AttributeSyntax attribute)
    {
        foreach (var node in attribute.Name.DescendantNodesAndSelf())
        {
            if (node is not SimpleNameSyntax name) continue;
            _names.Add(name.Identifier.ValueText);
            _names.Add(name.Identifier.ValueText + "Attribute");
        }
    }

    public void MarkUnknown() => IsUnknown = true;

    /// <summary>What a call or name the reader bound (<paramref name="bound"/>) depends on: see <see cref="Add(SymbolInfo, SemanticModel)"/>.</summary>
    public void AddBinding(SymbolInfo bound, SemanticModel model) => Add(bound, model);

    /// <summary>
    /// <c>nameof(x)</c> is the operator unless something named <c>nameof</c> in scope can be called — a method, or a
    /// field or local of a delegate type: what is there is recorded, with the type that decides whether it can.
    /// </summary>
    private void AddNameofCandidates(SimpleNameSyntax name, SemanticModel model)
    {
        foreach (var candidate in model.LookupSymbols(name.SpanStart, name: "nameof"))
        {
            AddTrees(candidate);
            var type = candidate switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                ILocalSymbol local => local.Type,
                _ => null,
            };
            if (type is INamedTypeSymbol named) AddReferencedType(named, model);
        }
    }

    /// <summary>A type named in a declaration: its name, and its declarations (what kind of type it is).</summary>
    private void AddReferencedType(INamedTypeSymbol type, SemanticModel model)
    {
        _names.Add(type.Name);
        AddMembersOf(type, model);
    }

    /// <summary>
    /// A type a member is looked up in (<c>Limits.Title</c>, or the scope of code): its parts, its name and the names
    /// its parts are declared with, and the same of every class it derives from — a member declared in any of them,
    /// or a new part of one in a new file, can change what the lookup finds. Metadata types are fixed by the references.
    /// </summary>
    private void AddMembersOf(INamedTypeSymbol type, SemanticModel model)
    {
        for (INamedTypeSymbol? current = type; current is not null && TypeReader.IsDeclaredIn(current, model.Compilation); current = current.BaseType)
        {
            if (!_types.Add(current)) return; // and the classes it derives from, with it
            AddDeclarations(current, model);
            if (current.TypeKind != TypeKind.Interface) continue;
            foreach (var inherited in current.AllInterfaces)
            {
                if (TypeReader.IsDeclaredIn(inherited, model.Compilation) && _types.Add(inherited)) AddDeclarations(inherited, model);
            }
        }
    }

    /// <summary>
    /// A type's parts: their trees, its name, and the names its attributes, base list and the usings in scope are
    /// written with — binding the type's attributes and base types looks them up.
    /// </summary>
    private void AddDeclarations(INamedTypeSymbol type, SemanticModel model)
    {
        _names.Add(type.Name);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            _trees.Add(reference.SyntaxTree);
            if (reference.GetSyntax(cancellationToken) is BaseTypeDeclarationSyntax declaration) AddDeclaration(declaration, model);
        }
    }

    private void AddDeclaration(BaseTypeDeclarationSyntax declaration, SemanticModel model)
    {
        foreach (var list in declaration.AttributeLists) AddWrittenNames(list);
        if (declaration.BaseList is { } baseList) AddTypeNames(baseList, TypeReader.ModelFor(declaration, model));
        AddUsingsInScope(declaration, model);
    }

    private void AddTrees(ISymbol symbol)
    {
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
    /// A named symbol's declarations; for a type, the types its members are looked up in; for a constant, every name
    /// in its value, to its end, looked up in the scope of the type that declares it: a runbook that reads
    /// <c>Limits.Title</c>, declared as <c>"Drain " + Queues.Region</c>, depends on the file of <c>Queues</c> too.
    /// </summary>
    private void Add(ISymbol? symbol, SemanticModel model)
    {
        switch (symbol)
        {
            case null:
                return;
            case INamedTypeSymbol type:
                AddMembersOf(type, model);
                return;
            case INamespaceSymbol:
                return; // what it holds is types, whose names the compilation's version compares
            case IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true }:
                AddTrees(symbol);
                if (_constants.Add(symbol)) AddValueOf(symbol, model);
                return;
            default:
                AddTrees(symbol);
                return;
        }
    }

    private void AddValueOf(ISymbol constant, SemanticModel model)
    {
        // Another project's constant (its syntax comes with a compilation reference) is fixed by the references, as metadata is.
        if (!TypeReader.IsDeclaredIn(constant, model.Compilation)) return;
        if (constant.ContainingType is { } containingType) AddScopeOf(containingType, model);
        foreach (var reference in constant.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case VariableDeclaratorSyntax { Initializer.Value: var value } declarator:
                    // The declared type decides what the value may be (`null` only for a reference type).
                    if (declarator.Parent is VariableDeclarationSyntax { Type: { IsVar: false } type }) AddTypeNames(type, TypeReader.ModelFor(type, model), bindAll: true);
                    AddValue(value, model);
                    break;
                case EnumMemberDeclarationSyntax { Parent: EnumDeclarationSyntax declaration }:
                    // A member without a value is the one before it plus one: every value in the enum can count.
                    foreach (var member in declaration.Members)
                    {
                        if (member.EqualsValue is { Value: var memberValue }) AddValue(memberValue, model);
                    }

                    break;
            }
        }
    }

    private void AddValue(ExpressionSyntax value, SemanticModel model)
    {
        if (value is LiteralExpressionSyntax) return;
        AddNamesIn(value, TypeReader.ModelFor(value, model)); // the model already asked when the constant is in its tree
        AddUsingsInScope(value, model);
    }

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
    /// <c>using static</c> imports.
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
                if (!_usings.Add(directive)) continue;
                if (directive.StaticKeyword.RawKind == 0 && directive.Alias is null)
                {
                    AddWrittenNames(directive); // a namespace, named through namespaces
                    continue;
                }

                AddTypeUsing(directive, treeModel ??= TypeReader.ModelFor(node, model));
            }
        }
    }

    /// <summary>
    /// A <c>using static</c> or alias directive: its names, the types it is written through, and for <c>using
    /// static</c> the class it imports — a member declared in it can make a name ambiguous that another class's member
    /// answered, and no type name changes.
    /// </summary>
    private void AddTypeUsing(UsingDirectiveSyntax directive, SemanticModel treeModel)
    {
        AddTypeNames(directive.NamespaceOrType, treeModel);
        if (directive.StaticKeyword.RawKind != 0) Add(treeModel.GetSymbolInfo(directive.NamespaceOrType, cancellationToken), treeModel);
    }

    /// <summary>
    /// The names a type is written with (a base list, a using's target, a constant's type), and the types it is
    /// written through: in <c>Outer.Limits</c>, which <c>Limits</c> is meant depends on <c>Outer</c>'s members and the
    /// classes it derives from. The rightmost type itself counts by its name only (a handbook named in
    /// <c>Runbook&lt;OpsHandbook&gt;</c> is not read), unless <paramref name="bindAll"/>.
    /// </summary>
    private void AddTypeNames(SyntaxNode written, SemanticModel treeModel, bool bindAll = false)
    {
        foreach (var node in written.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case SimpleNameSyntax name:
                    _names.Add(name.Identifier.ValueText);
                    if (bindAll && treeModel.GetSymbolInfo(name, cancellationToken).Symbol is INamedTypeSymbol type) AddReferencedType(type, treeModel);
                    break;
                case QualifiedNameSyntax qualified:
                    if (treeModel.GetSymbolInfo(qualified.Left, cancellationToken).Symbol is INamedTypeSymbol through) AddMembersOf(through, treeModel);
                    break;
            }
        }
    }

    /// <summary><c>nameof</c> binds to no symbol: it is an operator, unless a method of that name is in scope.</summary>
    private static bool IsNameof(SimpleNameSyntax name) =>
        name is IdentifierNameSyntax { Identifier.ValueText: "nameof", Parent: InvocationExpressionSyntax invocation } && invocation.Expression == name;
}

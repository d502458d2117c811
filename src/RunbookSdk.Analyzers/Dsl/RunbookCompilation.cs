using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Per-compilation state shared by the analyzers: the DSL symbols, the facts of every Define read so far,
/// and the index of runbook ids. Created lazily once per compilation.
/// </summary>
internal sealed class RunbookCompilation
{
    private static readonly ConditionalWeakTable<Compilation, Holder> s_cache = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<INamedTypeSymbol, DocumentFacts> _facts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, DslCallIndex> _indexes = new();
    private readonly Lazy<IdDeclarations> _ids;
    private readonly Lazy<Dictionary<string, INamedTypeSymbol>> _referencedRunbookIds;

    private RunbookCompilation(Compilation compilation, DslSymbols symbols)
    {
        _compilation = compilation;
        Symbols = symbols;
        TypeNames = new TypeNames(compilation);
        Syntax = new DslSyntax(symbols);
        _ids = new Lazy<IdDeclarations>(() => IdDeclarations.Read(compilation));
        _referencedRunbookIds = new Lazy<Dictionary<string, INamedTypeSymbol>>(() => ReferencedRunbookIds(compilation));
    }

    public DslSymbols Symbols { get; }

    /// <summary>Recognises DSL calls from syntax.</summary>
    public DslSyntax Syntax { get; }

    /// <summary>Resolves type names in constants (<c>Limits.Region</c>) from declarations, without binding.</summary>
    public TypeNames TypeNames { get; }

    public static RunbookCompilation? For(Compilation compilation) =>
        s_cache.GetValue(compilation, static c => new Holder(DslSymbols.TryCreate(c) is { } symbols ? new RunbookCompilation(c, symbols) : null)).Value;

    /// <summary>
    /// Types in this compilation whose <c>[Runbook]</c> (<paramref name="handbook"/>: <c>[Handbook]</c>) id is
    /// <paramref name="id"/>. Only the types whose declarations may carry it are bound (<see cref="IdDeclarations"/>).
    /// </summary>
    public IEnumerable<INamedTypeSymbol> TypesWithId(string id, bool handbook)
    {
        var attributeType = handbook ? Symbols.HandbookAttribute : Symbols.RunbookAttribute;
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var metadataName in _ids.Value.CandidatesFor(id, handbook))
        {
            if (_compilation.Assembly.GetTypeByMetadataName(metadataName) is { } type && seen.Add(type) && IdOf(type, attributeType).Id == id)
                yield return type;
        }
    }

    /// <summary>
    /// A runbook of a referenced runbook library (one whose build embedded its runbooks) with the id
    /// <paramref name="id"/>, or null. The app's catalog lists those runbooks beside its own.
    /// </summary>
    public INamedTypeSymbol? ReferencedRunbookWithId(string id) =>
        _referencedRunbookIds.Value.TryGetValue(id, out var type) ? type : null;

    private static Dictionary<string, INamedTypeSymbol> ReferencedRunbookIds(Compilation compilation)
    {
        var ids = new Dictionary<string, INamedTypeSymbol>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            foreach (var (type, id) in RunbookSdk.Hosting.GeneratedRunbookParts.Of(assembly))
            {
                if (!ids.ContainsKey(id)) ids.Add(id, type);
            }
        }

        return ids;
    }

    /// <summary>What the type's Define says, following <c>base.Define(...)</c> and inherited Define methods.</summary>
    public DocumentFacts FactsOf(INamedTypeSymbol type) => _facts.GetOrAdd(type, t => Read(t, depth: 0));

    /// <summary>
    /// What <paramref name="tree"/> does with builders — its DSL calls in source order and the uses the rules cannot
    /// follow — found once per tree and compilation and shared by every rule.
    /// </summary>
    public DslCallIndex IndexOf(SyntaxTree tree, CancellationToken cancellationToken) =>
        _indexes.GetOrAdd(tree, t => DslCallIndex.Build(Syntax, t.GetRoot(cancellationToken)));

    /// <summary>The first string argument of the attribute, e.g. the id of <c>[Runbook("id")]</c>.</summary>
    public static (string? Id, AttributeData? Attribute) IdOf(INamedTypeSymbol type, INamedTypeSymbol? attributeType)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)) continue;
            var id = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            return (id, attribute);
        }

        return (null, null);
    }

    private DocumentFacts Read(INamedTypeSymbol type, int depth)
    {
        if (depth > 8) return DocumentFacts.Unknown;
        var define = type.GetMembers("Define").OfType<IMethodSymbol>()
            .FirstOrDefault(m => !m.IsStatic && m.Parameters.Length == 1 && Symbols.IsBuilder(m.Parameters[0].Type));
        if (define is null)
        {
            // Define inherited from an intermediate base class of the user's own.
            return type.BaseType is { } baseType && baseType.Locations.Any(l => l.IsInSource) ? Read(baseType, depth + 1) : DocumentFacts.Unknown;
        }

        if (define.IsAbstract) return DocumentFacts.Unknown;
        var declaration = define.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        // A handbook of another project, seen as metadata in a build: what its generated part says of it.
        if (declaration is null) return GeneratedHandbookFacts.Read(type) ?? DocumentFacts.Unknown;
        if (declaration.Body is null && declaration.ExpressionBody is null) return DocumentFacts.Unknown;

        // The handbook's Define usually lives in another file: section rules are judged after inheritance, so they
        // need it. Read from syntax, once per type and compilation; no semantic model, so nothing is bound.
        var values = new SyntaxValues(this, define.ContainingType, fallback: null, System.Threading.CancellationToken.None);
        return DefineReader.Read(this, values, declaration, baseType => ReadBase(baseType, depth + 1), define.ContainingType,
            use => ReadHelper(use, define.ContainingType, depth + 1));
    }

    /// <summary>
    /// What a helper a Define hands a builder to adds (<c>Helpers.AddAll(rb)</c> with <c>public static void
    /// AddAll(IRunbookBuilder rb) =&gt; rb.NoRollback(…)</c>), read as a Define is: the one method in source the arguments
    /// as written fit (<see cref="SourceCallees"/>) with a body — a static method of another class, a method of the
    /// runbook's own class called by its name or <c>this.Name</c> (<c>AddAll(rb)</c>), or a local function of Define.
    /// Null when there is none — a referenced assembly's, an overloaded name, an abstract or virtual method a derived
    /// class may replace — which leaves the sections it may add unread, as before. Asked only of a Define that hands a
    /// builder that can declare a section to code it does not follow.
    /// </summary>
    private DocumentFacts? ReadHelper(InvocationExpressionSyntax use, INamedTypeSymbol type, int depth)
    {
        if (depth > 8) return null;
        var callees = SourceCallees.Of(use, this, type, ownType: true);
        if (callees.Count != 1 || callees[0] is not (var helper, _, { } helperType) || !HasReadableBody(helper)) return null;
        var values = new SyntaxValues(this, helperType, fallback: null, System.Threading.CancellationToken.None);
        // A helper of the runbook's class, or a local function of its Define, may call base.Define(b) with the builder
        // it is given: the base's sections count there, as in Define.
        return DefineReader.Read(this, values, helper, baseType => ReadBase(baseType, depth + 1), helperType,
            inner => ReadHelper(inner, helperType, depth + 1));
    }

    /// <summary>What the base class's <c>Define</c> that <c>base.Define(rb)</c> calls says; unknown without a base.</summary>
    private DocumentFacts ReadBase(INamedTypeSymbol? baseType, int depth) => baseType is null ? DocumentFacts.Unknown : Read(baseType, depth);

    /// <summary>
    /// A method or local function whose body is the code that runs: not abstract, and not one a derived class may
    /// override (<c>virtual</c>, <c>override</c> of a class not sealed), whose body may not be what runs.
    /// </summary>
    private static bool HasReadableBody(SyntaxNode helper) => helper switch
    {
        LocalFunctionStatementSyntax local => local.Body is not null || local.ExpressionBody is not null,
        MethodDeclarationSyntax method => (method.Body is not null || method.ExpressionBody is not null) && !BuilderMethodSyntax.MayBeReplaced(method),
        _ => false,
    };

    private sealed class Holder(RunbookCompilation? value)
    {
        public RunbookCompilation? Value { get; } = value;
    }
}

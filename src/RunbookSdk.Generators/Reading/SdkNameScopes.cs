using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// What the names a runbook's declaration is written with mean in one scope of one compilation, looked up the way C#
/// looks names up, without binding any attribute or base list (<see cref="UnboundRunbook"/>). A scope is the class's
/// namespaces and the usings at each level, written the same way (<see cref="UnboundRunbook.ScopeKey"/>): a thousand
/// runbooks of one namespace and the same usings ask once. Kept per compilation, so the symbols it holds are that
/// compilation's.
/// </summary>
internal sealed class SdkNameScopes
{
    /// <summary>
    /// The names C# looks up for <c>[Runbook]</c>, <c>Runbook&lt;THandbook&gt;</c>, <c>[Parameter]</c> and
    /// <c>[Secret]</c> (an attribute is looked up with and without the <c>Attribute</c> suffix).
    /// </summary>
    public static readonly ImmutableArray<string> SdkNames =
        ["Runbook", "RunbookAttribute", "Parameter", "ParameterAttribute", "Secret", "SecretAttribute"];

    private readonly ConcurrentDictionary<string, bool> _sdkNamesAreOurs = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Scope, string Name), INamedTypeSymbol?> _classes = new();
    private readonly ConcurrentDictionary<string, bool> _nonGenericRunbookIsOurs = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _settledBases = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// True when every one of <see cref="SdkNames"/> means only RunbookSdk's types at <paramref name="position"/>
    /// (no type or namespace of the team's, in the class's namespaces or imported, has one of those names), and
    /// RunbookSdk's <c>Runbook&lt;THandbook&gt;</c>, whose nested types a property's attribute is looked up in next,
    /// declares none of them either. <paramref name="position"/> is the class's attributes, where C# also sees the
    /// nested types the class inherits: the scope's answer is its namespaces' answer, or false when the first class
    /// asked inherits one of those names. A team's base class is checked for every class (<see cref="IsSettledBase"/>).
    /// </summary>
    public bool SdkNamesAreOurs(string scope, SemanticModel model, int position) =>
        _sdkNamesAreOurs.GetOrAdd(scope, _ => LookUpSdkNames(model, position));

    /// <summary>
    /// The one class <paramref name="name"/> means at <paramref name="position"/>, a base list, as a base class or type
    /// argument written there means it; null when it means nothing, more than one thing, or something else.
    /// </summary>
    public INamedTypeSymbol? ClassNamed(string scope, string name, SemanticModel model, int position) =>
        _classes.GetOrAdd((scope, name), key =>
            model.LookupNamespacesAndTypes(position, name: key.Name) is [INamedTypeSymbol { TypeKind: TypeKind.Class, Arity: 0 } found]
                ? found
                : null);

    /// <summary>
    /// True when <c>Runbook</c> written without type arguments at <paramref name="position"/>, a base list, means
    /// RunbookSdk's runbook without a handbook. Asked after <see cref="SdkNamesAreOurs"/>.
    /// </summary>
    public bool NonGenericRunbookIsOurs(string scope, SemanticModel model, int position) =>
        _nonGenericRunbookIsOurs.GetOrAdd(scope, _ =>
            model.LookupNamespacesAndTypes(position, name: "Runbook").OfType<INamedTypeSymbol>().Where(t => t.Arity == 0).ToList() is [var found] && IsOurs(found));

    /// <summary>
    /// True when <paramref name="teamBase"/>, a team's class a runbook derives from, and every class between it and
    /// RunbookSdk's <c>Runbook</c> declare no type of one of <see cref="SdkNames"/> (a runbook's property attributes
    /// are looked up in their nested types before its namespaces), and the chain reaches RunbookSdk's <c>Runbook</c>.
    /// Binding the team's base list happens here, once per compilation for all the runbooks that derive from it.
    /// </summary>
    public bool IsSettledBase(INamedTypeSymbol teamBase) =>
        _settledBases.GetOrAdd(teamBase, static type =>
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (IsOurs(current.OriginalDefinition)) return current.Name == "Runbook";
                if (current.IsSealed || current.IsStatic || current.Arity != 0) return false;
                if (SdkNames.Any(name => !current.GetTypeMembers(name).IsEmpty)) return false;
            }

            return false;
        });

    private static bool LookUpSdkNames(SemanticModel model, int position)
    {
        INamedTypeSymbol? runbookBase = null;
        foreach (var name in SdkNames)
        {
            var found = model.LookupNamespacesAndTypes(position, name: name);
            // The attribute classes must be found; the shorter names may mean nothing, but never something of the team's.
            if (!found.All(IsOurs) || (found.IsEmpty && name.EndsWith("Attribute", System.StringComparison.Ordinal))) return false;
            runbookBase ??= found.OfType<INamedTypeSymbol>().FirstOrDefault(t => t.Name == "Runbook" && t.Arity == 1);
        }

        if (runbookBase is null) return false;
        for (var type = runbookBase.OriginalDefinition; type is not null; type = type.BaseType)
        {
            if (SdkNames.Any(name => !type.GetTypeMembers(name).IsEmpty)) return false;
        }

        return true;
    }

    private static bool IsOurs(ISymbol symbol) =>
        symbol is INamedTypeSymbol { ContainingType: null, ContainingNamespace: { Name: SdkAttributes.Namespace } ns }
        && ns.ContainingNamespace is { IsGlobalNamespace: true };
}

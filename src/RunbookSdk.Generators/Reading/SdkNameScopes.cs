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

    /// <summary>
    /// True when every one of <see cref="SdkNames"/> means only RunbookSdk's types at <paramref name="position"/>
    /// (no type or namespace of the team's, in the class's namespaces or imported, has one of those names), and
    /// RunbookSdk's <c>Runbook&lt;THandbook&gt;</c>, whose nested types a property's attribute is looked up in next,
    /// declares none of them either.
    /// </summary>
    public bool SdkNamesAreOurs(string scope, SemanticModel model, int position) =>
        _sdkNamesAreOurs.GetOrAdd(scope, _ => LookUpSdkNames(model, position));

    /// <summary>
    /// The one class <paramref name="name"/> means at <paramref name="position"/>, as a type argument written there
    /// means it; null when it means nothing, more than one thing, or something else.
    /// </summary>
    public INamedTypeSymbol? ClassNamed(string scope, string name, SemanticModel model, int position) =>
        _classes.GetOrAdd((scope, name), key =>
            model.LookupNamespacesAndTypes(position, name: key.Name) is [INamedTypeSymbol { TypeKind: TypeKind.Class, Arity: 0 } found]
                ? found
                : null);

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

using Microsoft.CodeAnalysis;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Whether a bound attribute class is one of RunbookSdk's: by its name and namespace, never by the name an attribute is
/// written with. A team's own <c>Ops.ParameterAttribute</c> is not ours; an alias of ours is.
/// </summary>
internal static class SdkAttributes
{
    public const string Namespace = "RunbookSdk";
    public const string Runbook = "RunbookAttribute";
    public const string Parameter = "ParameterAttribute";
    public const string Secret = "SecretAttribute";

    /// <summary>True when <paramref name="type"/> is <c>RunbookSdk.<paramref name="typeName"/></c>.</summary>
    public static bool Is(INamedTypeSymbol? type, string typeName) =>
        type is { ContainingType: null, ContainingNamespace: { Name: Namespace } ns } && type.Name == typeName
        && ns.ContainingNamespace is { IsGlobalNamespace: true };
}

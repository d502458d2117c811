using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Whether code is written in a type's own declarations (any of its partial parts): a finding in an intermediate base
/// class is reported once, on that class, not again for each runbook deriving from it.
/// </summary>
internal static class DeclaredIn
{
    /// <summary>True when <paramref name="location"/> lies inside one of <paramref name="type"/>'s declarations.</summary>
    public static bool Type(INamedTypeSymbol type, Location location)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == location.SourceTree && reference.Span.Contains(location.SourceSpan)) return true;
        }

        return false;
    }
}

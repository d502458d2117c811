using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Model;
using RunbookSdk.Hosting;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Reads a runbook's handbook when its class is compiled in another assembly — a metadata reference in a build,
/// another project's compilation in the IDE and <c>runbook validate</c> — where its <c>Define</c> cannot be read: its
/// id from <c>[Handbook("id")]</c>, and its title, severity levels and escalation from the part that assembly's
/// generator embedded (<c>[assembly: GeneratedHandbook(typeof(...), header, page)]</c>), so the runbook's page shows
/// the escalation it inherits, as a handbook of the same project would.
/// </summary>
internal static class ReferencedHandbookReader
{
    private const string HandbookAttribute = "RunbookSdk.HandbookAttribute";

    /// <summary>Null for a handbook of the runbook's own assembly (the handbook pipeline reads it) or one without an id.</summary>
    public static ReferencedHandbook? Read(INamedTypeSymbol runbook, INamedTypeSymbol handbook, CancellationToken cancellationToken)
    {
        if (handbook.TypeKind == TypeKind.Error || SymbolEqualityComparer.Default.Equals(handbook.ContainingAssembly, runbook.ContainingAssembly)) return null;
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var attribute in handbook.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != HandbookAttribute) continue;
            if (attribute.ConstructorArguments is [{ Value: string id }] && id.Length > 0)
                return new ReferencedHandbook(id, handbook.ToDisplayString(), handbook.ContainingAssembly.Name, Facts(handbook, cancellationToken));
        }

        return null;
    }

    private static ReferencedHandbookFacts? Facts(INamedTypeSymbol handbook, CancellationToken cancellationToken) =>
        GeneratedHandbookHeader.Of(handbook, cancellationToken) is not { } header ? null : new ReferencedHandbookFacts(
            header.Title ?? handbook.Name,
            header.Severities.Select(s => new SeverityModel(s.Key, s.Name, s.ResponseSource is null ? null : new DurationModel(s.Response, s.ResponseSource), null, EquatableArray<string>.Empty)).ToEquatableArray(),
            header.Escalation.Select(l => new EscalationLevelModel(l.Who, new DurationModel(l.After, l.AfterSource), l.Contact)).ToEquatableArray());
}

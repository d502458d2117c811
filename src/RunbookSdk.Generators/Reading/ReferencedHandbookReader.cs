using System.Collections.Generic;
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
    private const string GeneratedHandbookAttribute = "RunbookSdk.Hosting.GeneratedHandbookAttribute";

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

    private static ReferencedHandbookFacts? Facts(INamedTypeSymbol handbook, CancellationToken cancellationToken)
    {
        // The assembly's attributes are decoded once per assembly symbol, which a build's references share.
        foreach (var attribute in handbook.ContainingAssembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.ConstructorArguments is not [{ Value: INamedTypeSymbol type }, { Value: string header }, ..] ||
                !SymbolEqualityComparer.Default.Equals(type, handbook) ||
                attribute.AttributeClass?.ToDisplayString() != GeneratedHandbookAttribute) continue;
            return Decode(header, handbook.Name);
        }

        return null;
    }

    private static ReferencedHandbookFacts Decode(string header, string typeName)
    {
        var title = typeName;
        var severities = new List<SeverityModel>();
        var escalation = new List<EscalationLevelModel>();
        foreach (var (record, fields) in DescriptorEncoding.Records(header))
        {
            switch (record)
            {
                case DescriptorEncoding.TitleRecord when fields is [{ } text, ..]:
                    title = text;
                    break;
                case DescriptorEncoding.SeverityLevelRecord when fields is [{ } key, { } name, var ticks, var source, ..]:
                    var response = source is null ? null : new DurationModel(DescriptorEncoding.ReadTicks(ticks), source);
                    severities.Add(new SeverityModel(key, name, response, null, EquatableArray<string>.Empty));
                    break;
                case DescriptorEncoding.EscalationRecord when fields is [{ } who, var ticks, { } source, var contact, ..]:
                    escalation.Add(new EscalationLevelModel(who, new DurationModel(DescriptorEncoding.ReadTicks(ticks), source), contact));
                    break;
            }
        }

        return new ReferencedHandbookFacts(title, severities.ToEquatableArray(), escalation.ToEquatableArray());
    }
}

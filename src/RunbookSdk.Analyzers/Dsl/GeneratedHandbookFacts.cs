using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RunbookSdk.Hosting;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// What a build can know of a handbook compiled in another project, which it sees only as metadata (no
/// <c>Define</c> to read): the severity and escalation levels that project's generator wrote into the handbook's part,
/// <c>[assembly: GeneratedHandbook(typeof(OpsHandbook), header, page)]</c>. RB0001 and RB0009 then judge an inherited
/// escalation in a build as they do in the IDE, where the other project's source is at hand.
/// </summary>
internal static class GeneratedHandbookFacts
{
    private const string GeneratedHandbookAttribute = "RunbookSdk.Hosting.GeneratedHandbookAttribute";

    /// <summary>The facts of <paramref name="handbook"/>'s generated part, or null when its assembly has none.</summary>
    public static DocumentFacts? Read(INamedTypeSymbol handbook)
    {
        foreach (var attribute in handbook.ContainingAssembly.GetAttributes())
        {
            if (attribute.ConstructorArguments is not [{ Value: INamedTypeSymbol type }, { Value: string header }, ..] ||
                !SymbolEqualityComparer.Default.Equals(type, handbook) ||
                attribute.AttributeClass?.ToDisplayString() != GeneratedHandbookAttribute) continue;
            return Decode(header);
        }

        return null;
    }

    private static DocumentFacts Decode(string header)
    {
        var levels = ImmutableArray.CreateBuilder<EscalationLevelFact>();
        var responseTimes = ImmutableDictionary.CreateBuilder<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (record, fields) in DescriptorEncoding.Records(header))
        {
            switch (record)
            {
                case DescriptorEncoding.SeverityLevelRecord when fields is [{ } key, _, var ticks, ..] && DescriptorEncoding.ReadTicks(ticks) is { } response:
                    responseTimes[key] = response;
                    break;
                case DescriptorEncoding.EscalationRecord when fields is [{ } who, var ticks, ..]:
                    levels.Add(new EscalationLevelFact(who, DescriptorEncoding.ReadTicks(ticks), Location.None, Location.None));
                    break;
            }
        }

        return new DocumentFacts
        {
            HasEscalation = levels.Count > 0,
            EscalationLevels = levels.ToImmutable(),
            ResponseTimes = responseTimes.ToImmutable(),
        };
    }
}

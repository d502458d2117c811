using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RunbookSdk.Hosting;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// What a build can know of a handbook compiled in another project, which it sees only as metadata (no
/// <c>Define</c> to read): the severity and escalation levels and the communication templates that project's generator
/// wrote into the handbook's part,
/// <c>[assembly: GeneratedHandbook(typeof(OpsHandbook), header, page)]</c>. RB0001 and RB0009 then judge an inherited
/// escalation in a build as they do in the IDE, where the other project's source is at hand.
/// </summary>
internal static class GeneratedHandbookFacts
{
    /// <summary>The facts of <paramref name="handbook"/>'s generated part, or null when its assembly has none.</summary>
    public static DocumentFacts? Read(INamedTypeSymbol handbook)
    {
        if (GeneratedHandbookHeader.Of(handbook, System.Threading.CancellationToken.None) is not { } header) return null;
        var levels = ImmutableArray.CreateBuilder<EscalationLevelFact>(header.Escalation.Count);
        foreach (var level in header.Escalation) levels.Add(new EscalationLevelFact(level.Who, level.After, Location.None, Location.None));
        var responseTimes = ImmutableDictionary.CreateBuilder<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var severity in header.Severities)
            if (severity.Response is { } response) responseTimes[severity.Key] = response;

        var communications = ImmutableArray.CreateBuilder<CommunicationFact>(header.Communications.Count);
        foreach (var (name, template, channel) in header.Communications) communications.Add(new CommunicationFact(name, template, channel));

        return new DocumentFacts
        {
            Escalation = levels.Count > 0 ? SectionFact.Filled : default,
            EscalationLevels = levels.ToImmutable(),
            ResponseTimes = responseTimes.ToImmutable(),
            Communications = communications.ToImmutable(),
            CommunicationsKnown = header.CommunicationsKnown,
        };
    }
}

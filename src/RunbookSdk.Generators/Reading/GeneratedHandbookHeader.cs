using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

// Also compiled into the analyzers: the generator shows a handbook of another project on its runbooks' pages, and
// RB0001/RB0009 judge it in a build, from the same part.
namespace RunbookSdk.Hosting;

/// <summary>
/// What a handbook's generated part (<c>[assembly: GeneratedHandbook(typeof(OpsHandbook), header, page)]</c>, written by
/// the generator of the handbook's own project) says of it: its title, severity levels and escalation levels. How a
/// compilation learns them for a handbook it sees only as metadata, or as another project's compilation.
/// </summary>
internal sealed class GeneratedHandbookHeader
{
    private const string AttributeName = "RunbookSdk.Hosting.GeneratedHandbookAttribute";

    public string? Title { get; private set; }
    public List<(string Key, string Name, TimeSpan? Response, string? ResponseSource)> Severities { get; } = new();
    public List<(string Who, TimeSpan? After, string AfterSource, string? Contact)> Escalation { get; } = new();
    public List<(string Name, string? Template, string? Channel)> Communications { get; } = new();

    /// <summary>True when <see cref="Communications"/> are all the handbook's templates: the part says so (a part written before it did lists none).</summary>
    public bool CommunicationsKnown { get; private set; }

    // The handbook parts of each assembly, found in one pass over its attributes: a generator asks once per runbook,
    // and an assembly that also holds runbooks has an attribute per runbook. Keyed weakly by the assembly symbol,
    // which a build's references share, so nothing outlives the compilations that use it.
    private static readonly ConditionalWeakTable<IAssemblySymbol, Dictionary<ISymbol, string>> s_headers = new();

    /// <summary>The header of <paramref name="handbook"/>'s part in its own assembly, or null when it has none.</summary>
    public static GeneratedHandbookHeader? Of(INamedTypeSymbol handbook, System.Threading.CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var headers = s_headers.GetValue(handbook.ContainingAssembly, HandbookParts);
        return headers.TryGetValue(handbook.OriginalDefinition, out var header) ? Decode(header) : null;
    }

    private static Dictionary<ISymbol, string> HandbookParts(IAssemblySymbol assembly)
    {
        var headers = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != AttributeName ||
                attribute.ConstructorArguments is not [{ Value: INamedTypeSymbol type }, { Value: string header }, ..]) continue;
            headers[type.OriginalDefinition] = header;
        }

        return headers;
    }

    private static GeneratedHandbookHeader Decode(string header)
    {
        var result = new GeneratedHandbookHeader();
        foreach (var (record, fields) in DescriptorEncoding.Records(header))
        {
            switch (record)
            {
                case DescriptorEncoding.TitleRecord when fields is [{ } title, ..]:
                    result.Title = title;
                    break;
                case DescriptorEncoding.SeverityLevelRecord when fields is [{ } key, { } name, var ticks, var source, ..]:
                    result.Severities.Add((key, name, DescriptorEncoding.ReadTicks(ticks), source));
                    break;
                case DescriptorEncoding.EscalationRecord when fields is [{ } who, var ticks, { } source, var contact, ..]:
                    result.Escalation.Add((who, DescriptorEncoding.ReadTicks(ticks), source, contact));
                    break;
                case DescriptorEncoding.CommunicationRecord when fields is [{ } name, var template, var channel, ..]:
                    result.Communications.Add((name, template, channel));
                    break;
                case DescriptorEncoding.CommunicationsKnownRecord when fields is [var known, ..]:
                    result.CommunicationsKnown = known == "1";
                    break;
            }
        }

        return result;
    }
}

using System;
using System.Collections.Generic;
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

    /// <summary>The header of <paramref name="handbook"/>'s part in its own assembly, or null when it has none.</summary>
    public static GeneratedHandbookHeader? Of(INamedTypeSymbol handbook, System.Threading.CancellationToken cancellationToken)
    {
        // The assembly's attributes are decoded once per assembly symbol, which a build's references share.
        foreach (var attribute in handbook.ContainingAssembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.ConstructorArguments is not [{ Value: INamedTypeSymbol type }, { Value: string header }, ..] ||
                !SymbolEqualityComparer.Default.Equals(type, handbook) ||
                attribute.AttributeClass?.ToDisplayString() != AttributeName) continue;
            return Decode(header);
        }

        return null;
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
            }
        }

        return result;
    }
}

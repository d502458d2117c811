using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace RunbookSdk.Hosting;

/// <summary>
/// Builds descriptors from what the source generator embeds for each runbook and handbook: the class, and UTF-8
/// text for its identity and parameters, its outline and its page. Called by generated code; the outline and the
/// page are decoded when first asked for, so an app with many runbooks starts without reading every page.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedDescriptors
{
    /// <summary>A runbook's descriptor.</summary>
    /// <param name="runbookType">The runbook class.</param>
    /// <param name="header">Identity and parameters, in the generator's descriptor encoding.</param>
    /// <param name="outline">The documented outline, in the generator's outline encoding.</param>
    /// <param name="documentation">The markdown page.</param>
    public static RunbookDescriptor Runbook(
        [DynamicallyAccessedMembers(ParameterBinding.Members)] Type runbookType,
        ReadOnlySpan<byte> header, ReadOnlySpan<byte> outline, ReadOnlySpan<byte> documentation)
    {
        ArgumentNullException.ThrowIfNull(runbookType);
        var parameterFields = new List<string?[]>();
        var values = DescriptorEncoding.Values(Encoding.UTF8.GetString(header), parameterFields);
        var parameters = parameterFields.Select(Parameter).ToArray();

        var binding = new ParameterBinding(runbookType, parameters);
        return new RunbookDescriptor(outline.ToArray(), documentation.ToArray())
        {
            Id = Required(values, DescriptorEncoding.IdRecord, runbookType),
            Title = Required(values, DescriptorEncoding.TitleRecord, runbookType),
            Severity = values.GetValueOrDefault(DescriptorEncoding.SeverityRecord),
            RunbookType = runbookType,
            HandbookId = values.GetValueOrDefault(DescriptorEncoding.HandbookRecord),
            Parameters = parameters,
            Create = binding.Create,
            ReadParameters = binding.Read,
            DocumentFileName = Required(values, DescriptorEncoding.FileRecord, runbookType),
        };
    }

    /// <summary>A handbook's descriptor.</summary>
    /// <param name="handbookType">The handbook class.</param>
    /// <param name="header">Identity, in the generator's descriptor encoding.</param>
    /// <param name="documentation">The markdown page.</param>
    public static HandbookDescriptor Handbook(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type handbookType,
        ReadOnlySpan<byte> header, ReadOnlySpan<byte> documentation)
    {
        ArgumentNullException.ThrowIfNull(handbookType);
        var values = DescriptorEncoding.Values(Encoding.UTF8.GetString(header));
        return new HandbookDescriptor(documentation.ToArray())
        {
            Id = Required(values, DescriptorEncoding.IdRecord, handbookType),
            Title = Required(values, DescriptorEncoding.TitleRecord, handbookType),
            HandbookType = handbookType,
            Create = () => ParameterBinding.Invoke(() => (Handbook)Activator.CreateInstance(handbookType)!),
            DocumentFileName = Required(values, DescriptorEncoding.FileRecord, handbookType),
        };
    }

    private static ParameterDescriptor Parameter(string?[] fields)
    {
        string? Field(int index) => index < fields.Length ? fields[index] : null;
        return new ParameterDescriptor(Field(0) ?? "", Field(1) ?? "", Field(2), Field(3) == "1", Field(4) == "1", Field(5));
    }

    private static string Required(Dictionary<string, string?> values, string record, Type type) =>
        values.GetValueOrDefault(record) ?? throw new FormatException($"The generated descriptor of {type.FullName} has no {record}. Rebuild the project.");
}

using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace RunbookSdk.Hosting;

/// <summary>
/// What the source generator embeds for one handbook: the class, its identity and its page. Generated code puts
/// one on the assembly per handbook; <see cref="GeneratedDescriptors.Catalog(System.Reflection.Assembly, string, System.Reflection.Assembly[])"/> reads them.
/// </summary>
/// <param name="handbookType">The handbook class.</param>
/// <param name="header">Identity, in the generator's descriptor encoding.</param>
/// <param name="documentation">The markdown page.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GeneratedHandbookAttribute(
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type handbookType, string header, string documentation) : Attribute
{
    /// <summary>The handbook class.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    public Type HandbookType { get; } = handbookType;

    /// <summary>Identity, in the generator's descriptor encoding.</summary>
    public string Header { get; } = header;

    /// <summary>The markdown page.</summary>
    public string Documentation { get; } = documentation;
}

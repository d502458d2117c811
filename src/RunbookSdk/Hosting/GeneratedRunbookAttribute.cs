using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace RunbookSdk.Hosting;

/// <summary>
/// What the source generator embeds for one runbook: the class, its identity and parameters, its documented outline
/// (when the project sets <c>RunbookSdkEmbedOutline</c>) and its page. Generated code puts one on the assembly per runbook; <see cref="GeneratedDescriptors.Catalog(System.Reflection.Assembly, string, System.Reflection.Assembly[])"/>
/// reads them. An assembly attribute rather than generated code because its texts are stored as they are, while
/// code — even one call with literals — costs the compiler about twice as much per runbook (docs/performance.md).
/// </summary>
/// <param name="runbookType">The runbook class.</param>
/// <param name="header">Identity and parameters, in the generator's descriptor encoding.</param>
/// <param name="outline">The documented outline, in the generator's outline encoding; null when not embedded.</param>
/// <param name="documentation">The markdown page.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GeneratedRunbookAttribute(
    [DynamicallyAccessedMembers(ParameterBinding.Members)] Type runbookType, string header, string? outline, string documentation) : Attribute
{
    /// <summary>The runbook class.</summary>
    [DynamicallyAccessedMembers(ParameterBinding.Members)]
    public Type RunbookType { get; } = runbookType;

    /// <summary>Identity and parameters, in the generator's descriptor encoding.</summary>
    public string Header { get; } = header;

    /// <summary>The documented outline, in the generator's outline encoding; null when not embedded.</summary>
    public string? Outline { get; } = outline;

    /// <summary>The markdown page.</summary>
    public string Documentation { get; } = documentation;
}

using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace RunbookSdk.Hosting;

/// <summary>
/// Builds descriptors from what the source generator embeds for each runbook and handbook (a
/// <see cref="GeneratedRunbookAttribute"/> or <see cref="GeneratedHandbookAttribute"/> on the assembly): the class,
/// and text for its identity and parameters, its outline and its page. Called by generated code; the outline is
/// parsed when first asked for.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedDescriptors
{
    /// <summary>The catalog of an assembly: every runbook and handbook the generator embedded in it, ordered by id.</summary>
    /// <param name="assembly">The runbook assembly.</param>
    /// <param name="indexDocumentation">The generated index page.</param>
    public static RunbookCatalog Catalog(Assembly assembly, string indexDocumentation) => Catalog(assembly, indexDocumentation, []);

    /// <summary>
    /// The catalog of an assembly, with the runbooks of the runbook libraries it references: every runbook and
    /// handbook the generator embedded in <paramref name="assembly"/>, ordered by id, and as
    /// <see cref="RunbookCatalog.ReferencedRunbooks"/> the runbooks embedded in each of <paramref name="libraries"/>.
    /// </summary>
    /// <param name="assembly">The runbook assembly.</param>
    /// <param name="indexDocumentation">The generated index page.</param>
    /// <param name="libraries">
    /// Referenced assemblies whose build embedded runbooks (the generator lists them, ordered by name); the assembly
    /// itself and repeats are ignored.
    /// </param>
    public static RunbookCatalog Catalog(Assembly assembly, string indexDocumentation, Assembly[] libraries)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(libraries);
        var handbooks = assembly.GetCustomAttributes<GeneratedHandbookAttribute>()
            .Select(a => Handbook(a.HandbookType, a.Header, a.Documentation))
            .OrderBy(h => h.Id, StringComparer.Ordinal)
            .ToArray();
        var referenced = libraries.Where(library => library != assembly).Distinct().SelectMany(RunbooksOf).ToArray();
        return new RunbookCatalog(RunbooksOf(assembly), handbooks, indexDocumentation) { ReferencedRunbooks = referenced };
    }

    private static RunbookDescriptor[] RunbooksOf(Assembly assembly) =>
        assembly.GetCustomAttributes<GeneratedRunbookAttribute>()
            .Select(a => Runbook(a.RunbookType, a.Header, a.Outline, a.Documentation))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The handbook class of <paramref name="runbookType"/> (the THandbook of <c>Runbook&lt;THandbook&gt;</c>), or null.</summary>
    /// <param name="runbookType">The runbook class.</param>
    internal static Type? HandbookTypeOf(Type runbookType)
    {
        for (var type = runbookType.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Runbook<>)) return type.GetGenericArguments()[0];
        }

        return null;
    }

    /// <summary>
    /// The handbook <paramref name="handbookType"/> as the generator embedded it in the handbook's own assembly; null
    /// when that assembly carries none.
    /// </summary>
    /// <param name="handbookType">The handbook class.</param>
    internal static HandbookDescriptor? HandbookInAssemblyOf(Type handbookType) =>
        handbookType.Assembly.GetCustomAttributes<GeneratedHandbookAttribute>()
            .Where(a => a.HandbookType == handbookType)
            .Select(a => Handbook(a.HandbookType, a.Header, a.Documentation))
            .FirstOrDefault()
        ?? HandbookFromClass(handbookType);

    /// <summary>
    /// A handbook whose assembly was built without the generator (RunbookSdk referenced as a plain library): its
    /// <c>[Handbook("id")]</c> and its class are all the runner needs, since severities, escalation and communication
    /// templates are recorded from <c>Define</c> when the run starts. It has no page.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "The handbook class is the type argument of the runbook's base class, which the runbook's own descriptor keeps.")]
    private static HandbookDescriptor? HandbookFromClass(Type handbookType)
    {
        if (handbookType.IsAbstract || handbookType.GetCustomAttribute<HandbookAttribute>() is not { Id: { Length: > 0 } id }) return null;
        return new HandbookDescriptor
        {
            Documentation = "",
            Id = id,
            Title = handbookType.Name,
            HandbookType = handbookType,
            Create = () => ParameterBinding.Invoke(() => (Handbook)Activator.CreateInstance(handbookType)!),
            DocumentFileName = id + ".md",
        };
    }

    /// <summary>A runbook's descriptor.</summary>
    /// <param name="runbookType">The runbook class.</param>
    /// <param name="header">Identity and parameters, in the generator's descriptor encoding.</param>
    /// <param name="outline">The documented outline, in the generator's outline encoding; null when not embedded.</param>
    /// <param name="documentation">The markdown page.</param>
    public static RunbookDescriptor Runbook(
        [DynamicallyAccessedMembers(ParameterBinding.Members)] Type runbookType,
        string header, string? outline, string documentation)
    {
        ArgumentNullException.ThrowIfNull(runbookType);
        var parameterFields = new List<string?[]>();
        var values = DescriptorEncoding.Values(header, parameterFields);
        var parameters = parameterFields.Select(Parameter).ToArray();

        var binding = new ParameterBinding(runbookType, parameters);
        return new RunbookDescriptor(outline)
        {
            Documentation = documentation,
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
        string header, string documentation)
    {
        ArgumentNullException.ThrowIfNull(handbookType);
        var values = DescriptorEncoding.Values(header);
        return new HandbookDescriptor
        {
            Documentation = documentation,
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

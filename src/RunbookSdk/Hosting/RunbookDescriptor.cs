using RunbookSdk.Dsl.Recording;
using RunbookSdk.Model;

namespace RunbookSdk.Hosting;

/// <summary>
/// Everything the runtime needs about one runbook, emitted by the source generator: id, parameters, a factory
/// that binds <c>name=value</c> strings to the parameter properties, the generated documentation, and (when the
/// project embeds it) the outline the documentation was written from.
/// </summary>
public sealed class RunbookDescriptor
{
    private readonly string? _outlineText;
    private PlanOutline? _documentedOutline;

    /// <summary>A descriptor whose members are all set by the caller.</summary>
    public RunbookDescriptor()
    {
    }

    // The outline as the generator embeds it, or null: parsed when first asked for (GeneratedDescriptors).
    internal RunbookDescriptor(string? outlineText) => _outlineText = outlineText;

    /// <summary>The runbook's id.</summary>
    public required string Id { get; init; }
    /// <summary>The runbook's title (falls back to the class name).</summary>
    public required string Title { get; init; }
    /// <summary>The severity key, or null.</summary>
    public string? Severity { get; init; }
    /// <summary>The runbook class.</summary>
    public required Type RunbookType { get; init; }
    /// <summary>The id of the handbook the runbook belongs to, or null.</summary>
    public string? HandbookId { get; init; }
    /// <summary>Parameters in declaration order.</summary>
    public required IReadOnlyList<ParameterDescriptor> Parameters { get; init; }
    /// <summary>Creates an instance with parameters bound from text; throws <see cref="ParameterBindingException"/> on a bad value.</summary>
    public required Func<IReadOnlyDictionary<string, string>, Runbook> Create { get; init; }
    /// <summary>Reads an instance's parameter values as text, by parameter name.</summary>
    public required Func<Runbook, IReadOnlyDictionary<string, string>> ReadParameters { get; init; }
    /// <summary>File name of the runbook's page, e.g. <c>omnix-api-lambda-failure.md</c>.</summary>
    public required string DocumentFileName { get; init; }
    /// <summary>The generated markdown page.</summary>
    public required string Documentation { get; init; }

    /// <summary>
    /// The phases and steps as the generator read them from source, which is what the docs describe; compare it with
    /// <see cref="PlanOutlines.FromPlan"/> of <see cref="CreatePlan(Runbook)"/> to test that a runbook runs what its
    /// page says. Null unless the project sets the MSBuild property <c>RunbookSdkEmbedOutline</c> to <c>true</c>:
    /// nothing at run time needs it, and a build should not compile it for every runbook by default.
    /// </summary>
    public PlanOutline? DocumentedOutline
    {
        get => _documentedOutline ??= _outlineText is null ? null : PlanOutline.Parse(_outlineText);
        init => _documentedOutline = value;
    }

    /// <summary>Binds parameters and records the plan the runner executes.</summary>
    /// <param name="values">Parameter values by name (case-insensitive); missing ones keep their defaults.</param>
    public RunbookPlan CreatePlan(IReadOnlyDictionary<string, string> values) => RunbookRecorder.Record(Id, Create(values));

    /// <summary>Records the plan of an already bound instance.</summary>
    /// <param name="runbook">An instance created by <see cref="Create"/>.</param>
    public RunbookPlan CreatePlan(Runbook runbook) => RunbookRecorder.Record(Id, runbook);
}

/// <summary>Everything the runtime needs about one handbook, emitted by the source generator.</summary>
public sealed class HandbookDescriptor
{

    /// <summary>The handbook's id.</summary>
    public required string Id { get; init; }
    /// <summary>The handbook's title.</summary>
    public required string Title { get; init; }
    /// <summary>The handbook class.</summary>
    public required Type HandbookType { get; init; }
    /// <summary>Creates an instance.</summary>
    public required Func<Handbook> Create { get; init; }
    /// <summary>File name of the handbook's page.</summary>
    public required string DocumentFileName { get; init; }
    /// <summary>The generated markdown page.</summary>
    public required string Documentation { get; init; }

    /// <summary>Records what the handbook says.</summary>
    public HandbookPlan CreatePlan() => HandbookRecorder.Record(Id, Create());
}

/// <summary>A runbook parameter.</summary>
/// <param name="Name">Property name; also the name used on the command line.</param>
/// <param name="TypeName">C# type as written, e.g. <c>string</c>, <c>int</c>.</param>
/// <param name="Description">What it means.</param>
/// <param name="IsSecret">Masked everywhere.</param>
/// <param name="IsRequired">The run refuses to start without it.</param>
/// <param name="DefaultText">The default as the page shows it: a constant by its value, as C# writes it (<c>Limits.Region</c> as <c>"eu-central-1"</c>), anything else as written in source; null when there is none.</param>
public sealed record ParameterDescriptor(string Name, string TypeName, string? Description, bool IsSecret, bool IsRequired, string? DefaultText);

/// <summary>Thrown when a parameter value cannot be converted to the parameter's type.</summary>
/// <param name="parameter">Parameter name.</param>
/// <param name="message">What is wrong.</param>
public sealed class ParameterBindingException(string parameter, string message) : Exception(message)
{
    /// <summary>The parameter that could not be bound; empty when the argument names none.</summary>
    public string Parameter { get; } = parameter;
}

/// <summary>All runbooks and handbooks of an assembly, emitted by the source generator.</summary>
/// <param name="Runbooks">The assembly's own runbooks, ordered by id (the pages of <c>docs</c>).</param>
/// <param name="Handbooks">Handbooks ordered by id.</param>
/// <param name="IndexDocumentation">The generated index page (<c>index.md</c>).</param>
public sealed record RunbookCatalog(IReadOnlyList<RunbookDescriptor> Runbooks, IReadOnlyList<HandbookDescriptor> Handbooks, string IndexDocumentation)
{
    /// <summary>File name of the index page.</summary>
    public const string IndexFileName = "index.md";

    /// <summary>
    /// The runbooks of the runbook libraries this assembly references (a project of shared runbooks, say), in the
    /// order the generator listed the libraries, each library's ordered by id. They can be run by id like the
    /// assembly's own, which come first when both use an id; their pages belong to their own project's docs, so they
    /// are not among this catalog's pages.
    /// </summary>
    public IReadOnlyList<RunbookDescriptor> ReferencedRunbooks { get; init; } = [];

    /// <summary>
    /// Every runbook <see cref="FindRunbook"/> can find: the assembly's own, then each referenced one whose id no
    /// runbook before it uses.
    /// </summary>
    public IEnumerable<RunbookDescriptor> Runnable
    {
        get
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var runbook in Runbooks.Concat(ReferencedRunbooks))
            {
                if (ids.Add(runbook.Id)) yield return runbook;
            }
        }
    }

    /// <summary>
    /// The runbook that <paramref name="runbook"/>'s id finds instead of it: one of the assembly's own, or of a library
    /// listed before its own; null when it is the one found.
    /// </summary>
    /// <param name="runbook">A runbook of <see cref="ReferencedRunbooks"/>.</param>
    public RunbookDescriptor? HiddenBy(RunbookDescriptor runbook) =>
        FindRunbook(runbook.Id) is { } found && !ReferenceEquals(found, runbook) ? found : null;

    /// <summary>Finds a runbook by id (case-insensitive): the assembly's own, else a referenced library's; or null.</summary>
    /// <param name="id">Runbook id.</param>
    public RunbookDescriptor? FindRunbook(string id) =>
        Runbooks.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? ReferencedRunbooks.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a handbook by id, or null.</summary>
    /// <param name="id">Handbook id.</param>
    public HandbookDescriptor? FindHandbook(string? id) => id is null ? null : Handbooks.FirstOrDefault(h => h.Id == id);

    /// <summary>
    /// The handbook a runbook belongs to — its <c>Runbook&lt;THandbook&gt;</c> class, not merely a handbook with the
    /// same id: one of this catalog's, or — when the handbook class is compiled into another assembly, such as a
    /// handbook project shared by several runbook apps — the one that assembly's generator embedded, or, built without
    /// the generator, one made from its <c>[Handbook("id")]</c> class. Null when the runbook has no handbook.
    /// </summary>
    /// <param name="runbook">A runbook of this catalog.</param>
    public HandbookDescriptor? HandbookOf(RunbookDescriptor runbook)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        if (runbook.RunbookType is null || GeneratedDescriptors.HandbookTypeOf(runbook.RunbookType) is not { } handbookType)
            return FindHandbook(runbook.HandbookId);
        // An app's own handbook may share the id of the one a runbook inherits from another assembly: match the class.
        return Handbooks.FirstOrDefault(h => h.HandbookType == handbookType) ?? GeneratedDescriptors.HandbookInAssemblyOf(handbookType);
    }
}

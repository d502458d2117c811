using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

/// <summary>Records the sections runbooks and handbooks share; the concrete recorders add their own.</summary>
internal abstract class DocumentRecorder<TSelf> : IDocumentBuilder<TSelf> where TSelf : IDocumentBuilder<TSelf>
{
    private readonly List<ContactPlan> _contacts = [];
    private readonly List<EscalationLevelPlan> _escalation = [];
    private readonly List<CommunicationPlan> _communications = [];
    private readonly List<ChecklistStagePlan> _postIncident = [];
    private readonly List<ReferencePlan> _references = [];
    private readonly List<SectionPlan> _sections = [];
    private readonly List<string> _tags = [];
    private string? _title, _summary, _owner, _environment;
    private DateOnly? _reviewDate, _lastUpdated;

    protected abstract TSelf Self { get; }

    /// <summary>Where a refused argument stands, for the message: <c>the runbook</c> or <c>the handbook</c>.</summary>
    protected abstract string Where { get; }

    // A null from helper code (a title looked up in a table, a template read from a file that was not there) is refused
    // naming the call and where, as the steps' nulls are (NullGuard): a null Communication template was recorded and
    // failed only at the Notify that sent it, after the steps before it had run; the others printed nothing.
    public TSelf Title(string title) { _title = Required(title, "Title(title)", nameof(title)); return Self; }
    public TSelf Summary(string summary) { _summary = Required(summary, "Summary(summary)", nameof(summary)); return Self; }
    public TSelf Owner(string owner) { _owner = Required(owner, "Owner(owner)", nameof(owner)); return Self; }
    public TSelf Contact(string role, string reach)
    {
        _contacts.Add(new(Required(role, "Contact(role, reach)", nameof(role)), Required(reach, "Contact(role, reach)", nameof(reach))));
        return Self;
    }

    public TSelf Escalation(Action<IEscalationBuilder> levels)
    {
        Required(levels, "Escalation(levels)", nameof(levels))(new EscalationRecorder(_escalation, $"{Where}'s escalation"));
        return Self;
    }

    public TSelf Communication(string name, string template, string? channel = null)
    {
        _communications.Add(new(Required(name, "Communication(name, template)", nameof(name)), Required(template, "Communication(name, template)", nameof(template)), channel));
        return Self;
    }

    // A null item is refused by its position: it was posted to the incident issue as an empty checkbox.
    public TSelf PostIncident(string stage, params string[] items)
    {
        _postIncident.Add(new(Required(stage, "PostIncident(stage, items)", nameof(stage)), NullGuard.NoNullItems(items, "PostIncident(stage, items)", nameof(items), Where)));
        return Self;
    }

    public TSelf Reference(string title, string url)
    {
        _references.Add(new(Required(title, "Reference(title, url)", nameof(title)), Required(url, "Reference(title, url)", nameof(url))));
        return Self;
    }

    public TSelf ReviewDate(int year, int month, int day) { _reviewDate = Date(nameof(ReviewDate), year, month, day); return Self; }
    public TSelf LastUpdated(int year, int month, int day) { _lastUpdated = Date(nameof(LastUpdated), year, month, day); return Self; }
    public TSelf Environment(string environment) { _environment = Required(environment, "Environment(environment)", nameof(environment)); return Self; }
    // As Symptoms: a null array from helper code is refused naming the call (it was "Value cannot be null. (Parameter
    // 'collection')", naming nothing the runbook wrote); a blank or null tag says nothing and is left out.
    public TSelf Tags(params string[] tags)
    {
        _tags.AddRange(NonBlank(NullGuard.Required(tags, "Tags(tags)", nameof(tags), Where)));
        return Self;
    }

    /// <summary>Returns <paramref name="value"/>, or refuses a null naming <paramref name="call"/> and this document.</summary>
    protected T Required<T>(T? value, string call, string parameter) where T : class => NullGuard.Required(value, call, parameter, Where);

    /// <summary>The entries of a list argument that say something: a blank or null one is left out.</summary>
    protected static IEnumerable<string> NonBlank(IEnumerable<string?> entries) =>
        entries.Where(entry => !string.IsNullOrWhiteSpace(entry)).Select(entry => entry!);

    public TSelf Section(string heading, Action<ISectionBuilder> content)
    {
        Required(heading, "Section(heading, content)", nameof(heading));
        Required(content, "Section(heading, content)", nameof(content));
        _sections.Add(SectionRecorder.Record(heading, content, $"section '{heading}'"));
        return Self;
    }

    // DateOnly's own refusal says only "un-representable DateOnly"; this one names the call and the day written.
    private static DateOnly Date(string call, int year, int month, int day) =>
        ArgumentRefusals.Date(call, year, month, day) is { } refused
            ? throw new ArgumentOutOfRangeException(nameof(day), refused)
            : new DateOnly(year, month, day);

    protected DocumentSections BuildDocument() => new()
    {
        Title = _title,
        Summary = _summary,
        Owner = _owner,
        Contacts = _contacts.ToArray(),
        Escalation = _escalation.ToArray(),
        Communications = _communications.ToArray(),
        PostIncident = _postIncident.ToArray(),
        References = _references.ToArray(),
        Sections = _sections.ToArray(),
        ReviewDate = _reviewDate,
        LastUpdated = _lastUpdated,
        Environment = _environment,
        Tags = _tags.ToArray(),
    };

    private sealed class EscalationRecorder(List<EscalationLevelPlan> levels, string where) : IEscalationBuilder
    {
        public IEscalationBuilder Level(string who, TimeSpan after, string? contact = null)
        {
            levels.Add(new(NullGuard.Required(who, "Level(who, after)", nameof(who), where), DurationGuard.Accepted(after, ArgumentRefusals.EscalationAfter(after), nameof(after)), contact));
            return this;
        }
    }
}

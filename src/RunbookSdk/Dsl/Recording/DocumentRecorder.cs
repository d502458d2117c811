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

    public TSelf Title(string title) { _title = title; return Self; }
    public TSelf Summary(string summary) { _summary = summary; return Self; }
    public TSelf Owner(string owner) { _owner = owner; return Self; }
    public TSelf Contact(string role, string reach) { _contacts.Add(new(role, reach)); return Self; }

    public TSelf Escalation(Action<IEscalationBuilder> levels)
    {
        levels(new EscalationRecorder(_escalation));
        return Self;
    }

    public TSelf Communication(string name, string template, string? channel = null) { _communications.Add(new(name, template, channel)); return Self; }
    public TSelf PostIncident(string stage, params string[] items) { _postIncident.Add(new(stage, items)); return Self; }
    public TSelf Reference(string title, string url) { _references.Add(new(title, url)); return Self; }
    public TSelf ReviewDate(int year, int month, int day) { _reviewDate = Date(nameof(ReviewDate), year, month, day); return Self; }
    public TSelf LastUpdated(int year, int month, int day) { _lastUpdated = Date(nameof(LastUpdated), year, month, day); return Self; }
    public TSelf Environment(string environment) { _environment = environment; return Self; }
    // As Symptoms: a null array from helper code is refused naming the call (it was "Value cannot be null. (Parameter
    // 'collection')", naming nothing the runbook wrote); a blank or null tag says nothing and is left out.
    public TSelf Tags(params string[] tags)
    {
        _tags.AddRange(NonBlank(NullGuard.Required(tags, "Tags(tags)", nameof(tags), Where)));
        return Self;
    }

    /// <summary>The entries of a list argument that say something: a blank or null one is left out.</summary>
    protected static IEnumerable<string> NonBlank(IEnumerable<string?> entries) =>
        entries.Where(entry => !string.IsNullOrWhiteSpace(entry)).Select(entry => entry!);

    public TSelf Section(string heading, Action<ISectionBuilder> content)
    {
        _sections.Add(SectionRecorder.Record(heading, content));
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

    private sealed class EscalationRecorder(List<EscalationLevelPlan> levels) : IEscalationBuilder
    {
        public IEscalationBuilder Level(string who, TimeSpan after, string? contact = null)
        {
            levels.Add(new(who, DurationGuard.Accepted(after, ArgumentRefusals.EscalationAfter(after), nameof(after)), contact));
            return this;
        }
    }
}

using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

/// <summary>Runs a handbook's <see cref="Handbook.Define"/> and records it as a <see cref="HandbookPlan"/>.</summary>
internal sealed class HandbookRecorder : DocumentRecorder<IHandbookBuilder>, IHandbookBuilder
{
    private readonly List<SeverityPlan> _severities = [];
    private readonly List<SloPlan> _slos = [];

    protected override IHandbookBuilder Self => this;
    protected override string Where => "the handbook";

    public static HandbookPlan Record(string id, Handbook handbook)
    {
        var recorder = new HandbookRecorder();
        InvariantCultureScope.Run(() => handbook.Define(recorder));
        return new HandbookPlan
        {
            Id = id,
            Document = recorder.BuildDocument(),
            Severities = recorder._severities.ToArray(),
            Slos = recorder._slos.ToArray(),
        };
    }

    public IHandbookBuilder SeverityLevel(string key, string name, Action<ISeverityBuilder> definition)
    {
        Required(key, "SeverityLevel(key, name, definition)", nameof(key));
        Required(name, "SeverityLevel(key, name, definition)", nameof(name));
        Required(definition, "SeverityLevel(key, name, definition)", nameof(definition));
        var severity = new SeverityRecorder($"severity '{key}'");
        definition(severity);
        _severities.Add(new SeverityPlan(key, name, severity.Response, severity.Resolution, severity.CriteriaList.ToArray()));
        return this;
    }

    public IHandbookBuilder Slo(string name, string target, string? description = null)
    {
        _slos.Add(new(Required(name, "Slo(name, target)", nameof(name)), Required(target, "Slo(name, target)", nameof(target)), description));
        return this;
    }

    private sealed class SeverityRecorder(string where) : ISeverityBuilder
    {
        public TimeSpan? Response { get; private set; }
        public TimeSpan? Resolution { get; private set; }
        public List<string> CriteriaList { get; } = [];
        public ISeverityBuilder RespondWithin(TimeSpan time) { Response = DurationGuard.Accepted(time, ArgumentRefusals.RespondWithin(time), nameof(time)); return this; }
        public ISeverityBuilder ResolveWithin(TimeSpan time) { Resolution = DurationGuard.Accepted(time, ArgumentRefusals.ResolveWithin(time), nameof(time)); return this; }
        public ISeverityBuilder Criteria(params string[] criteria)
        {
            CriteriaList.AddRange(NullGuard.NoNullItems(criteria, "Criteria(criteria)", nameof(criteria), where));
            return this;
        }
    }
}

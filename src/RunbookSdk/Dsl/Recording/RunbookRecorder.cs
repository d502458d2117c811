using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

/// <summary>Runs a runbook's <see cref="Runbook.Define"/> and records what it says as a <see cref="RunbookPlan"/>.</summary>
internal sealed class RunbookRecorder : DocumentRecorder<IRunbookBuilder>, IRunbookBuilder
{
    private readonly List<string> _symptoms = [];
    private readonly List<PhasePlan> _phases = [];
    private string? _severity, _noRollbackReason;
    private PhasePlan? _rollback, _verification;

    protected override IRunbookBuilder Self => this;
    protected override string Where => "the runbook";

    public static RunbookPlan Record(string id, Runbook runbook)
    {
        var recorder = new RunbookRecorder();
        InvariantCultureScope.Run(() => runbook.Define(recorder));
        recorder.RefuseDecisionsOfOneTitle();
        return new RunbookPlan
        {
            Id = id,
            Document = recorder.BuildDocument(),
            Severity = recorder._severity,
            Symptoms = recorder._symptoms.ToArray(),
            Phases = recorder._phases.ToArray(),
            Rollback = recorder._rollback,
            NoRollbackReason = recorder._noRollbackReason,
            Verification = recorder._verification,
        };
    }

    /// <summary>
    /// The operator answers a decision by its title (<c>--choose "Fix=Restart"</c>), so two decisions of one title in a
    /// runbook could not be answered apart.
    /// </summary>
    private void RefuseDecisionsOfOneTitle()
    {
        var sections = _phases.Concat(new[] { _rollback, _verification }.OfType<PhasePlan>());
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in sections)
        {
            foreach (var step in section.Steps)
            {
                if (step.Choice is not { Option: 1 } choice) continue;
                if (seen.TryGetValue(choice.Title.Trim(), out var first))
                    throw new ArgumentException(ArgumentRefusals.DecisionTitleTwice(choice.Title, first, section.Name));
                seen.Add(choice.Title.Trim(), section.Name);
            }
        }
    }

    public IRunbookBuilder Severity(Severity severity) { _severity = severity.Key; return this; }
    // A blank or null symptom says nothing: the page leaves it out, and so do the dry run and the incident's report,
    // which showed it as an empty bullet. A null array from helper code is refused naming the call, as Tags(null) is.
    public IRunbookBuilder Symptoms(params string[] symptoms)
    {
        _symptoms.AddRange(NonBlank(NullGuard.Required(symptoms, "Symptoms(symptoms)", nameof(symptoms), Where)));
        return this;
    }
    public IRunbookBuilder Phase(string name, Action<IPhaseBuilder> steps) { _phases.Add(PhaseRecorder.Record(name, null, steps)); return this; }
    public IRunbookBuilder Phase(string name, TimeBox within, Action<IPhaseBuilder> steps) { _phases.Add(PhaseRecorder.Record(name, within, steps)); return this; }
    public IRunbookBuilder Rollback(Action<IPhaseBuilder> steps) { _rollback = PhaseRecorder.Record("Rollback", null, steps, "Rollback(steps)"); return this; }
    // A null reason is taken for no waiver, as a blank one is (RequiredSections, and RB0002 at build): not refused here.
    public IRunbookBuilder NoRollback(string reason) { _noRollbackReason = reason; return this; }
    public IRunbookBuilder Verification(Action<IPhaseBuilder> steps) { _verification = PhaseRecorder.Record("Verification", null, steps, "Verification(steps)"); return this; }
}

using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

internal sealed class PhaseRecorder : IPhaseBuilder
{
    private readonly List<StepPlan> _steps = [];
    // Where a refused argument stands, for the message: "phase 'Mitigate'".
    private readonly string _where;

    private PhaseRecorder(string where) => _where = where;

    /// <summary>Records a phase, or the rollback or verification section (<paramref name="call"/> names which for a refusal).</summary>
    public static PhasePlan Record(string name, TimeBox? timeBox, Action<IPhaseBuilder> steps, string call = "Phase(name, steps)")
    {
        NullGuard.Required(name, call, nameof(name), "the runbook");
        var where = call.StartsWith("Phase", StringComparison.Ordinal) ? $"phase '{name}'" : $"the {name.ToLowerInvariant()}";
        NullGuard.Required(steps, call, nameof(steps), where);
        // A window that starts before the incident or ends before it starts has no moment when it is "on time".
        if (timeBox is { } box && ArgumentRefusals.PhaseTimeBox(name, box.From, box.To) is { } refused)
            throw new ArgumentOutOfRangeException(nameof(timeBox), box, refused);
        var recorder = new PhaseRecorder(where);
        steps(recorder);
        return new PhasePlan(name, timeBox, recorder._steps.ToArray());
    }

    public IPhaseBuilder Step(string title, Action<IStepBuilder> step)
    {
        NullGuard.Required(title, "Step(title, step)", nameof(title), _where);
        if (ArgumentRefusals.StepTitle(title) is { } noTitle) throw BlankTitle.Refused(noTitle, _where);
        NullGuard.Required(step, "Step(title, step)", nameof(step), $"{_where}, step '{title}'");
        _steps.Add(StepRecorder.Record(title, step, _where));
        return this;
    }

    public IPhaseBuilder OneOf(string title, Action<IChoiceBuilder> options)
    {
        _steps.AddRange(ChoiceRecorder.Record(title, options, _where));
        return this;
    }
}

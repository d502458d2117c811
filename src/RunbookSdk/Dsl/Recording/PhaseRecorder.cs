using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

internal sealed class PhaseRecorder : IPhaseBuilder
{
    private readonly List<StepPlan> _steps = [];

    public static PhasePlan Record(string name, TimeBox? timeBox, Action<IPhaseBuilder> steps)
    {
        // A window that starts before the incident or ends before it starts has no moment when it is "on time".
        if (timeBox is { } box && ArgumentRefusals.PhaseTimeBox(name, box.From, box.To) is { } refused)
            throw new ArgumentOutOfRangeException(nameof(timeBox), box, refused);
        var recorder = new PhaseRecorder();
        steps(recorder);
        return new PhasePlan(name, timeBox, recorder._steps.ToArray());
    }

    public IPhaseBuilder Step(string title, Action<IStepBuilder> step)
    {
        _steps.Add(StepRecorder.Record(title, step));
        return this;
    }

    public IPhaseBuilder OneOf(string title, Action<IChoiceBuilder> options)
    {
        _steps.AddRange(ChoiceRecorder.Record(title, options));
        return this;
    }
}

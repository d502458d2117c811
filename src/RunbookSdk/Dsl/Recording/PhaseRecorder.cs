using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

internal sealed class PhaseRecorder : IPhaseBuilder
{
    private readonly List<StepPlan> _steps = [];

    public static PhasePlan Record(string name, TimeBox? timeBox, Action<IPhaseBuilder> steps)
    {
        // A window that starts before the incident or ends before it starts has no moment when it is "on time".
        if (timeBox is { } box && (box.From < TimeSpan.Zero || box.To < box.From))
            throw new ArgumentOutOfRangeException(nameof(timeBox), box,
                $"The time box of phase '{name}' must start at zero or later and not end before it starts; it is {Durations.Format(box.From)} to {Durations.Format(box.To)}.");
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

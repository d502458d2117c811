using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

internal sealed class PhaseRecorder : IPhaseBuilder
{
    private readonly List<StepPlan> _steps = [];

    public static PhasePlan Record(string name, TimeBox? timeBox, Action<IPhaseBuilder> steps)
    {
        var recorder = new PhaseRecorder();
        steps(recorder);
        return new PhasePlan(name, timeBox, recorder._steps.ToArray());
    }

    public IPhaseBuilder Step(string title, Action<IStepBuilder> step)
    {
        _steps.Add(StepRecorder.Record(title, step));
        return this;
    }
}

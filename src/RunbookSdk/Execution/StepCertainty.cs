using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>Whether a step will run, as far as the command line says before the run starts.</summary>
internal enum StepRuns
{
    /// <summary>It runs when reached: no condition, or one <c>--conditions-hold</c> answers; an option <c>--choose</c> takes.</summary>
    Surely,

    /// <summary>A condition or a decision the operator answers when it is reached decides.</summary>
    Maybe,

    /// <summary><c>--skip-conditional</c> skips it, or <c>--choose</c> takes another option.</summary>
    Never,
}

/// <summary>
/// Decides <see cref="StepRuns"/> for a step, so that a problem known before the run (a URL that cannot be sent, a
/// command that cannot be quoted) refuses the run only for a step that surely runs: one that may not run (no DR site to
/// fail over to) can be left with its parameter empty on purpose.
/// </summary>
internal static class StepCertainty
{
    /// <summary>Whether the step at <paramref name="index"/> of <paramref name="steps"/> runs, as <paramref name="options"/> answer for it.</summary>
    public static StepRuns Of(IReadOnlyList<StepPlan> steps, int index, RunnerOptions options, StepChoices choices)
    {
        var step = steps[index];
        if (ChoiceGroup.At(steps, index) is { } group)
        {
            var given = choices.Given(group);
            if (given is not { Problem: null }) return StepRuns.Maybe;
            if (given.Option != index - group.Start) return StepRuns.Never;
        }
        if (step.Condition is null) return StepRuns.Surely;
        return options.Conditions switch
        {
            ConditionAnswer.Hold => StepRuns.Surely,
            ConditionAnswer.Skip => StepRuns.Never,
            _ => StepRuns.Maybe,
        };
    }
}

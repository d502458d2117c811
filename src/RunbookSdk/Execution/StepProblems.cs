using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>Steps that cannot run as written with the run's values (a URL that cannot be sent, a command that cannot be quoted), by step number, with why.</summary>
/// <param name="Refused">Steps that surely run: the run is refused before anything runs.</param>
/// <param name="IfRun">Steps that may not run (a condition or a decision not answered yet): each fails, doing nothing, if it is reached.</param>
internal sealed record StepProblems(IReadOnlyDictionary<string, string> Refused, IReadOnlyDictionary<string, string> IfRun)
{
    /// <summary>
    /// Every step of <paramref name="plan"/> that <paramref name="problemOf"/> finds a problem in, by step number
    /// (<c>1.2</c>, <c>R.1</c>, <c>V.1</c>): refusing the run when it surely runs, failing only if reached when it may
    /// not, as the answers given in <paramref name="options"/> (<c>--conditions-hold</c>, <c>--skip-conditional</c>,
    /// <c>--choose</c>) decide. A step those answers skip is in neither.
    /// </summary>
    /// <param name="plan">The run's plan, with its values in it.</param>
    /// <param name="options">The run's answers.</param>
    /// <param name="problemOf">The problem of a step, with its number, worded for the refusal; null when it has none.</param>
    public static StepProblems Find(RunbookPlan plan, RunnerOptions options, Func<StepPlan, string, string?> problemOf)
    {
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        var ifRun = new Dictionary<string, string>(StringComparer.Ordinal);
        var choices = new StepChoices(options);
        foreach (var (_, steps, number) in StepNumbers.Sections(plan))
        {
            for (var j = 0; j < steps.Count; j++)
            {
                if (problemOf(steps[j], number(j)) is not { } problem) continue;
                switch (StepCertainty.Of(steps, j, options, choices))
                {
                    case StepRuns.Surely: refused[number(j)] = problem; break;
                    case StepRuns.Maybe: ifRun[number(j)] = problem; break;
                }
            }
        }
        return new StepProblems(refused, ifRun);
    }
}

using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// How the runner numbers a step wherever it names one — the live run's console, the dry run, a failure's reason and
/// so the journal — exactly as the generated page numbers its headings (<c>### 2.1</c>, <c>### R.1</c>,
/// <c>### V.1</c>): the engineer told "rollback step R.2 failed" at 3 a.m. must find R.2 on the page.
/// </summary>
internal static class StepNumbers
{
    /// <summary><c>2.1</c>: the first step of the second phase.</summary>
    public static string Phase(int phaseIndex, int stepIndex) => $"{phaseIndex + 1}.{stepIndex + 1}";

    /// <summary><c>R.1</c>: the first step of the rollback section.</summary>
    public static string Rollback(int stepIndex) => $"R.{stepIndex + 1}";

    /// <summary><c>V.1</c>: the first step of the verification section.</summary>
    public static string Verification(int stepIndex) => $"V.{stepIndex + 1}";

    /// <summary>
    /// The plan's sections in the order they are numbered — each phase, the rollback, the verification — each with its
    /// steps and how a step's index there is numbered; for the checks that name every step they find, before a run.
    /// </summary>
    public static IEnumerable<(IReadOnlyList<StepPlan> Steps, Func<int, string> Number)> Sections(RunbookPlan plan)
    {
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            var phase = i;
            yield return (plan.Phases[i].Steps, j => Phase(phase, j));
        }
        if (plan.Rollback is { } rollback) yield return (rollback.Steps, Rollback);
        if (plan.Verification is { } verification) yield return (verification.Steps, Verification);
    }
}

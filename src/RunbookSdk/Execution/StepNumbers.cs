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
    /// name in the journal's step keys (<c>phase-1</c>, <c>rollback</c>, <c>verification</c>), its steps and how a
    /// step's index there is numbered; for what names every step of the plan (the checks before a run, a resume).
    /// </summary>
    public static IEnumerable<(string Section, IReadOnlyList<StepPlan> Steps, Func<int, string> Number)> Sections(RunbookPlan plan)
    {
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            var phase = i;
            yield return ($"phase-{i + 1}", plan.Phases[i].Steps, j => Phase(phase, j));
        }
        if (plan.Rollback is { } rollback) yield return ("rollback", rollback.Steps, Rollback);
        if (plan.Verification is { } verification) yield return ("verification", verification.Steps, Verification);
    }
}

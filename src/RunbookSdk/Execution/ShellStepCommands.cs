using RunbookSdk.Commands;
using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// Checks, before anything runs, that every shell step's commands can be quoted with the run's parameter values: a
/// value that is not a plain word where no quoting keeps it literal (inside backticks, in arithmetic, after a bare
/// <c>$</c>, …) makes <see cref="CommandTemplate.Render()"/> refuse the command.
/// </summary>
/// <remarks>
/// Why before: the values are the run's parameters, known when it starts, yet the refusal came only when its step
/// was reached — after the steps before it had changed things, and then the rollback ran for a value typed on the
/// command line. As with <see cref="HttpStepUrls"/>, a step that may not run (<see cref="StepRuns.Maybe"/>) does not
/// refuse the run: it is named in a warning, and fails, running nothing, if it is reached. A rollback step refuses the
/// run as any other: it must work when it is needed.
/// </remarks>
internal static class ShellStepCommands
{
    /// <summary>The shell steps with a command that cannot be quoted, by step number, with why (as <see cref="HttpStepUrls.Problems"/>).</summary>
    public static StepProblems Problems(RunbookPlan plan, RunnerOptions options) =>
        StepProblems.Find(plan, options, (step, number) =>
            step.Actions.OfType<ShellCommandAction>().Select(Problem).OfType<string>().Distinct().ToArray() is { Length: > 0 } why
                ? $"step {number} '{step.Title}' has a command that cannot be quoted with these values: {string.Join("; ", why)}"
                : null);

    /// <summary>
    /// The refusal of a run with such steps — "could not be prepared", exit 1, as one with a URL it cannot send — naming
    /// each step and why; null when every command that surely runs can be quoted. Not masked: the caller masks it.
    /// </summary>
    public static string? Refusal(RunContext context, RunnerOptions options)
    {
        var problems = Problems(context.Plan, options).Refused;
        if (problems.Count == 0) return null;
        return $"runbook '{context.Runbook.Id}' could not be prepared: " + string.Join("; ", problems.Values) + "; nothing was run.";
    }

    private static string? Problem(ShellCommandAction shell)
    {
        try
        {
            shell.Command.Render();
            return null;
        }
        catch (CommandQuotingException refused)
        {
            return refused.Message.TrimEnd('.');
        }
    }
}

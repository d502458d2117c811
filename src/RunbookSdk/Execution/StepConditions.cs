using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// Decides whether a step written with <c>OnlyIf(condition)</c> runs: the operator says whether the condition holds,
/// or <c>--conditions-hold</c> / <c>--skip-conditional</c> answer for every such step. A step whose condition does not
/// hold is skipped, not failed: it was never meant to run in this incident. The answer is journaled as a
/// <c>choice</c> with <c>about: condition</c>. The runner never guesses: a non-interactive run without either flag
/// refuses to start (<see cref="PreflightProblem"/>). The question goes to prompts that mask its secrets (<see cref="MaskingOperatorPrompts"/>).
/// </summary>
/// <param name="options">The run's options.</param>
/// <param name="prompts">Who answers.</param>
/// <param name="noteUnanswered">Told why, when the question could not be answered: the run's end says it stopped for
/// that (and, when so, that the terminal hung up), not "the operator aborted", who was not there.</param>
internal sealed class StepConditions(RunnerOptions options, IOperatorPrompts prompts, Action<string, Exception> noteUnanswered)
{
    private const string HoldFlag = "--conditions-hold";
    private const string SkipFlag = "--skip-conditional";

    /// <summary>The flag that answered for the operator, for the run's header; null when the operator answers.</summary>
    public string? Mode => options.Conditions switch
    {
        ConditionAnswer.Hold => HoldFlag,
        ConditionAnswer.Skip => SkipFlag,
        _ => null,
    };

    /// <summary>Why a non-interactive run cannot run <paramref name="step"/> alone, or null.</summary>
    public string? PreflightProblem(StepPlan step) =>
        step.Condition is { } condition && options.NonInteractive && options.Conditions == ConditionAnswer.Ask
            ? $"'{step.Title}' runs only if {condition}: pass {HoldFlag} to run such steps or {SkipFlag} to skip them, or run interactively"
            : null;

    /// <summary>
    /// Asks before a conditional step; null when it may run (its condition holds, or it has none), else the outcome
    /// that replaces it: skipped when the condition does not hold, interrupted by a Ctrl+C at the question.
    /// </summary>
    public async Task<StepOutcome?> CheckAsync(string key, StepPlan step, RunJournal journal, RunConsole console, CancellationToken cancellationToken)
    {
        if (step.Condition is not { } condition) return null;
        var answer = options.Conditions;
        if (answer != ConditionAnswer.Ask)
        {
            var flag = Mode!;
            var holds = answer == ConditionAnswer.Hold;
            if (holds) console.Warn($"only if {condition}: taken to hold by {flag}");
            journal.Write("choice", ("key", key), ("about", "condition"), ("choice", holds ? "holds" : "skipped"), ("condition", condition), ("by", flag));
            return holds ? null : new StepOutcome(StepResult.Skipped, $"only if {condition}: skipped by {flag}");
        }
        if (options.NonInteractive)
        {
            // Preflight refuses such a run before anything runs; this keeps a caller that skipped it from guessing.
            journal.Write("choice", ("key", key), ("about", "condition"), ("choice", "refused"), ("condition", condition), ("by", "--non-interactive"));
            return new StepOutcome(StepResult.Failed, $"the step runs only if {condition}, and --non-interactive never asks: pass {HoldFlag} or {SkipFlag}, or run interactively");
        }

        bool yes;
        try
        {
            yes = await prompts.ConfirmAsync($"Only if {condition} — does it hold? (no skips the step)", cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C at the question: nothing of the step ran, and no answer given after it counts.
            journal.Write("choice", ("key", key), ("about", "condition"), ("choice", "interrupted"), ("condition", condition), ("by", "operator"));
            return new StepOutcome(StepResult.Interrupted, "interrupted by the operator (Ctrl+C) at the question whether its condition holds; nothing of the step ran");
        }
        catch (Exception e) when (UnansweredQuestion.Is(e, cancellationToken))
        {
            // Not a no either: "no" skips the step and the run goes on past it on a guess. Nobody steers the run now,
            // so it stops here, as when the operator declines a destructive step.
            var why = UnansweredQuestion.Why("question whether its condition holds", e);
            noteUnanswered(why, e);
            console.Failed($"{char.ToUpperInvariant(why[0])}{why[1..]}. No answer is no yes: the step does not run, and the run stops here.");
            journal.Write("choice", ("key", key), ("about", "condition"), ("choice", "unanswered"), ("condition", condition), ("reason", why));
            return new StepOutcome(StepResult.Aborted, $"{why}; nothing of the step ran");
        }
        journal.Write("choice", ("key", key), ("about", "condition"), ("choice", yes ? "holds" : "skipped"), ("condition", condition), ("by", "operator"));
        return yes ? null : new StepOutcome(StepResult.Skipped, $"only if {condition}: the operator said it does not hold");
    }
}

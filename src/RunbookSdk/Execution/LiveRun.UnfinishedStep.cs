using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>What a resume says at a step the earlier run started without a recorded result, before it decides anything.</summary>
internal sealed partial class LiveRun
{
    private const string StartedWithoutResult = "This step started in the earlier run but has no recorded result";

    /// <summary>
    /// The line said at a resumed step the journal started without a result, in the terms of what follows in this mode:
    /// the questions asked below it — its condition, whether to run it again (<see cref="ConfirmResendAsync"/>), its
    /// confirmation (<see cref="ConfirmAsync"/>), in the order they are asked — or that it runs again when nothing is
    /// asked. It said "it runs again." just before "Run the step again?", as if the answer were already given.
    /// </summary>
    private void SayUnfinishedInEarlierRun(string section, string key, StepPlan step)
    {
        var line = UnfinishedInEarlierRun(section, key, step);
        _console.Warn(line);
        // Under 'run … > run.log' the questions are asked on the terminal, and the first may be the condition's, which
        // names no step: the engineer there is told which step they are about and what follows, once.
        if (line.StartsWith($"{StartedWithoutResult}: you are asked below", StringComparison.Ordinal))
            OnTerminal(c =>
            {
                c.Step($"{_currentNumber}  {step.Title}");
                c.Warn(line);
                _stepNamedOnTerminal = _currentNumber;
            });
    }

    // The step whose number and title the terminal was last told apart from the run's output (OnTerminal): what is said
    // there next about the same step does not name it again.
    private string? _stepNamedOnTerminal;

    private string UnfinishedInEarlierRun(string section, string key, StepPlan step)
    {
        var asked = new List<string>();
        if (step.Condition is not null && Interactive && _options.Conditions == ConditionAnswer.Ask) asked.Add("whether its condition holds");
        if (Interactive && !step.Idempotent && !_options.ResendRequests && UnconfirmedBefore(section, key, step) is not null) asked.Add("whether to run it again");
        if (step.RequiresConfirmation && Interactive && !_options.AssumeYes) asked.Add("to confirm it (it is destructive)");
        if (asked.Count > 0) return $"{StartedWithoutResult}: you are asked below {string.Join(", then ", asked)}.";
        // Nothing asked: --skip-conditional skips a conditional step, every other step runs again (a resend or a
        // confirmation --non-interactive refuses ends the run with its own reason, which is said there).
        return step.Condition is not null && _options.Conditions == ConditionAnswer.Skip
            ? $"{StartedWithoutResult}; --skip-conditional skips it."
            : $"{StartedWithoutResult}; it runs again.";
    }
}

using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// A resume passes by a completed step whose command left something running in the background — a health watch, a
/// port-forward — that the earlier run stopped only because it ended (a Ctrl+C, a failed step, the runner killed): the
/// steps after it still count on it. A wait that "the watch shows health turning green" waited 30 seconds in front of
/// no watch at all. The resume starts such a command again, says so and journals it (<c>background-restarted</c>), or
/// says plainly why it cannot, before any later step runs.
/// </summary>
internal sealed partial class LiveRun
{
    /// <summary>
    /// Starts again what the completed step <paramref name="key"/> left running in the earlier run until that run
    /// stopped it. A Ctrl+C during it ends only the restart: the run then stops before its next step.
    /// </summary>
    private async Task RestartBackgroundAsync(string key, string number, StepPlan step, CancellationToken cancellationToken)
    {
        if (_resume?.BackgroundLeftBy(key) is not { Count: > 0 } left) return;
        // Taken over still running from a runner that was killed (InheritBackground): a second copy must not start.
        if (_background.StillRunningFrom(key).Count > 0) return;
        foreach (var earlier in left)
        {
            // Known before anything is said: a resume that does not start it shows both commands in its NOT RUNNING, so
            // an engineer who gave another BaseUrl sees which one a start by hand must use.
            var otherCommand = OtherCommandThan(step, earlier);
            var why = WhyNotRestarted(step, earlier) ?? (step.Idempotent || Interactive ? null : NobodyToAskWhetherToStartAgain);
            // Said before the question too, which names both: the NOT RUNNING after a "no" then refers to it, once said is enough.
            var differenceSaid = false;
            if (why is null && otherCommand is not null)
            {
                SayTheCommandDiffers(earlier, otherCommand);
                differenceSaid = true;
            }
            if (why is null && !step.Idempotent)
                why = await WhyNotStartedAgainAsync(key, step, earlier, otherCommand, cancellationToken);
            if (why is not null)
            {
                SayNotStartedAgain(key, earlier, otherCommand, why, differenceSaid, cancellationToken);
                continue;
            }
            _console.Warn(step.Idempotent
                ? "The earlier run left this step's command running in the background until it stopped it when it ended; the steps after it count on it, and the step is marked idempotent (running it again does no harm): starting it again."
                : "Starting it again.");
            var shell = (ShellCommandAction)step.Actions[earlier.Action];
            _actionIndex = earlier.Action;
            _stepStarted = _clock.GetTimestamp();
            StepOutcome outcome;
            try
            {
                outcome = await RunShellAsync(key, step, shell, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcome = new StepOutcome(StepResult.Interrupted, "interrupted by the operator (Ctrl+C); its processes were killed");
            }
            _journal.Write("background-restarted", ("key", key), ("action", earlier.Action), ("command", shell.Command.Render(_context.Secrets.Mask)),
                ("earlierCommand", otherCommand is null ? null : earlier.Command), ("result", ResultName(outcome.Result)), ("reason", outcome.Reason));
            if (outcome.Result == StepResult.Succeeded) _console.Ok($"started again: the background of step {number} '{step.Title}' runs, and the run stops it when it ends");
            else _console.Failed($"NOT RUNNING: the background of step {number} '{step.Title}' could not be started again ({outcome.Reason}). The steps after it that count on it will not find it: start it by hand if they need it.");
        }
    }

    private const string NobodyToAskWhetherToStartAgain = "the step is not marked Idempotent(), and starting its background again runs its whole command again, "
        + "which a run with nobody to ask does not do (mark the step Idempotent() if running it again does no harm)";

    /// <summary>
    /// Said, and journaled, before any later step runs: the steps after it will not find the background. When this
    /// run's values make the command another than the one the earlier run started, both are shown, and the record keeps
    /// them as a restart's does (<c>command</c> this run's, <c>earlierCommand</c> the earlier run's): a start by hand
    /// must pick one. When the resume said so already, before it asked (<paramref name="differenceSaid"/>), the line
    /// refers to the two commands shown above instead of showing them again.
    /// </summary>
    private void SayNotStartedAgain(string key, LeftInBackground earlier, string? otherCommand, string why, bool differenceSaid, CancellationToken cancellationToken)
    {
        const string notFound = "The steps after it that count on it (a wait that watches it, a port it forwards) will not find it: start it by hand if they need it";
        if (otherCommand is null)
            _console.Failed($"NOT RUNNING: the earlier run left this step's command running in the background ({earlier.Command}) until it stopped it when it ended, "
                + $"and the resume does not start it again: {why}. {notFound}.");
        else if (differenceSaid)
            _console.Failed("NOT RUNNING: the earlier run left this step's command running in the background until it stopped it when it ended, "
                + $"and the resume does not start it again: {why}. {notFound}, as the earlier run's command or as this run's, both shown above.");
        else
        {
            _console.Failed("NOT RUNNING: the earlier run left this step's command running in the background until it stopped it when it ended, "
                + $"and the resume does not start it again: {why}. {notFound}. "
                + "DIFFERENT COMMAND: with this run's parameter values it is not the one the earlier run started; started by hand, each runs on what its own values name:");
            _console.Verbatim("earlier run: $ ", earlier.Command);
            _console.Verbatim("this run:    $ ", otherCommand);
        }
        _journal.Write("background-restarted", ("key", key), ("action", earlier.Action), ("command", otherCommand ?? earlier.Command),
            ("earlierCommand", otherCommand is null ? null : earlier.Command),
            ("result", cancellationToken.IsCancellationRequested ? "interrupted" : "skipped"), ("reason", why));
    }

    /// <summary>
    /// For a step not marked idempotent, starting its background again runs its whole command again, the part before
    /// the <c>&amp;</c> too (a <c>curl -X POST … &amp;&amp; watch … &amp;</c>): the engineer decides, as for any step
    /// run again on resume. Asked only by an interactive run. Null when they say yes; why not otherwise (no, Ctrl+C, no answer). When this run's values
    /// make the command another than the one the earlier run started (<c>otherCommand</c>), the question names both: a
    /// front end may show only the question.
    /// </summary>
    private async Task<string?> WhyNotStartedAgainAsync(string key, StepPlan step, LeftInBackground earlier, string? otherCommand, CancellationToken cancellationToken)
    {
        _console.Warn($"The earlier run left this step's command running in the background ({earlier.Command}) until it stopped it when it ended; the steps after it count on it. "
            + "Starting it again runs the whole command again, the part before the '&' too.");
        try
        {
            var yes = await AskAsync(key, step.Title, "restart-background", "the question to start its background again",
                () => _prompts.ConfirmAsync(otherCommand is null
                    ? $"Start '{step.Title}''s command again?"
                    : $"Start '{step.Title}''s command again as this run's values make it ({otherCommand}), not as the earlier run started it ({earlier.Command})?",
                    cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            _journal.Write("choice", ("key", key), ("about", "restart-background"), ("choice", yes ? "restart" : "declined"), ("by", "operator"));
            return yes ? null : "the operator chose not to";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _journal.Write("choice", ("key", key), ("about", "restart-background"), ("choice", "interrupted"), ("by", "operator"));
            return "interrupted by the operator (Ctrl+C) at the question";
        }
        catch (Exception e) when (UnansweredQuestion.Is(e, cancellationToken))
        {
            var why = Unanswered("question to start its background again", e);
            _journal.Write("choice", ("key", key), ("about", "restart-background"), ("choice", "unanswered"), ("reason", why));
            return why;
        }
    }

    /// <summary>
    /// The command as this run's parameter values make it (masked), when it is not the one the earlier run journaled:
    /// a resume given another <c>BaseUrl</c> or pod starts a watch of something else than what the earlier run watched.
    /// Null when they read the same, or when the runbook's step has no such command any more. Both are masked with the
    /// secrets of their own run, so a secret that changed is not told apart, and not shown.
    /// </summary>
    private string? OtherCommandThan(StepPlan step, LeftInBackground earlier)
    {
        if (earlier.Action >= step.Actions.Count || step.Actions[earlier.Action] is not ShellCommandAction shell) return null;
        var now = shell.Command.Render(_context.Secrets.Mask);
        return string.Equals(now, earlier.Command, StringComparison.Ordinal) ? null : now;
    }

    /// <summary>Said before the command starts, or is asked about: what starts is not what the steps after it were written against in the earlier run.</summary>
    private void SayTheCommandDiffers(LeftInBackground earlier, string otherCommand)
    {
        _console.Warn("DIFFERENT COMMAND: with this run's parameter values, the command that left the background running is not the one the earlier run started; "
            + "started again, it runs on what this run's values name, not on what the earlier run's did:");
        _console.Verbatim("earlier run: $ ", earlier.Command);
        _console.Verbatim("this run:    $ ", otherCommand);
    }

    /// <summary>Why the command an earlier run left running cannot be started again by the resume; null when it can.</summary>
    private static string? WhyNotRestarted(StepPlan step, LeftInBackground earlier)
    {
        if (earlier.Action >= step.Actions.Count || step.Actions[earlier.Action] is not ShellCommandAction)
            return "the runbook's step has no such command any more";
        // Starting it again runs its whole command again, the part before the '&' too: that is the engineer's decision.
        if (step.RequiresConfirmation) return "the step is destructive, and starting its background again runs its whole command again";
        return null;
    }
}

namespace RunbookSdk.Execution;

/// <summary>
/// What the run does when the runner's process goes away in the middle of it — a SIGTERM, a SIGHUP, a second Ctrl+C
/// (<see cref="RunnerExit"/>): nothing of the run starts any more, the command running is killed and journaled with what
/// it printed (C# code running is journaled with what it wrote: LiveRun.ExitDuringCode.cs), its step is journaled as
/// interrupted, and the background is killed and journaled; then the journal is closed, so what the dying flow would
/// still write (a rollback it would begin) is not recorded as if it happened.
/// </summary>
internal sealed partial class LiveRun
{
    // Taken to check that the runner is not going away and to change the command in flight; the exit handler takes it to say so.
    private readonly Lock _exitGate = new();
    private volatile bool _ending;
    private RunningCommand? _running;
    // The step between its step-started and its step-finished: the exit handler journals it when no command or code of
    // it is in flight (an HTTP request, a wait, a monitor, a manual instruction).
    private StepInFlight? _stepInFlight;

    /// <summary>A step that started and has not been journaled as finished.</summary>
    private sealed record StepInFlight(string Key, string Title, long Started);
    // The question on screen outside any started step (LiveRun.Questions.cs): the exit handler journals the run's end there.
    private QuestionInFlight? _questionInFlight;
    private readonly ProcessStartGate _processes = new();

    /// <summary>How long a runner going away waits for the killed command's output and its end to be read.</summary>
    private static readonly TimeSpan ExitCommandDrain = TimeSpan.FromSeconds(3);

    // Completes when the exit handler has written the journal's last records.
    private readonly TaskCompletionSource _exitJournaled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long the run's flow waits, once it finds the runner going away, for the exit handler's records (bounded: each of its waits is).</summary>
    private static readonly TimeSpan ExitHandlerLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Stops the run's flow where it is once the runner is going away: nothing new starts. It waits for the exit
    /// handler first: the flow, unwound, returns from <c>Main</c>, which ends the process — with the handler's last
    /// records (a killed command, its step's end) half written.
    /// </summary>
    private void ThrowIfEnding()
    {
        if (!_ending) return;
        _exitJournaled.Task.Wait(ExitHandlerLimit);
        throw new RunnerEndingException();
    }

    /// <summary>Makes <paramref name="command"/> the one in flight, unless the runner is going away.</summary>
    private void BeginCommand(RunningCommand command)
    {
        lock (_exitGate)
        {
            ThrowIfEnding();
            _running = command;
        }
    }

    /// <summary>
    /// The command ended: its record is the run's to write — unless the runner began to go away meanwhile, whose
    /// handler writes it (from <paramref name="command"/>) and the step's end; then the flow stops here.
    /// </summary>
    private void EndCommand(RunningCommand command, ShellResult? result)
    {
        command.End(result is not null, result?.ExitCode);
        lock (_exitGate)
        {
            if (ReferenceEquals(_running, command)) _running = null;
            ThrowIfEnding();
        }
    }

    /// <summary>
    /// The runner's process is going away (<see cref="RunnerExit"/>, from the signal's thread): closes the run to new
    /// work, kills the command in flight and journals it and its step, kills and journals the background, and closes
    /// the journal. Safe to call while the run's flow goes on.
    /// </summary>
    private void OnRunnerExit()
    {
        RunningCommand? command;
        RunningCode? code;
        StepInFlight? step;
        QuestionInFlight? question;
        lock (_exitGate)
        {
            _ending = true;
            command = _running;
            code = _runningCode;
            step = _stepInFlight;
            question = _questionInFlight;
        }
        try
        {
            var (wasRunning, exitedWith) = _processes.Close();
            _journal.WriteLast(() =>
            {
                if (command is not null) JournalKilledCommand(command, wasRunning, exitedWith);
                else if (code is not null) JournalInterruptedCode(code);
                // An HTTP request, a wait, a monitor or a prompt: nothing to kill, but the journal ended at the step's
                // step-started, as after a kill -9 or a power cut, and a review could not tell that a signal ended it.
                else if (step is not null) JournalInterruptedStep(step);
                // A question before a step starts, or the rollback offer: the journal ended at the step before, as
                // after a kill -9, with no word of the question the session dropped at.
                else if (question is not null) JournalEndedAtQuestion(question);
                KillBackgroundNow();
            });
            TellRunnerEnded(command?.Title ?? code?.Title ?? step?.Title ?? question?.Title,
                command is not null ? "its command was killed" : code is not null ? "its code ends with the process" : question is not null ? question.Ended : null,
                inRollback: (command?.Key ?? code?.Key ?? step?.Key ?? question?.Key)?.StartsWith("rollback/", StringComparison.Ordinal) == true,
                atRollbackOffer: command is null && code is null && step is null && question is { Key: null });
        }
        finally
        {
            _exitJournaled.TrySetResult();
        }
    }

    /// <summary>
    /// Says on the console what the runner's end left undone and how to go on: the engineer who pressed Ctrl+C a second
    /// time saw the output stop and a shell prompt, with no word of the rollback and verification that did not run.
    /// </summary>
    private void TellRunnerEnded(string? stepTitle, string? what, bool inRollback, bool atRollbackOffer)
    {
        // A resume does not pick the rollback up where it stopped (docs/runner.md, Resume): "continue" would promise it.
        var resume = inRollback
            ? " goes on from the first phase step not completed, not from this rollback step, and offers the rollback again should the run stop (rollback steps completed are not repeated)"
            : " continues after the last completed step";
        var during = stepTitle is null
            ? what is null ? "" : $" {what}"
            : $" during step {_currentNumber} '{stepTitle}'{(what is null ? "" : $": {what}")}";
        try
        {
            // At a question, the cursor stands after it ("[y/n]"): said on its line, the end read as part of the question.
            _promptLine?.End();
            Closing(c => c.Failed($"Run ENDED at once (a second Ctrl+C, SIGTERM or SIGHUP){during}. Nothing more of the run starts: "
                + $"no further step, rollback or verification. The journal records what was done: {JournalNamed()}"));
            // Ended at the rollback offer, nothing was completed since the step that stopped the run: "continues after the
            // last completed step" hid that the rollback was not run and that a resume runs that step again (found by
            // resuming such a journal, and in its dry run). The words are those of an offer declined: the same end.
            if (atRollbackOffer && _context.Plan.Rollback is { } rollback)
                Closing(c => c.Info(RollbackNotRunHint(RollbackNotRun.Steps(rollback, 0))));
            else
                Closing(c => c.Info($"To go on: {ResumeCommand}; it{resume}."));
            ExplainWebhookPlaceholder();
            // The runner's own last records went to the same journal: what it did not take is printed, as at a run's end.
            WarnIfJournalIncomplete();
            ShowUnwrittenEvents();
        }
        catch (Exception)
        {
            // The terminal may be gone with the SSH session that hung up: the journal has the record.
        }
    }

    /// <summary>The step the runner was in when it was ended, with no command or code of it running: interrupted, as on Ctrl+C.</summary>
    private void JournalInterruptedStep(StepInFlight step) =>
        _journal.Write("step-finished", ("key", step.Key), ("title", step.Title), ("result", "interrupted"),
            ("reason", "the runner was ended (SIGTERM, SIGHUP or a second Ctrl+C) during the step"),
            ("durationMs", (long)_clock.GetElapsedTime(step.Started).TotalMilliseconds));

    /// <summary>
    /// Journals the command the runner killed — or that ended just before, whose record the flow did not get to write —
    /// and its step as interrupted. A command the closed gate kept from starting gets no record of its own.
    /// </summary>
    private void JournalKilledCommand(RunningCommand command, bool wasRunning, int? exitedWith)
    {
        // The flow reads what the killed command printed until its pipes close (they close with its processes).
        var ended = command.Ended.Wait(ExitCommandDrain);
        var started = wasRunning || !ended || command.Ended.Result.Started;
        // A command that died of the signal ending the runner (the terminal's hangup or Ctrl+C reaches bash too, a
        // service manager signals the whole unit) did not finish, however it beat the handler to its end: a resume
        // must ask before it runs it again (ShellProcess holds such a command for this handler).
        var killed = wasRunning && exitedWith is null;
        var diedOfTheSignal = wasRunning && exitedWith is { } code && ShellProcess.DiedOfRunnersSignal(code);
        if (started)
        {
            var exitCode = exitedWith ?? (ended ? command.Ended.Result.ExitCode : null);
            _journal.Write("action", [("key", command.Key), ("kind", "shell"), ("command", command.Command), ("exitCode", exitCode),
                ("interrupted", killed || diedOfTheSignal ? true : null), ("attempt", command.Attempt),
                ("durationMs", (long)_clock.GetElapsedTime(command.Started).TotalMilliseconds), .. command.Output.Fields()]);
        }
        _journal.Write("step-finished", ("key", command.Key), ("title", command.Title), ("result", "interrupted"),
            ("reason", killed
                ? "the runner was ended (SIGTERM, SIGHUP or a second Ctrl+C) during its command; the command's processes were killed (SIGKILL)"
                : diedOfTheSignal
                    ? $"the runner was ended (SIGTERM, SIGHUP or a second Ctrl+C) during its command, which the same signal ended (exit code {exitedWith})"
                    : "the runner was ended (SIGTERM, SIGHUP or a second Ctrl+C) during the step"),
            ("durationMs", (long)_clock.GetElapsedTime(command.StepStarted).TotalMilliseconds));
    }
}

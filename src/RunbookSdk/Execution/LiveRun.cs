using System.Globalization;
using RunbookSdk.Commands;
using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>One live run: the flow through phases, rollback and verification. Actions are in LiveRun.Actions.cs.</summary>
internal sealed partial class LiveRun : IDisposable
{
    private readonly RunContext _context;
    private readonly RunnerOptions _options;
    private readonly RunConsole _console;
    private readonly IOperatorPrompts _prompts;
    // The console prompts' open line, which the runner ends before it speaks from a signal's thread (a front end of
    // its own writes its questions elsewhere, and has no such line of ours to end).
    private readonly PromptLine? _promptLine;
    private readonly ResumeState? _resume;
    private readonly TimeProvider _clock;
    private readonly EscalationClock _escalation;
    // This run started a phase step (rather than skipping one completed earlier): the rollback must undo it too.
    private bool PhaseStepRan => _phaseStepsStarted.Count > 0;
    // This run has carried out an action (not a note or snippet), and which action of its step runs now: a resumed
    // wait counts only the rest of its time when nothing ran since the earlier run started it.
    private bool _actionRan;
    private int _actionIndex;
    // When the step in progress started (monotonic): a runner going away journals its end.
    private long _stepStarted;
    // The rollback section completed: it undid the completed steps, so a resume of this journal starts over.
    private bool _rolledBack;
    // The rollback completed and the verification after it failed (its failures): the system is still unhealthy.
    private string? _unhealthyAfterRollback;
    // Every phase step done and only the verification failed: a resume repeats no step and checks again.
    private bool _onlyVerificationFailed;
    // The operator stopped the rollback: the rollback steps it left undone ("R.2 'Restore the database'"), for the closing hint.
    private string[]? _rollbackNotRun;
    // The rollback offer was declined (or went unanswered): every rollback step, for the closing hint that says what
    // the run changed is still in place.
    private string[]? _rollbackDeclined;
    // The phase step the run stopped at ("2.1 'Deploy'"): the step a resume runs first.
    private string? _stoppedAt;
    private readonly Dictionary<string, string> _outputs = new(StringComparer.OrdinalIgnoreCase);
    // Outputs a resumed run cannot give back (a secret journaled masked, a command's whole output), by name: why.
    private readonly Dictionary<string, string> _lostOutputs = new(StringComparer.OrdinalIgnoreCase);
    private RunJournal _journal = null!;
    private RunObservers _observers = null!;
    // The section the run is in (phase-N, rollback, verification): a notification's {status} says it.
    private string _currentSection = "";
    private string _currentPhase = "";
    private string _currentStep = "";
    private string _currentNumber = "";
    private readonly BackgroundProcesses _background = new();
    // When this run (or resume) began, on the monotonic clock: run-finished says how long it took, beside the incident time.
    private long _runStarted;
    private readonly StepConditions _conditions;
    private readonly StepChoices _choices;
    // What a resume changed of the journal's run (parameters given again with other values) and did not take (--choose
    // for a decision it made otherwise): said in the header and journaled in run-started.
    private IReadOnlyList<ParameterChange> _changedParameters = [];
    private IReadOnlyList<OverruledChoice> _overruledChoices = [];
    // OneOf decisions made in this run, by section and first option ("phase-2/3"): the option chosen, null for none.
    private readonly Dictionary<string, int?> _decided = [];
    // Options not chosen, by step key: why they are skipped (journaled when the decision was made).
    private readonly Dictionary<string, string> _notChosen = [];

    public LiveRun(RunContext context, RunnerOptions options, RunConsole console, IOperatorPrompts prompts, ResumeState? resume)
    {
        _context = context;
        _options = options;
        _console = console;
        // Every question passes the masker once, here: no question asked below can forget it.
        _prompts = new MaskingOperatorPrompts(prompts, context.Secrets);
        _promptLine = (prompts as ConsoleOperatorPrompts)?.Line;
        _resume = resume;
        _clock = options.Clock;
        _escalation = new EscalationClock(context.Escalation, context.Severity, resume?.IncidentStart ?? _clock.GetUtcNow());
        _conditions = new StepConditions(options, _prompts, NoteUnanswered);
        _choices = new StepChoices(options);
    }

    private bool Interactive => !_options.NonInteractive;

    /// <summary>What a resume of a journal whose run succeeded says before it starts: its dry run says it too.</summary>
    internal const string AlreadySucceeded = "The journal's run already succeeded: this resume repeats no completed step and runs the verification again. To run the runbook afresh, start it without --resume.";

    /// <summary>
    /// What a resume of a journal whose rollback completed says before it starts, as its dry run does: no phase step is
    /// left completed, so step 1.1 (often a deploy) runs again.
    /// </summary>
    internal const string StartsOverAfterRollback = "The journal's rollback undid the completed steps: the resume starts over from the first step.";

    /// <summary>
    /// A non-interactive run must be able to finish without a person: it refuses to start (rather than stop half-way
    /// after changing things) when a step needs a confirmation without <c>--yes</c>, a manual step without <c>--skip-manual</c>,
    /// a step's condition (<c>OnlyIf</c>) an answer without <c>--conditions-hold</c> or <c>--skip-conditional</c>, or a
    /// <c>OneOf</c> decision an answer without <c>--choose</c>. Of a decision only the option it takes is checked. Any
    /// run refuses a <c>--choose</c> that names no decision of the runbook or no option of its decision.
    /// </summary>
    public string? Preflight()
    {
        var wrongChoices = new List<string>();
        var problems = new List<string>();
        var decisions = new List<string>();
        foreach (var (section, steps) in Sections())
        {
            // Steps of a decision that will not run (not chosen, or not yet chosen) need nothing of the operator.
            var notChecked = new HashSet<int>();
            foreach (var group in ChoiceGroup.All(steps))
            {
                decisions.Add(group.Title);
                var remaining = Enumerable.Range(group.Start, group.Options.Count).Where(j => !IsCompleted(StepKey(section, j), section)).ToArray();
                if (remaining.Length <= 1 && remaining.Length < group.Options.Count) continue; // decided in the resumed journal
                var given = _choices.Given(group);
                if (given?.Problem is { } wrong) wrongChoices.Add(wrong);
                else if (given is null && !Interactive) problems.Add(StepChoices.Unanswered(group));
                for (var k = 0; k < group.Options.Count; k++)
                {
                    if (given is not { Problem: null, Option: var chosen } || chosen != k) notChecked.Add(group.Start + k);
                }
            }
            if (Interactive) continue;
            for (var j = 0; j < steps.Count; j++)
            {
                var step = steps[j];
                if (notChecked.Contains(j) || IsCompleted(StepKey(section, j), section)) continue;
                // Skipped by --skip-conditional before anything of it is asked: it needs nothing of the operator either.
                if (step.Condition is not null && _options.Conditions == ConditionAnswer.Skip) continue;
                if (_conditions.PreflightProblem(step) is { } condition) problems.Add(condition);
                if (step.RequiresConfirmation && !_options.AssumeYes)
                    problems.Add($"'{step.Title}' is destructive and needs a confirmation: pass --yes to accept confirmations");
                if (!_options.SkipManual && step.Actions.OfType<ManualInstructionAction>().Any())
                    problems.Add($"'{step.Title}' has a manual instruction: pass --skip-manual to skip manual steps, or run interactively");
                if (!_options.ResendRequests && !step.Idempotent && UnconfirmedBefore(section, StepKey(section, j), step) is { } earlier)
                    problems.Add($"'{step.Title}' {earlier.Done} in the earlier run, which recorded no result for the step: {earlier.Risk}. Check whether it took effect, then pass --resend-requests to {earlier.Again}, or resume interactively to decide");
            }
        }
        wrongChoices.AddRange(_choices.Unknown(decisions));
        if (wrongChoices.Count > 0) return "Nothing was run:\n  - " + string.Join("\n  - ", wrongChoices.Distinct());
        return problems.Count == 0 ? null : "--non-interactive never waits for input, and this run would need it:\n  - " + string.Join("\n  - ", problems.Distinct());
    }

    public async Task<RunOutcome> ExecuteAsync(RunJournal journal, CancellationToken cancellationToken)
    {
        _runStarted = _clock.GetTimestamp();
        _journal = journal;
        journal.WriteFailed += e => _console.Failed(
            $"JOURNAL: cannot write '{journal.Path}' ({e.Message}). The run goes on; the events not written are kept, written when the journal takes them again, and shown at the end.");
        _observers = new RunObservers(_options.Observers, journal);
        // C# code may print to the console: while the run goes on, what it prints is caught and masked (process-wide,
        // so only when the runbook has code at all).
        using var delegateConsole = Sections().Any(s => s.Steps.Any(step => step.Actions.OfType<DelegateAction>().Any()))
            ? DelegateConsole.Install()
            : null;
        // A second Ctrl+C, a SIGTERM or a SIGHUP ends the process mid-run: the command in flight and what the background
        // printed must still reach the journal, and nothing may start after it (LiveRun.Exit.cs).
        using var onExit = RunnerExit.Register(OnRunnerExit);
        using var onCtrlC = cancellationToken.Register(OnCtrlC);
        try
        {
            return await ExecuteStepsAsync(cancellationToken);
        }
        catch (Exception)
        {
            // The run is ending abnormally (an error in the runner, not a failed step): no gentle stop at its end.
            KillBackgroundNow();
            throw;
        }
    }

    private async Task<RunOutcome> ExecuteStepsAsync(CancellationToken cancellationToken)
    {
        var plan = _context.Plan;
        RestoreOutputs();
        WriteHeader();
        InheritBackground();

        Stop? stop = null;
        for (var i = 0; i < plan.Phases.Count && stop is null; i++)
        {
            var phase = plan.Phases[i];
            var section = $"phase-{i + 1}";
            if (phase.Steps.Count > 0 && CancelledBefore(StepNumbers.Phase(i, 0), phase.Steps[0], cancellationToken) is { } beforePhase)
            {
                stop = beforePhase;
                NoteNotReached(i, 0);
                break;
            }
            PhaseHeading($"Phase {i + 1}/{plan.Phases.Count}: {phase.Name}", section, phase);
            for (var j = 0; j < phase.Steps.Count && stop is null; j++)
            {
                var step = phase.Steps[j];
                var number = StepNumbers.Phase(i, j);
                if (CancelledBefore(number, step, cancellationToken) is { } beforeStep)
                {
                    stop = beforeStep;
                    NoteNotReached(i, j);
                    break;
                }
                var outcome = await RunStepAsync(section, j, number, step, phase, cancellationToken);
                if (outcome.Result is StepResult.Failed or StepResult.Aborted or StepResult.Interrupted) _stoppedAt = $"{number} '{step.Title}'";
                stop = outcome.Result switch
                {
                    StepResult.Failed => new Stop(StopKind.Failed, $"step {number} '{step.Title}' failed: {outcome.Reason}"),
                    StepResult.Aborted => new Stop(StopKind.Aborted, $"{(_unanswered is null ? "the operator aborted" : "the run stopped")} at step {number} '{step.Title}'{Because(outcome.Reason)}"),
                    StepResult.Interrupted => new Stop(StopKind.Interrupted, $"interrupted during step {number} '{step.Title}'{Because(outcome.Reason)}"),
                    _ => null,
                };
                if (stop is not null) NoteNotReached(i, j + 1);
                _lastPhaseStep = $"{number} '{step.Title}'";
            }
        }

        _phasesOver = true;
        RunOutcome result;
        if (stop is null)
        {
            var verification = await VerifyAsync();
            result = verification is null ? RunOutcome.Success : RunOutcome.Failure($"the steps succeeded but verification failed: {verification}");
            _onlyVerificationFailed = verification is not null;
        }
        else
        {
            _console.Failed(StoppedLine(stop));
            var rollback = await RollbackAsync(stop);
            _rolledBack = rollback.Kind == RollbackKind.Succeeded;
            var verification = await VerifyAsync();
            if (_rolledBack) _unhealthyAfterRollback = verification;
            result = Conclude(stop, rollback, verification);
        }
        await StopBackgroundAsync();
        await EndObserversAsync(result);
        WriteFooter(result);
        ShowUnwrittenEvents();
        return result;
    }

    /// <summary>The record of the run must survive a journal that stopped taking it: what it did not take is printed.</summary>
    private void ShowUnwrittenEvents()
    {
        if (_journal.Unwritten is not { Count: > 0 } unwritten) return;
        _console.Failed($"JOURNAL: {unwritten.Count} event(s) could not be written to '{_journal.Path}'. Here they are, as the journal lines they should have been; keep them with the incident record:");
        foreach (var line in unwritten) _console.Verbatim("", line);
    }

    /// <summary>Tells the observers how the run ended and waits for them (bounded); what they could not deliver is journaled and shown.</summary>
    private async Task EndObserversAsync(RunOutcome result)
    {
        if (_options.Observers.Count == 0) return;
        var postIncident = _context.Plan.Document.PostIncident.Count > 0
            ? _context.Plan.Document.PostIncident
            : _context.Handbook?.Document.PostIncident ?? [];
        var mask = _context.Secrets.Mask;
        var ended = new RunEndedEvent(result.Status, result.ExitCode, result.Reason is null ? null : mask(result.Reason), _clock.GetUtcNow(),
            postIncident.Select(stage => new ChecklistStagePlan(mask(stage.Stage), stage.Items.Select(mask).ToArray())).ToArray())
        {
            NotReached = NotReachedForObservers(),
            RollbackNotReached = RollbackNotReachedForObservers(),
        };
        _observers.Post("run-ended", (o, ct) => o.RunEndedAsync(ended, ct));
        foreach (var message in await _observers.DrainAsync(_options.ObserverTimeout))
            _console.Warn($"Incident record: {message}");
    }

    private void NotifyStep(string section, PhasePlan phase, StepPlan step, StepOutcome outcome, TimeSpan duration)
    {
        if (_options.Observers.Count == 0) return;
        var detail = new List<string>();
        if (outcome.Reason is { } reason) detail.Add(reason);
        if (_stepOutput is { Length: > 0 } output)
        {
            var lines = output.Split('\n');
            detail.Add(string.Join('\n', lines.Skip(Math.Max(0, lines.Length - _options.JournalOutputTail))));
        }
        // The phase's name and the step's title too, as the journal's and the console's: a title built from a secret
        // (a step "Restart postgres" whose database password is "postgres") reached the incident issue in clear.
        var finished = new StepFinishedEvent(section, _context.Secrets.Mask(phase.Name), _context.Secrets.Mask(step.Title), ResultName(outcome.Result),
            detail.Count == 0 ? null : _context.Secrets.Mask(string.Join("\n", detail)), _clock.GetUtcNow(), duration);
        _observers.Post("step-finished", (o, ct) => o.StepFinishedAsync(finished, ct));
    }

    private RunOutcome Conclude(Stop stop, RollbackResult rollback, string? verification)
    {
        // A runbook with no verification (RB0003 turned off) checked nothing: "verification passed" told the engineer
        // and the journal the system had been checked after the failure.
        var verified = verification is not null ? $"verification failed: {verification}"
            : HasVerification ? "verification passed" : "no verification defined: nothing was checked";
        var reason = $"{stop.Reason}; {rollback.Describe}; {verified}.";
        if (rollback.Kind == RollbackKind.Failed) return new RunOutcome(RunStatus.RollbackFailed, reason);
        // The operator's own choice in the rollback ends the run as theirs, whatever stopped the phases.
        if (rollback.Kind == RollbackKind.Stopped) return new RunOutcome(RunStatus.Aborted, reason);
        return stop.Kind switch
        {
            StopKind.Interrupted => new RunOutcome(RunStatus.Cancelled, reason),
            StopKind.Aborted => new RunOutcome(RunStatus.Aborted, reason),
            _ when rollback.Kind == RollbackKind.Succeeded => new RunOutcome(RunStatus.RolledBack, reason),
            _ => RunOutcome.Failure(reason),
        };
    }

    /// <summary>Rollback after a stop: offered interactively, performed non-interactively; runs with no cancellation (a second Ctrl+C ends the process).</summary>
    private async Task<RollbackResult> RollbackAsync(Stop stop)
    {
        var plan = _context.Plan;
        if (plan.Rollback is not { Steps.Count: > 0 } rollback)
        {
            var why = plan.NoRollbackReason is { } reason ? $"no rollback needed ({reason})" : "no rollback defined";
            _console.Warn($"Rollback: {why}.");
            _journal.Write("rollback-skipped", ("reason", why));
            SayWhyTheRunStopped(stop);
            return new RollbackResult(RollbackKind.NotRun, why);
        }
        if (!PhaseStepRan && _resume is not { PhaseStepsStarted.Count: > 0 })
        {
            // Nothing to undo: a rollback run now would undo what this run never did (a deploy it did not make), or
            // another team's change. Stopped at the first step's question, before anything of it ran.
            const string why = "no rollback needed (no step of the phases started: nothing was changed)";
            _console.Info($"Rollback: {why}.");
            _journal.Write("rollback-skipped", ("reason", why));
            SayWhyTheRunStopped(stop);
            return new RollbackResult(RollbackKind.NotRun, why);
        }

        if (Interactive)
        {
            _console.Info(StartedBeforeTheStop());
            SayWhyTheRollbackIsOffered(stop);
            bool accept;
            try
            {
                accept = await AskAsync(null, null, "rollback", "the rollback offer",
                    () => _prompts.ConfirmAsync($"Run the rollback section ({rollback.Steps.Count} step(s))?", CancellationToken.None));
            }
            catch (Exception e) when (UnansweredQuestion.Is(e, CancellationToken.None))
            {
                // Nobody accepted the offer: the rollback's steps change things too, and no answer is no yes.
                var why = Unanswered("rollback offer", e);
                _journal.Write("choice", ("about", "rollback"), ("choice", "unanswered"), ("reason", why));
                _rollbackDeclined = RollbackNotRun.Steps(rollback, 0);
                return new RollbackResult(RollbackKind.NotRun, $"the rollback was not run: {why}");
            }
            _journal.Write("choice", ("about", "rollback"), ("choice", accept ? "rollback" : "no-rollback"), ("by", "operator"));
            if (!accept)
            {
                _rollbackDeclined = RollbackNotRun.Steps(rollback, 0);
                return new RollbackResult(RollbackKind.NotRun, "the operator declined the rollback");
            }
        }
        else
        {
            _journal.Write("choice", ("about", "rollback"), ("choice", "rollback"), ("by", "--non-interactive"));
            SayWhyTheRunStopped(stop);
        }

        PhaseHeading("Rollback", "rollback", rollback);
        for (var j = 0; j < rollback.Steps.Count; j++)
        {
            var step = rollback.Steps[j];
            var number = StepNumbers.Rollback(j);
            var unansweredBefore = _unansweredQuestions;
            var outcome = await RunStepAsync("rollback", j, number, step, rollback, CancellationToken.None);
            if (outcome.Result == StepResult.Aborted)
                return StopRollback(rollback, j, outcome.Reason, byOperator: _unansweredQuestions == unansweredBefore);
            if (outcome.Result is StepResult.Failed or StepResult.Interrupted)
            {
                // A rollback that failed half-way is not continued: later steps assume the earlier ones worked.
                var how = outcome.Result == StepResult.Failed ? "failed" : "was aborted";
                var why = $"rollback step {number} '{step.Title}' {how}{Because(outcome.Reason)}";
                _console.Failed(Capitalize(why) + ". The system is in a state no section describes: escalate.");
                _journal.Write("rollback-finished", ("result", "failed"), ("reason", why), ("notReached", NoteRollbackNotReached(rollback, j, how)));
                return new RollbackResult(RollbackKind.Failed, why);
            }
        }
        _journal.Write("rollback-finished", ("result", "succeeded"));
        return new RollbackResult(RollbackKind.Succeeded, "rolled back");
    }

    /// <summary>
    /// The operator chose not to run a rollback step (declined its confirmation, aborted its manual instruction, or
    /// chose not to send a request again): that is a decision, not a broken command, so it is not reported as a failed
    /// rollback ("escalate: a state no section describes") but as a rollback stopped at that step, with the steps it
    /// left undone, journaled as <c>rollback-finished</c> with <c>result: stopped</c>. Later steps are not run: they
    /// assume this one worked.
    /// </summary>
    private RollbackResult StopRollback(PhasePlan rollback, int index, string? reason, bool byOperator)
    {
        var notRun = RollbackNotRun.Steps(rollback, index);
        var at = notRun[0];
        // A question nobody answered stops it as a "no" does, but saying the operator chose it misleads the review.
        var who = byOperator ? "the operator stopped the rollback" : "the rollback stopped, its question unanswered,";
        _rollbackStoppedUnanswered = !byOperator;
        var why = $"{who} at step {at}{Because(reason)}; not run: {string.Join(", ", notRun)}";
        var done = index == 0 ? "No rollback step ran" : $"The rollback steps before {StepNumbers.Rollback(index)} ran";
        _console.Failed($"Rollback STOPPED {(byOperator ? "by the operator" : "at a question nobody could answer,")} at step {at}{Because(reason)}. {done}; not run: {string.Join(", ", notRun)}. The rollback is incomplete.");
        _journal.Write("rollback-finished", ("result", "stopped"), ("reason", why), ("notRun", notRun));
        _rollbackNotRun = notRun;
        NoteRollbackStopped(rollback, index);
        return new RollbackResult(RollbackKind.Stopped, why);
    }

    /// <summary>Whether the runbook has verification steps to run.</summary>
    private bool HasVerification => _context.Plan.Verification is { Steps.Count: > 0 };

    /// <summary>Runs every verification step (all of them, so the operator sees every check); null when all passed.</summary>
    private async Task<string?> VerifyAsync()
    {
        if (_context.Plan.Verification is not { Steps.Count: > 0 } verification)
        {
            _console.Warn("Verification: none defined.");
            return null;
        }
        PhaseHeading("Verification", "verification", verification);
        var failures = new List<string>();
        for (var j = 0; j < verification.Steps.Count; j++)
        {
            var step = verification.Steps[j];
            // Verification is never cancelled by the first Ctrl+C: after an interrupt it is the operator's best evidence.
            var outcome = await RunStepAsync("verification", j, StepNumbers.Verification(j), step, verification, CancellationToken.None);
            if (outcome.Result is not (StepResult.Succeeded or StepResult.Skipped)) failures.Add($"'{step.Title}'{Because(outcome.Reason)}");
        }
        _journal.Write("verification-finished", ("result", failures.Count == 0 ? "succeeded" : "failed"), ("failures", failures));
        return failures.Count == 0 ? null : string.Join("; ", failures);
    }

    private async Task<StepOutcome> RunStepAsync(string section, int index, string number, StepPlan step, PhasePlan phase, CancellationToken cancellationToken)
    {
        ThrowIfEnding();
        _stepOutput = null;
        var key = StepKey(section, index);
        _currentStep = step.Title;
        _currentNumber = number;
        AnnounceEscalation();
        // A decision is asked once, before its first option that is still to run: the options not chosen are skipped.
        if (step.Choice is not null && !IsCompleted(key, section) && await DecideAsync(section, phase, index, cancellationToken) is { } undecided)
        {
            JournalIfInterruptedAtQuestion(key, step, undecided);
            NotifyStep(section, phase, step, undecided, TimeSpan.Zero);
            return undecided;
        }
        _console.Step($"{number}  {step.Title}");

        if (IsCompleted(key, section))
        {
            var completion = _resume!.Completions.GetValueOrDefault(key);
            _console.Ok(CompletedEarlier(completion));
            _journal.Write("step-skipped", ("key", key), ("number", number), ("title", step.Title), ("reason", "completed in the resumed journal"),
                ("earlierResult", completion?.Result), ("earlierReason", completion?.Reason), ("earlierOperator", completion?.Operator),
                ("earlierTime", completion?.At?.ToString("O", CultureInfo.InvariantCulture)));
            // A resume of this run's journal must find them too.
            foreach (var output in _resume!.Outputs.Where(o => o.Key == key)) JournalStepOutput(key, output.Name, output.Value, output.Masked);
            await RestartBackgroundAsync(key, number, step, cancellationToken);
            return new StepOutcome(StepResult.Skipped, "completed earlier");
        }
        if (_notChosen.TryGetValue(key, out var notChosen))
        {
            // Journaled as skipped when the decision was made, so a resume finds the decision whatever happens next.
            _console.Warn($"skipped: {notChosen}");
            var skipped = new StepOutcome(StepResult.Skipped, notChosen);
            NotifyStep(section, phase, step, skipped, TimeSpan.Zero);
            return skipped;
        }
        if (_resume?.UnfinishedSteps.Contains(key) == true)
            SayUnfinishedInEarlierRun(section, key, step);
        // The condition comes first: a step that does not apply asks nothing more (no confirmation, no resend).
        var checkCondition = () => _conditions.CheckAsync(key, step, _journal, _console, cancellationToken);
        var conditionAsked = step.Condition is not null && Interactive && _options.Conditions == ConditionAnswer.Ask;
        if (await (conditionAsked ? AskAsync(key, step.Title, "condition", "the question whether its condition holds", checkCondition) : checkCondition()) is { } notRun)
            return ConditionNotMet(key, section, phase, step, notRun);
        if (UnconfirmedBefore(section, key, step) is { } earlier && await ConfirmResendAsync(key, step, earlier, cancellationToken) is { } notResent)
            return NotStarted(key, section, phase, step, notResent);

        if (step.RequiresConfirmation && await ConfirmAsync(key, step, cancellationToken) is { } refused)
            return NotStarted(key, section, phase, step, refused);

        await StopEarlierAttemptAsync(key, number, step.Title);
        // Durations on the monotonic timestamp: a clock set back during the step (NTP) must not make it negative.
        var started = _clock.GetTimestamp();
        _stepStarted = started;
        if (section.StartsWith("phase-", StringComparison.Ordinal)) _phaseStepsStarted.Add(new StartedPhaseStep(number, step.Title, step.RequiresConfirmation));
        _journal.Write("step-started", ("key", key), ("number", number), ("section", section), ("title", step.Title), ("destructive", step.RequiresConfirmation), ("idempotent", step.Idempotent ? true : null));
        lock (_exitGate) _stepInFlight = new StepInFlight(key, step.Title, started);
        StepOutcome outcome;
        try
        {
            outcome = await RunActionsAsync(key, step, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = new StepOutcome(StepResult.Interrupted, InterruptedReason(_actionIndex < step.Actions.Count ? step.Actions[_actionIndex] : null));
        }
        catch (Exception e) when (e is not (OperationCanceledException or RunnerEndingException))
        {
            outcome = new StepOutcome(StepResult.Failed, $"{e.GetType().Name}: {e.Message}");
        }

        var duration = _clock.GetElapsedTime(started);
        // From here the step's end is the flow's to write, not the exit handler's (LiveRun.Exit.cs).
        lock (_exitGate) _stepInFlight = null;
        _journal.Write("step-finished",
            ("key", key), ("number", number), ("title", step.Title), ("result", ResultName(outcome.Result)), ("reason", outcome.Reason),
            ("durationMs", (long)duration.TotalMilliseconds));
        NotifyStep(section, phase, step, outcome, duration);
        var timing = $"({FormatElapsed(duration)}; incident time {FormatElapsed(Elapsed)})";
        switch (outcome.Result)
        {
            case StepResult.Succeeded: _console.Ok($"ok {timing}"); break;
            case StepResult.Skipped: _console.Warn($"skipped: {outcome.Reason} {timing}"); break;
            case StepResult.Interrupted: _console.Failed($"INTERRUPTED: {outcome.Reason}"); break;
            case StepResult.Aborted: _console.Failed($"ABORTED{Because(outcome.Reason)}"); break;
            default: _console.Failed($"FAILED: {outcome.Reason} {timing}"); break;
        }
        CheckTimeBox(phase);
        return outcome;
    }

    /// <summary>
    /// A step whose condition did not hold is skipped, and journaled as finished so a resume counts it completed (as
    /// other skips); a Ctrl+C or a refusal at the question stops the run like one at a confirmation.
    /// </summary>
    private StepOutcome ConditionNotMet(string key, string section, PhasePlan phase, StepPlan step, StepOutcome outcome)
    {
        if (outcome.Result == StepResult.Skipped)
        {
            _journal.Write("step-finished", ("key", key), ("number", _currentNumber), ("title", step.Title), ("result", ResultName(outcome.Result)),
                ("reason", outcome.Reason), ("durationMs", 0L));
            _console.Warn($"skipped: {outcome.Reason}");
        }
        JournalIfInterruptedAtQuestion(key, step, outcome);
        NotifyStep(section, phase, step, outcome, TimeSpan.Zero);
        return outcome;
    }

    /// <summary>
    /// A step stopped at its question before it started — its confirmation declined, refused without --yes or cut off by
    /// Ctrl+C, or running it again declined — is journaled with its result (<c>started: false</c>: no
    /// <c>step-started</c> before it), as a step its condition skipped is. Before, the journal held only the choice,
    /// while the incident issue reported the step aborted: a review that listed the steps' results from the journal
    /// found nothing for the step that ended the run.
    /// </summary>
    private StepOutcome NotStarted(string key, string section, PhasePlan phase, StepPlan step, StepOutcome outcome)
    {
        _journal.Write("step-finished", ("key", key), ("number", _currentNumber), ("title", step.Title), ("result", ResultName(outcome.Result)),
            ("reason", outcome.Reason), ("durationMs", 0L), ("started", false));
        if (outcome.Result == StepResult.Interrupted) _console.Failed($"INTERRUPTED: {outcome.Reason}");
        NotifyStep(section, phase, step, outcome, TimeSpan.Zero);
        return outcome;
    }

    /// <summary>
    /// A Ctrl+C at a step's decision or condition (for its confirmation and resend question, see NotStarted) ends the step before it
    /// starts: journaled as <c>step-finished</c> <c>interrupted</c> with the question (no <c>step-started</c>: nothing of
    /// it ran), as a Ctrl+C in the step is. The record held only <c>choice: interrupted</c>, so a review found a step
    /// with no end and a run interrupted "during" it. A resume runs it again and asks again (an interrupted result keeps
    /// what an earlier run started in it, so the resend question is asked again too). A declined question writes no
    /// such end: an <c>aborted</c> one would make a resume forget the POST an earlier run sent in the step.
    /// </summary>
    private void JournalIfInterruptedAtQuestion(string key, StepPlan step, StepOutcome outcome)
    {
        if (outcome.Result != StepResult.Interrupted) return;
        _journal.Write("step-finished", ("key", key), ("number", _currentNumber), ("title", step.Title), ("result", ResultName(outcome.Result)),
            ("reason", outcome.Reason), ("durationMs", 0L), ("started", false));
        _console.Failed($"INTERRUPTED: {outcome.Reason}");
    }

    /// <summary>Asks before a destructive step; null when it may run, else the outcome that stops it.</summary>
    private async Task<StepOutcome?> ConfirmAsync(string key, StepPlan step, CancellationToken cancellationToken)
    {
        if (_options.AssumeYes)
        {
            _console.Warn("destructive: confirmed by --yes");
            _journal.Write("choice", ("key", key), ("about", "confirmation"), ("choice", "confirmed"), ("by", "--yes"));
            return null;
        }
        if (!Interactive)
        {
            _journal.Write("choice", ("key", key), ("about", "confirmation"), ("choice", "refused"), ("by", "--non-interactive"));
            return new StepOutcome(StepResult.Failed, "destructive step needs a confirmation: pass --yes, or run interactively");
        }
        bool yes;
        SayWhatTheStepWillRun(step);
        try
        {
            yes = await AskAsync(key, step.Title, "confirmation", "the confirmation",
                () => _prompts.ConfirmAsync($"'{step.Title}' is destructive. Run it now?", cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C at the question: nothing of the step ran, and no answer given after it counts.
            _journal.Write("choice", ("key", key), ("about", "confirmation"), ("choice", "interrupted"), ("by", "operator"));
            return new StepOutcome(StepResult.Interrupted, "interrupted by the operator (Ctrl+C) at the confirmation; nothing of the step ran");
        }
        catch (Exception e) when (UnansweredQuestion.Is(e, cancellationToken))
        {
            var why = Unanswered("confirmation", e);
            _journal.Write("choice", ("key", key), ("about", "confirmation"), ("choice", "unanswered"), ("reason", why));
            return new StepOutcome(StepResult.Aborted, $"{why}; nothing of the step ran");
        }
        _journal.Write("choice", ("key", key), ("about", "confirmation"), ("choice", yes ? "confirmed" : "declined"), ("by", "operator"));
        return yes ? null : new StepOutcome(StepResult.Aborted, "the operator declined the destructive step");
    }

    /// <summary>
    /// What the earlier run may have done in this step without a result for it: the requests that are not idempotent
    /// it sent; the shell commands it started that may have changed things — every command of a step marked
    /// destructive, a command that sends a request that is not idempotent (<c>curl -X POST</c>: <see cref="CommandRequests"/>),
    /// and any command that started and did not finish (the run died in it, or it was interrupted: <c>./deploy.sh</c>
    /// cut off half-way; the runner knows no command to be read-only); and C# code that started and did not finish
    /// (opaque). Null when there is none. A command that finished before the run died in a later action of its step
    /// runs again as before, as does everything of a verification step: the section checks the present state.
    /// </summary>
    private UnconfirmedWork? UnconfirmedBefore(string section, string key, StepPlan step)
    {
        if (_resume is null) return null;
        var requests = RetriedAttempts.Group(_resume.AttemptsSentIn(key)).Where(r => r.Unsettled > 0).ToArray();
        var checks = section == "verification";
        var commands = !checks && _resume.StartedCommands.TryGetValue(key, out var started)
            ? RetriedAttempts.Group(started).Where(c => step.RequiresConfirmation || !c.Last.Finished || CommandRequests.NonIdempotentMethod(c.Last.Command) is not null).ToArray()
            : [];
        var code = !checks && _resume.UnfinishedCode.TryGetValue(key, out var unfinished) ? unfinished : [];
        return requests.Length + commands.Length + code.Count == 0 ? null : new UnconfirmedWork(requests, commands, code);
    }

    /// <summary>
    /// Before a resumed step sends again a POST or PATCH the earlier run sent (it may have reached the server: a second
    /// deploy, a second payment), or runs again a command it started (<c>./deploy.sh</c>, <c>kubectl apply</c>: the
    /// runner cannot tell what it did): <c>--resend-requests</c> says yes; otherwise the operator is asked, and no
    /// stops the run (non-interactive runs were refused before anything ran). A step its author marked
    /// <c>Idempotent()</c> runs again without either: running it again does no harm. Null when the step may run.
    /// </summary>
    private async Task<StepOutcome?> ConfirmResendAsync(string key, StepPlan step, UnconfirmedWork earlier, CancellationToken cancellationToken)
    {
        if (step.Idempotent)
        {
            // The author's promise answers the question: the engineer is told what runs again, and nothing is asked.
            _console.Info($"In the earlier run this step {earlier.Done}; the step is marked idempotent (running it again does no harm), so it runs again.");
            _journal.Write("choice", ("key", key), ("about", "resend"), ("choice", "resend"), ("by", "idempotent"));
            return null;
        }
        WarnOfEarlierWork(_console, earlier);
        if (_options.ResendRequests)
        {
            _journal.Write("choice", ("key", key), ("about", "resend"), ("choice", "resend"), ("by", "--resend-requests"));
            return null;
        }
        if (!Interactive)
        {
            _journal.Write("choice", ("key", key), ("about", "resend"), ("choice", "refused"), ("by", "--non-interactive"));
            return new StepOutcome(StepResult.Failed, $"what the earlier run {earlier.Done} would be done again: pass --resend-requests, or resume interactively");
        }
        var stillRunning = _resume?.EarlierRunners.Count > 0 ? _background.StillRunningFrom(key) : [];
        WarnOfStillRunning(_console, stillRunning);
        SayWhatTheResendIsAbout(step, earlier, stillRunning);
        bool yes;
        try
        {
            yes = await AskAsync(key, step.Title, "resend", "the question to run it again", () => _prompts.ConfirmAsync(earlier.Question, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _journal.Write("choice", ("key", key), ("about", "resend"), ("choice", "interrupted"), ("by", "operator"));
            return new StepOutcome(StepResult.Interrupted, "interrupted by the operator (Ctrl+C) at the question to send again; nothing of the step ran");
        }
        catch (Exception e) when (UnansweredQuestion.Is(e, cancellationToken))
        {
            var why = Unanswered("question to run it again", e);
            _journal.Write("choice", ("key", key), ("about", "resend"), ("choice", "unanswered"), ("reason", why));
            return new StepOutcome(StepResult.Aborted, $"{why}; nothing of the step ran");
        }
        _journal.Write("choice", ("key", key), ("about", "resend"), ("choice", yes ? "resend" : "declined"), ("by", "operator"));
        return yes ? null : new StepOutcome(StepResult.Aborted, earlier.Declined);
    }

    private async Task<StepOutcome> RunActionsAsync(string key, StepPlan step, CancellationToken cancellationToken)
    {
        var skipped = (string?)null;
        var ranInStep = false;
        for (var i = 0; i < step.Actions.Count; i++)
        {
            var action = step.Actions[i];
            _actionIndex = i;
            _retryWait = null;
            // A Ctrl+C that landed before this action began (after the one before it ended) starts nothing more of the
            // step: the next command was started with the cancelled token, and did its work before it was killed.
            if (cancellationToken.IsCancellationRequested)
                return new StepOutcome(StepResult.Interrupted, ranInStep
                    ? "interrupted by the operator (Ctrl+C) between two of its actions; the rest of the step did not start"
                    : "interrupted by the operator (Ctrl+C) before its first action; nothing of the step ran");
            var outcome = await RunActionAsync(key, step, action, cancellationToken);
            if (action is not (NoteAction or SnippetAction)) _actionRan = ranInStep = true;
            if (outcome.Result == StepResult.Skipped) skipped ??= outcome.Reason;
            else if (outcome.Result != StepResult.Succeeded) return outcome;
        }
        return skipped is null ? new StepOutcome(StepResult.Succeeded, null) : new StepOutcome(StepResult.Skipped, skipped);
    }

    /// <summary>
    /// Gives later steps back what the steps a resumed run does not repeat left them: the outputs their code set, from
    /// the journal. A value the journal holds masked (it held a secret), and a command's or request's whole output (the
    /// journal keeps its last lines), cannot be: reading one says why, rather than "key not found".
    /// </summary>
    private void RestoreOutputs()
    {
        if (_resume is null) return;
        foreach (var (section, steps) in Sections())
        {
            for (var j = 0; j < steps.Count; j++)
            {
                if (section == "verification" || !_resume.CompletedSteps.Contains(StepKey(section, j))) continue;
                if (steps[j].Actions.Any(a => a is ShellCommandAction or HttpRequestAction))
                    _lostOutputs[steps[j].Title] = $"'{steps[j].Title}' completed in the earlier run, and the journal keeps only the last lines of what it printed";
            }
        }
        foreach (var output in _resume.Outputs.Where(o => !o.Key.StartsWith("verification/", StringComparison.Ordinal) && _resume.CompletedSteps.Contains(o.Key)))
        {
            if (output.Masked)
            {
                _outputs.Remove(output.Name);
                _lostOutputs[output.Name] = "it was set in the earlier run and held a secret, which the journal keeps only masked";
            }
            else
            {
                _outputs[output.Name] = output.Value;
                _lostOutputs.Remove(output.Name);
            }
        }
    }

    private void JournalStepOutput(string key, string name, string value, bool masked) =>
        _journal.Write("output", ("key", key), ("name", name), ("value", value), ("masked", masked ? true : null));

    private void WriteHeader()
    {
        var context = _context;
        _changedParameters = _resume is null ? [] : ChangedParameters.Of(_resume, context);
        _overruledChoices = ChoicesTheJournalMade();
        var mode = new List<string>();
        if (_options.NonInteractive) mode.Add("non-interactive");
        if (_options.AssumeYes) mode.Add("--yes");
        if (_options.SkipManual) mode.Add("--skip-manual");
        if (_options.ResendRequests) mode.Add("--resend-requests");
        if (_conditions.Mode is { } conditions) mode.Add(conditions);
        if (_choices.Mode is { } choices) mode.Add(choices);
        _console.Section($"Running '{context.Runbook.Id}': {context.Title}");
        if (context.SeverityKey is { } severity)
        {
            var response = context.Severity?.ResponseTime is { } time
                ? (time == TimeSpan.Zero ? ", respond immediately" : $", respond within {Durations.Format(time)}")
                : "";
            _console.Info($"Severity {severity}{(context.Severity is { } s ? $" ({s.Name})" : "")}{response}");
        }
        _console.Info($"Journal: {_journal.Path}");
        if (_resume is not null)
        {
            _console.Info($"Resuming: {StepsNotRepeated()} completed step(s) are not repeated; incident started {FormatTime(_escalation.IncidentStart)}");
            // Said before anything runs, in the order its dry run says them: what is dangerous first.
            foreach (var warning in ResumeWarnings.Of(_resume, _context, UnhealthyJournal(),
                _changedParameters.Select(change => ChangedParameters.Describe(change, _resume)), _overruledChoices.Select(choice => choice.Message)))
            {
                switch (warning.Kind)
                {
                    case ResumeWarnings.Kind.Failed: _console.Failed(warning.Text); break;
                    case ResumeWarnings.Kind.Escalate: _console.Escalate(warning.Text); break;
                    default: _console.Warn(warning.Text); break;
                }
            }
        }
        if (mode.Count > 0) _console.Info($"Mode: {string.Join(", ", mode)}");
        // Told now, not when the step is reached: the operator can still stop and give the parameter the URL needs.
        foreach (var problem in HttpStepUrls.Problems(context.Plan, _options).IfRun.Values)
            _console.Warn($"{problem}: it may not run (a condition or a decision decides); if it does, it fails and sends nothing");
        foreach (var problem in ShellStepCommands.Problems(context.Plan, _options).IfRun.Values)
            _console.Warn($"{problem}: it may not run (a condition or a decision decides); if it does, it fails and runs nothing");
        foreach (var problem in CommunicationTemplates.Missing(context))
            _console.Warn($"{problem}: the step is skipped when reached; tell the channel by hand");
        // Who ran it, where, and which build: a resume may run on another machine, by another engineer, of a runbook
        // changed since; each run-started says so for its own part of the record.
        var origin = RunOrigin.Of(context.Instance.GetType());
        _journal.Write("run-started",
            ("runbook", context.Runbook.Id), ("title", context.Title), ("severity", context.SeverityKey),
            ("incidentStart", _escalation.IncidentStart.ToString("O", CultureInfo.InvariantCulture)),
            ("operator", origin.Operator), ("host", origin.Host), ("runbookVersion", origin.RunbookVersion), ("sdkVersion", origin.SdkVersion),
            ("parameters", context.Parameters.Select(p => new KeyValuePair<string, string>(p.Parameter.Name, p.DisplayValue)).ToArray()),
            // Where each secret came from, never its value: a review of the run can tell a token typed on a shared
            // bastion's command line (visible in ps and shell history) from one read from the environment.
            ("secretSources", context.SecretSources.Count == 0 ? null : context.SecretSources
                .Select(s => new KeyValuePair<string, string>(s.Key, s.Value switch { SecretSource.Environment => "environment", SecretSource.Prompt => "prompt", _ => "cli" })).ToArray()),
            // Which file that is, whatever the path: `runs` knows the journal was continued here also when it is reached
            // through a linked folder or moved since.
            ("resumedFrom", _resume?.Path), ("resumedFromFile", _resume is null ? null : FileIdentity.Of(_resume.Path)), ("nonInteractive", _options.NonInteractive), ("assumeYes", _options.AssumeYes),
            ("skipManual", _options.SkipManual), ("resendRequests", _options.ResendRequests ? true : null),
            ("conditions", _conditions.Mode),
            // What a resume must be given again, so `runs` can print a command that does what this run did: the host's
            // options (the tool's --incident-repo) and the webhook's host alone — its path is often its credential.
            ("resumeOptions", _options.ResumeOptions.Count == 0 ? null : _options.ResumeOptions),
            ("webhookHost", _options.WebhookUrl is { } webhook ? ResumeCommandLine.WebhookHost(webhook) : null),
            ("choices", _options.Choices.Count == 0 ? null : _options.Choices.Select(c => new KeyValuePair<string, string>(c.Key, c.Value)).ToArray()),
            // What a resume changed of the journal's run, and what it did not take: the review reads why the region changed.
            ("parametersChanged", _changedParameters.Count == 0 ? null : _changedParameters.Select(c => new KeyValuePair<string, string>(c.Name, c.Earlier)).ToArray()),
            ("choicesStanding", _overruledChoices.Count == 0 ? null : _overruledChoices.Select(c => new KeyValuePair<string, string>(c.Group, c.Standing)).ToArray()),
            // How this runner marks what its shell steps start: a resume after a kill -9 finds what it left running.
            ("processMark", StepProcesses.Runner), ("session", StepProcesses.Session));
        // Every text an observer gets is masked (IRunObserver promises it): the title, symptoms and the journal's path
        // as the console shows them. An incident issue is read by more people than the run's terminal.
        var mask = context.Secrets.Mask;
        var started = new RunStartedEvent(context.Runbook.Id, mask(context.Title), context.SeverityKey, _escalation.IncidentStart, _clock.GetUtcNow(),
            context.Plan.Symptoms.Select(mask).ToArray(), mask(_journal.Path));
        _observers.Post("run-started", (o, ct) => o.RunStartedAsync(started, ct));
    }

    private void WriteFooter(RunOutcome result)
    {
        _journal.Write("run-finished", ("status", result.Status.ToString()), ("exitCode", result.ExitCode), ("reason", result.Reason),
            ("elapsedMs", (long)Elapsed.TotalMilliseconds), ("runMs", (long)_clock.GetElapsedTime(_runStarted).TotalMilliseconds),
            ("notReached", NotReachedRecords()));
        var heading = result.Status switch
        {
            RunStatus.Succeeded => HasVerification ? "Run succeeded: every step done, verification passed." : "Run succeeded: every step done (no verification defined: nothing was checked).",
            RunStatus.RolledBack => "Run FAILED and was rolled back.",
            RunStatus.RollbackFailed => "Run FAILED and the ROLLBACK FAILED: escalate now.",
            RunStatus.Aborted when _rollbackNotRun is not null && _rollbackStoppedUnanswered => "Run ABORTED: THE ROLLBACK STOPPED at a question nobody could answer: it is incomplete.",
            RunStatus.Aborted when _rollbackNotRun is not null => "Run ABORTED by the operator, who STOPPED THE ROLLBACK: it is incomplete.",
            RunStatus.Aborted when _unanswered is not null && _terminalHungUp => "Run ABORTED: the terminal hung up while a question to the operator waited, and no answer is no yes.",
            RunStatus.Aborted when _unanswered is not null => "Run ABORTED: a question to the operator could not be answered, and no answer is no yes.",
            RunStatus.Aborted => "Run ABORTED by the operator.",
            RunStatus.Cancelled => "Run INTERRUPTED.",
            _ => "Run FAILED.",
        };
        // How it ended, the journal and how to go on are said on the terminal too when the output goes to a file.
        Closing(c => c.Section(heading));
        if (NotReachedLine() is { } notReached) Closing(c => c.Info(notReached));
        // "Escalate now" alone left the engineer to look up whom, at 3 a.m., with the system in a state no section describes.
        if (result.Status == RunStatus.RollbackFailed) Closing(c => c.Escalate(EscalateNow));
        if (RollbackNotReachedLine() is { } rollbackNotReached) Closing(c => c.Info(rollbackNotReached));
        // "Rolled back" with only a resume offered read as the incident being over: the checks say it is not.
        if (_unhealthyAfterRollback is { } failures)
        {
            Closing(c => c.Failed($"{UnhealthyAfterRollback.Finding("The rollback", [failures])}: {UnhealthyAfterRollback.IsStillUnhealthy}."));
            Closing(c => c.Escalate(EscalateNow));
        }
        Closing(c => c.Info($"Incident time {FormatElapsed(Elapsed)}; exit code {result.ExitCode}; journal {JournalNamed()}"));
        WarnUndelivered();
        // After a completed rollback a resume runs every step again (destructive ones ask again): saying it "continues
        // after the last completed step" made the engineer expect the first steps to be skipped.
        string? hint = null;
        if (_rollbackNotRun is not null)
            hint = $"Not done: rollback step(s) {string.Join(", ", _rollbackNotRun)}. Do them by hand (the runbook's page shows each), "
                + $"or resume: {ResumeCommand} {ResumeRunsFirst} and, should the run stop again, offers the whole rollback again.";
        else if (_rollbackDeclined is not null)
            // "To continue after the last completed step" alone read as if nothing was left behind: the deploy the run
            // made is still live, and the engineer had to work out that the rollback is theirs to do.
            hint = RollbackNotRunHint(_rollbackDeclined);
        else if (_onlyVerificationFailed)
            // "Continue after the last completed step" read as if steps were left: none is, and a resume checks again.
            hint = $"Every step is done; the verification failed. Once what it found is put right, check again: {ResumeCommand} repeats no step and runs the verification again.";
        // A run rolled back after a failed step (exit 3) is the commonest end that needs it: it closed with no hint.
        else if (result.Status is RunStatus.Cancelled or RunStatus.Failed or RunStatus.Aborted or RunStatus.RolledBack)
            hint = _rolledBack
                ? $"The rollback undid the completed steps: a resume starts over from the first step: {ResumeCommand}"
                : $"To continue after the last completed step: {ResumeCommand}";
        if (hint is not null) Closing(c => c.Info(hint));
        if (result.Status != RunStatus.Succeeded) ExplainWebhookPlaceholder();
        if (result.Status != RunStatus.Succeeded) WarnIfJournalIncomplete();
    }

    /// <summary>
    /// The closing hint of a run whose rollback offer was not taken — declined, unanswered, or cut off by the runner's
    /// end: the rollback steps left to do, and what a resume does instead (runs the stopped step again, offers the
    /// rollback again should the run stop again; docs/runner.md, Resume).
    /// </summary>
    private string RollbackNotRunHint(IEnumerable<string> rollbackSteps) =>
        $"{RollbackNotRun.StillInPlace} Not done: rollback step(s) {string.Join(", ", rollbackSteps)}. "
        + $"Do them by hand (the runbook's page shows each), or resume: {ResumeCommand} {ResumeRunsFirst} {RollbackNotRun.OffersAgain}.";

    /// <summary>What a resume of this run does first, for the closing hints that name the rollback steps not done.</summary>
    private string ResumeRunsFirst => RollbackNotRun.RunsFirst(_stoppedAt);

    /// <summary>
    /// The command that resumes this run, to paste: the program as the host was started (<c>dotnet /srv/ops/Ops.dll
    /// run</c>), the runbook's id and the journal. <c>run sandbox-bad-deploy --resume …</c> named no program to run.
    /// The path is masked before it is quoted, as a command's holes are: quoting turns a secret's <c>$</c> or backtick
    /// into <c>\$</c>, a form the console's masking does not know, and the hint showed the secret in clear.
    /// It carries what the run was started with that the resume needs again (<see cref="ResumeCommandLine"/>): a resume
    /// pasted without the tool's <c>--incident-repo</c> or the <c>--webhook</c> stopped updating the incident issue, or
    /// posting, without a word.
    /// </summary>
    private string ResumeCommand => ResumeCommandLine.For(_options.RunCommand ?? "run", _context.Runbook.Id, _context.Secrets.Mask(_journal.Path),
        _options.ResumeOptions, _options.WebhookUrl is { } webhook ? ResumeCommandLine.WebhookHost(webhook) : null);

    /// <summary>Says what the resume command's <c>--webhook WEBHOOK_URL</c> stands for, when the run was given a webhook.</summary>
    private void ExplainWebhookPlaceholder()
    {
        if (_options.WebhookUrl is { } webhook) Closing(c => c.Info(ResumeCommandLine.WebhookNote([ResumeCommandLine.WebhookHost(webhook)])));
    }

    /// <summary>
    /// The journal as the run's last words name it: after its last event, so an incomplete one says so — "journal
    /// /dev/full" alone read as a record on disk when not one event had reached it.
    /// </summary>
    private string JournalNamed() => _journal.Unwritten.Count is var missing && missing == 0
        ? _journal.Path
        : $"{_journal.Path} (INCOMPLETE: {missing} event(s) are not on disk; they are printed below)";

    /// <summary>
    /// A resume reads only the journal: from one that missed events (a full disk) it would not know what they record —
    /// a step done, a POST sent, a destructive step confirmed — and run it again. The hint above names that file, so the
    /// engineer is told to complete it first.
    /// </summary>
    private void WarnIfJournalIncomplete()
    {
        if (_journal.Unwritten.Count is var missing && missing == 0) return;
        Closing(c => c.Failed($"Before a resume: the journal lacks the {missing} event(s) printed below, and a resume of it would run again what they record. "
            + $"Add them at the end of '{_journal.Path}' (or of a copy of it, if that file still cannot be written) and resume from that file."));
    }

    /// <summary>
    /// Whom to reach now that the rollback failed, or completed and left the system unhealthy (in this run, or in the
    /// journal a resume starts over from): every escalation level, in order, without waiting for its time.
    /// </summary>
    private string EscalateNow => UnhealthyAfterRollback.EscalateNow(_context.Escalation, Elapsed);

    /// <summary>
    /// What a resume says before its first step when the journal's rollback completed but the verification after it
    /// failed: the resume starts over on a system the record says was still unhealthy (which check, masked as the
    /// journal has it), and whom the runbook escalates to, in the run's own closing words. Null otherwise, and for a
    /// journal that does not record that verification. The dry run of the resume says the same.
    /// </summary>
    internal (string Finding, string Escalation)? UnhealthyJournal() =>
        _resume?.FailedVerificationAfterRollback is [_, ..] failed
            ? ($"{UnhealthyAfterRollback.Finding("The journal's rollback", failed)}: {UnhealthyAfterRollback.WasStillUnhealthy}.", EscalateNow)
            : null;

    private void PhaseHeading(string title, string section, PhasePlan phase)
    {
        _currentSection = section;
        _currentPhase = phase.Name;
        var box = phase.TimeBox is { } window ? $" (time box {window})" : "";
        _console.Section($"{title}{box}  [incident time {FormatElapsed(Elapsed)}]");
        _journal.Write("phase-started", ("section", section), ("name", phase.Name), ("timeBox", phase.TimeBox?.ToString()));
        _overTimeBox = false;
        // A phase the earlier run finished is not worked on now: a resume warned "past its time box" of a phase done
        // in its first minute, because the incident's clock had run on since.
        if (!Enumerable.Range(0, phase.Steps.Count).All(j => IsCompleted(StepKey(section, j), section))) CheckTimeBox(phase);
    }

    private bool _overTimeBox;

    private void CheckTimeBox(PhasePlan phase)
    {
        if (_overTimeBox || phase.TimeBox is not { } box || Elapsed <= box.To) return;
        _overTimeBox = true;
        var before = _resume is not null && _resume.TimeBoxesExceeded.TryGetValue(_context.Secrets.Mask(phase.Name), out var exceeded) ? exceeded : (DateTimeOffset?)null;
        _console.Warn($"Phase '{phase.Name}' is past its time box ({box}): incident time {FormatElapsed(Elapsed)}.{AnnouncedBefore(before)}");
        _journal.Write("time-box-exceeded", ("phase", phase.Name), ("timeBox", box.ToString()), ("elapsedMs", (long)Elapsed.TotalMilliseconds),
            ("announcedBefore", before?.ToString("O", CultureInfo.InvariantCulture)));
    }

    private bool _clockBehindShown;

    private void AnnounceEscalation()
    {
        WarnIfClockBehind();
        foreach (var notice in _escalation.Due(_clock.GetUtcNow()))
        {
            // A resume announces again what is due, for the engineer now at the keyboard; the record says it was
            // announced before, or a review counted each level escalated once per run.
            var before = _resume is not null && _resume.EscalationsAnnounced.TryGetValue(_context.Secrets.Mask(notice.Message), out var announced) ? announced : (DateTimeOffset?)null;
            _console.Escalate(notice.Message + AnnouncedBefore(before));
            _journal.Write("escalation", ("who", notice.Level?.Who), ("contact", notice.Level?.Contact), ("message", notice.Message),
                ("elapsedMs", (long)Elapsed.TotalMilliseconds), ("announcedBefore", before?.ToString("O", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>What the console adds to an announcement the resumed journal recorded before: when it did.</summary>
    private static string AnnouncedBefore(DateTimeOffset? before) =>
        before is { } at ? $" (announced before, at {FormatTime(at)}, in the earlier run)" : "";

    /// <summary>
    /// Incident time counts on the wall clock (it spans resumed runs), so it goes negative when the clock is set back
    /// or a resumed journal came from a machine whose clock was ahead: said once, with what it means for escalation.
    /// </summary>
    private void WarnIfClockBehind()
    {
        if (_clockBehindShown || Elapsed >= TimeSpan.Zero) return;
        _clockBehindShown = true;
        var behind = -Elapsed;
        _console.Warn($"CLOCK: this machine's clock is now {Durations.Format(behind)} before the incident start ({FormatTime(_escalation.IncidentStart)}): it was set back, or the journal comes from a machine whose clock was ahead. Incident time shows negative, and escalation and time boxes fall due that much later: watch them yourself.");
        _journal.Write("clock-behind", ("incidentStart", _escalation.IncidentStart.ToString("O", CultureInfo.InvariantCulture)),
            ("behindMs", (long)behind.TotalMilliseconds));
    }

    private TimeSpan Elapsed => _clock.GetUtcNow() - _escalation.IncidentStart;

    private IEnumerable<(string Section, IReadOnlyList<StepPlan> Steps)> Sections()
    {
        for (var i = 0; i < _context.Plan.Phases.Count; i++) yield return ($"phase-{i + 1}", _context.Plan.Phases[i].Steps);
        if (_context.Plan.Rollback is { } rollback) yield return ("rollback", rollback.Steps);
        if (_context.Plan.Verification is { } verification) yield return ("verification", verification.Steps);
    }

    /// <summary>
    /// Verification always runs again on resume: it proves the present state, not a past one. A rollback step an
    /// earlier run completed is repeated once this run has run a phase step again: what that step did is not undone.
    /// </summary>
    private bool IsCompleted(string key, string section) =>
        section != "verification" && !(section == "rollback" && PhaseStepRan) && _resume?.CompletedSteps.Contains(key) == true;

    /// <summary>
    /// What a Ctrl+C stopped, said of the action it stopped: a wait interrupted with "its processes were killed" sent
    /// the engineer looking for processes the step never started. Between two attempts of a retried action nothing of
    /// it runs (LiveRun.RetryWait.cs).
    /// </summary>
    private string InterruptedReason(StepAction? action) => "interrupted by the operator (Ctrl+C)" + (_retryWait ?? action switch
    {
        ShellCommandAction => "; its processes were killed",
        HttpRequestAction => "; the request was cancelled",
        WaitAction => " during the wait",
        MonitorAction => " during the monitor",
        _ => "",
    });

    /// <summary>
    /// How many steps of this runbook the resumed run will show as already completed. Not the journal's count: that
    /// includes verification steps (always run again), steps of a runbook that has changed since, and rollback steps,
    /// which are repeated once a phase step runs again (a phase step not completed in the journal will).
    /// </summary>
    private int StepsNotRepeated()
    {
        if (_resume is null) return 0;
        var count = 0;
        var phaseStepRunsAgain = false;
        foreach (var (section, steps) in Sections())
        {
            if (section == "verification" || (section == "rollback" && phaseStepRunsAgain)) continue;
            for (var j = 0; j < steps.Count; j++)
            {
                if (_resume.CompletedSteps.Contains(StepKey(section, j))) count++;
                else if (section != "rollback") phaseStepRunsAgain = true;
            }
        }
        return count;
    }

    /// <summary>A step's identity in the journal: its section, position and title, so a changed runbook never matches an old record.</summary>
    /// <summary>
    /// A step's key as the journal holds it: masked, like every text the journal writes (a title may hold a secret's
    /// value — a password "postgres", a step "Restart postgres"). A resume looks keys up in that form: with the title in
    /// clear it found no record for such a step, and ran it again, or sent its POST again, unasked. With a secret whose
    /// value changed before the resume, it takes the journal's key for the step (<see cref="ResumeState.KeyFor"/>).
    /// </summary>
    private string StepKey(string section, int index) => StepKeys.For(section, index, StepTitle(section, index), _context.Secrets, _resume);

    private string StepTitle(string section, int index) => section switch
    {
        "rollback" => _context.Plan.Rollback!.Steps[index].Title,
        "verification" => _context.Plan.Verification!.Steps[index].Title,
        _ => _context.Plan.Phases[int.Parse(section["phase-".Length..], CultureInfo.InvariantCulture) - 1].Steps[index].Title,
    };

    private static string ResultName(StepResult result) => result switch
    {
        StepResult.Succeeded => "succeeded",
        StepResult.Skipped => "skipped",
        StepResult.Aborted => "aborted",
        StepResult.Interrupted => "interrupted",
        _ => "failed",
    };

    /// <summary>
    /// Elapsed time as a clock shows it (<c>1:05:00</c>, <c>4:30</c>, <c>2.5 s</c>), hours counted past a day
    /// (<c>25:00:00</c>: a format's <c>h</c> is the hour of the day and would hide a day); behind its start (a clock set
    /// back) with a sign.
    /// </summary>
    internal static string FormatElapsed(TimeSpan value) => value < TimeSpan.Zero
        ? "-" + FormatElapsed(value == TimeSpan.MinValue ? TimeSpan.MaxValue : value.Negate())
        : value.TotalHours >= 1
        ? ((long)value.TotalHours).ToString(CultureInfo.InvariantCulture) + value.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture)
        : value.TotalSeconds >= 10 || value == TimeSpan.Zero
            ? value.ToString(@"m\:ss", CultureInfo.InvariantCulture)
            : $"{value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    /// <summary>
    /// What the resume says of a step the journal completed: done, or skipped and why (a condition that did not hold,
    /// an option of a decision not chosen), by whom and when. The engineer who takes over reads here what the earlier
    /// run decided; every such step read "already completed", and an option not chosen looked as if it had run.
    /// </summary>
    private static string CompletedEarlier(CompletedStep? earlier)
    {
        var who = earlier is null ? "" : string.Join(" ", new[] { earlier.Operator is { } name ? $"by {name}" : null, earlier.At is { } at ? $"at {FormatTime(at)}" : null }.OfType<string>());
        if (earlier is { Result: "skipped" })
            return $"skipped in the resumed journal: not repeated ({string.Join("; ", new[] { earlier.Reason, who.Length == 0 ? null : who }.OfType<string>())})";
        return "already completed in the resumed journal: not repeated" + (who.Length == 0 ? "" : $" (done {who})");
    }

    private static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Because(string? reason) => reason is null ? "" : $": {reason}";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private enum StopKind { Failed, Aborted, Interrupted }

    private sealed record Stop(StopKind Kind, string Reason);

    private enum RollbackKind { NotRun, Succeeded, Failed, Stopped }

    private sealed record RollbackResult(RollbackKind Kind, string Describe);
}

/// <summary>How a step (or one of its actions) ended.</summary>
internal enum StepResult { Succeeded, Skipped, Failed, Aborted, Interrupted }

/// <summary>A step's result and, unless it succeeded, why.</summary>
internal sealed record StepOutcome(StepResult Result, string? Reason);

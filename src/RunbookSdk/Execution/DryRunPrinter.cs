using RunbookSdk.Hosting;
using RunbookSdk.Model;
using Spectre.Console;

namespace RunbookSdk.Execution;

/// <summary>
/// The executor behind <c>run &lt;id&gt; --dry-run</c>: prints the resolved plan (every phase and step, commands
/// rendered with their holes quoted exactly as they would run) and executes nothing. Every printed text passes
/// through the run's <see cref="SecretMasker"/>.
/// </summary>
/// <param name="console">Where the plan is printed.</param>
/// <param name="choices">
/// The answers given in advance to the runbook's <c>OneOf</c> decisions (<c>--choose</c>: decision title to option
/// title or number, or <c>none</c>). The dry run checks them as a live run does, refusing those that name no decision
/// or no option, and shows which option each answer takes.
/// </param>
public sealed class DryRunPrinter(IAnsiConsole console, IReadOnlyDictionary<string, string>? choices = null) : IRunbookExecutor
{
    /// <summary>
    /// The journal a resume would continue (<c>--dry-run --resume JOURNAL</c>), or null: the phase steps it completed are
    /// marked as the resume skips them, and those it started without a result as the resume runs them again. A
    /// non-secret parameter the context was not given takes the journal's value, as the live resume's does; one the journal
    /// holds masked is read from <c>RUNBOOK_SECRET_&lt;NAME&gt;</c>, else shown as <c>&lt;given-again:NAME&gt;</c> where
    /// it is used, with a line saying how the live resume gets it (a <c>--non-interactive</c> one refuses, after the plan).
    /// </summary>
    public ResumeState? Resume { get; init; }

    /// <summary>
    /// The switches the live run would be given (<c>--non-interactive</c>, <c>--yes</c>, <c>--skip-manual</c>,
    /// <c>--conditions-hold</c>, <c>--skip-conditional</c>, <c>--resend-requests</c>), or null for none. Each step is
    /// shown as they make the live run treat it (a confirmation accepted by <c>--yes</c>, a conditional step skipped by
    /// <c>--skip-conditional</c>), and a run the live one would refuse to start (a <c>--non-interactive</c> run with a
    /// destructive step and no <c>--yes</c>) ends the dry run with that refusal and its exit code. Its
    /// <see cref="RunnerOptions.Choices"/> are used when the constructor is given none.
    /// </summary>
    public RunnerOptions? LiveOptions { get; init; }

    private static readonly Style Heading = new(decoration: Decoration.Bold);
    private static readonly Style Warning = new(Color.Red, decoration: Decoration.Bold);
    private static readonly Style Quiet = new(decoration: Decoration.Dim);

    /// <inheritdoc />
    public Task<RunOutcome> ExecuteAsync(RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The values the journal holds masked that the live resume gets again and the dry run does not know, by name.
        IReadOnlyDictionary<string, string> givenAgain = new Dictionary<string, string>();
        if (Resume is { } journal)
        {
            // The values the live resume would run with: the journal's for the parameters not given.
            try
            {
                var fromJournal = JournalParameterValues.NotGiven(context.Runbook, journal, context.GivenParameters.Contains, context.MaskedValueOf);
                context = context.WithJournalValues(fromJournal.Taken);
                (context, givenAgain) = WithMaskedValuesRead(context, fromJournal.Masked, LiveOptions?.EnvironmentVariable ?? Environment.GetEnvironmentVariable);
            }
            catch (ParameterBindingException e)
            {
                return Task.FromResult(new RunOutcome(RunStatus.NotStarted, context.Secrets.Mask(e.Message)));
            }
        }
        // A rehearsal of the command line the live run will get: answers it would refuse are refused here, in its words.
        var answerOptions = (LiveOptions ?? new RunnerOptions()) with { Choices = choices ?? LiveOptions?.Choices ?? new Dictionary<string, string>() };
        var answers = new StepChoices(answerOptions);
        if (WrongAnswers(context.Plan, answers) is { } refusal) return Task.FromResult(new RunOutcome(RunStatus.NotStarted, refusal));
        // Checked with the values the live run would have (before missing secrets are marked): a URL it refuses to
        // send is marked at its step, and the dry run ends with the live run's refusal.
        var urlRefusal = HttpStepUrls.Refusal(context, answerOptions);
        var badUrls = HttpStepUrls.Problems(context.Plan, answerOptions);
        var commandRefusal = ShellStepCommands.Refusal(context, answerOptions);
        var badCommands = ShellStepCommands.Problems(context.Plan, answerOptions);
        // The live run's own check of what a run without a person cannot do, on the same plan and journal: its refusal
        // ends the dry run too, after the plan, so a command line for an automated run can be tried out here.
        using var rehearsal = new LiveRun(context, answerOptions, new RunConsole(console, context.Secrets), new ConsoleOperatorPrompts(console), Resume);
        var preflightRefusal = rehearsal.Preflight();
        // A --non-interactive live run asks for no secret: one still missing refuses it first of all (exit 2).
        var secretRefusal = answerOptions.NonInteractive ? RunbookRunner.MissingSecretsRefusal(context) : null;
        // Then, as it asks for no value the journal holds masked either, the first of those it has no variable for.
        var givenAgainRefusal = answerOptions.NonInteractive && givenAgain.Count > 0
            ? givenAgain.Select(v => MaskedJournalValuePrompt.Refused(v.Key, v.Value).Reason).First()
            : null;
        // What the resume would change of the journal's run, or not take of the answers: said as the live resume says it.
        // A value to be given again is not known here, so it is no change: its parameter line says what happens to it.
        var changedParameters = Resume is { } resumed ? ChangedParameters.Of(resumed, context).Where(c => !givenAgain.ContainsKey(c.Name)).ToArray() : [];
        var overruled = rehearsal.ChoicesTheJournalMade();
        // A missing secret is shown where it is used, by name, not as nothing: "Bearer " looked like what would run. So
        // is a value the live resume gets again: the journal's masked text is not what it runs with.
        (context, var placeholders) = context.WithUnknownValuesMarked([.. givenAgain.Keys]);
        var writer = new PlanWriter(console, context.Secrets, placeholders, answers, answerOptions) { BadUrls = badUrls, BadCommands = badCommands, Rehearsal = rehearsal, Overruled = overruled, GivenAgain = givenAgain };
        WriteHeader(writer, context);
        if (Resume is { } resume)
        {
            writer.Line(0, $"As a resume of {resume.Path}: its parameter values, and the phase steps it completed are not repeated.", Quiet);
            // As the live resume says them, in its order: what is dangerous first.
            var warnings = ResumeWarnings.Of(resume, context, rehearsal.UnhealthyJournal(),
                changedParameters.Select(change => ChangedParameters.Describe(change, resume)), overruled.Select(choice => choice.Message));
            foreach (var warning in warnings) writer.Line(0, warning.Text, Warning);
        }
        WriteParameters(writer, context);
        for (var i = 0; i < context.Plan.Phases.Count; i++)
        {
            var phase = context.Plan.Phases[i];
            var timeBox = phase.TimeBox is { } box ? $" ({box})" : "";
            var phaseIndex = i;
            WritePhase(writer, context, $"Phase {i + 1}: {phase.Name}{timeBox}", phase, j => StepNumbers.Phase(phaseIndex, j), Resume, $"phase-{i + 1}");
        }
        WriteRollback(writer, context);
        if (context.Plan.Verification is { Steps.Count: > 0 } verification) WritePhase(writer, context, "Verification", verification, StepNumbers.Verification, null, "verification");
        else writer.Section("Verification: none defined");
        WriteEscalation(writer, context.Escalation);
        // In the live run's order: a secret it cannot ask for, then a value the journal holds masked (exit 2), a URL it
        // cannot send or a command it cannot quote (exit 1), then what needs a person (exit 2).
        if ((secretRefusal ?? givenAgainRefusal) is { } unknownValue) return Task.FromResult(new RunOutcome(RunStatus.NotStarted, unknownValue));
        if ((urlRefusal ?? commandRefusal) is { } notPrepared) return Task.FromResult(RunOutcome.Failure(notPrepared));
        return Task.FromResult(preflightRefusal is null ? RunOutcome.Success : new RunOutcome(RunStatus.NotStarted, preflightRefusal));
    }

    /// <summary>
    /// <paramref name="context"/> with each value the journal holds masked read from its variable, as the live resume
    /// reads it first, and the values left to be given again (journaled text by name). A dry run asks nothing: those are
    /// shown as placeholders, and the checks of what the live run would refuse see the journal's masked text where the
    /// parameter takes it (it has the shape of the value that ran: a URL, its password hidden), else the value bound now.
    /// </summary>
    /// <exception cref="ParameterBindingException">A value read from its variable does not bind; the message masks it.</exception>
    private static (RunContext Context, IReadOnlyDictionary<string, string> GivenAgain) WithMaskedValuesRead(
        RunContext context, IReadOnlyDictionary<string, string> masked, Func<string, string?> environment)
    {
        var read = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var givenAgain = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, journaled) in masked)
        {
            if (environment(SecretEnvironment.VariableName(name)) is { } value && !string.IsNullOrWhiteSpace(value)) read[name] = value;
            else givenAgain[name] = journaled;
        }
        try
        {
            context = context.WithValuesGivenAgain(read);
        }
        catch (ParameterBindingException e)
        {
            // A conversion error quotes the value, password and all, as the live resume's does.
            var values = new SecretMasker(read.Values.Concat(ParameterUrlPasswords.Masked(read.Values)));
            throw new ParameterBindingException(e.Parameter, values.Mask(e.Message));
        }
        try
        {
            context = context.WithValuesGivenAgain(givenAgain);
        }
        catch (Exception)
        {
            // The masked text is no value of the parameter (an int whose digits held a secret): the checks see the value bound now.
        }
        return (context, givenAgain);
    }

    /// <summary>The live run's refusal of <c>--choose</c> answers that name no decision of the plan or no option of theirs.</summary>
    private static string? WrongAnswers(RunbookPlan plan, StepChoices answers)
    {
        var sections = plan.Phases.Select(p => p.Steps).ToList();
        if (plan.Rollback is { } rollback) sections.Add(rollback.Steps);
        if (plan.Verification is { } verification) sections.Add(verification.Steps);
        var groups = sections.SelectMany(ChoiceGroup.All).ToList();
        var wrong = groups.Select(g => answers.Given(g)?.Problem).OfType<string>()
            .Concat(answers.Unknown(groups.Select(g => g.Title).ToList()))
            .Distinct()
            .ToList();
        return wrong.Count == 0 ? null : "Nothing was run, and a live run would refuse these answers:\n  - " + string.Join("\n  - ", wrong);
    }

    private static void WriteHeader(PlanWriter writer, RunContext context)
    {
        writer.Line(0, $"Dry run of '{context.Runbook.Id}': nothing is executed. Commands are shown as they would run.", Quiet);
        if (LiveSwitches.Describe(writer.Options) is { } switches) writer.Line(0, $"As a live run with {switches}.", Quiet);
        writer.Section(context.Title);
        writer.Line(1, $"Severity: {DescribeSeverity(context)}");
        if (context.Runbook.HandbookId is { } handbookId)
        {
            var title = context.Handbook?.Document.Title;
            writer.Line(1, title is null ? $"Handbook: {handbookId}" : $"Handbook: {handbookId} ({title})");
        }
        if (context.Plan.Symptoms.Count > 0)
        {
            writer.Section("Symptoms");
            foreach (var symptom in context.Plan.Symptoms) writer.Line(1, $"- {symptom}");
        }
    }

    private static string DescribeSeverity(RunContext context)
    {
        if (context.SeverityKey is not { } key) return "not set";
        if (context.Severity is not { } severity) return key;
        var parts = new List<string>();
        if (severity.ResponseTime is { } response)
            parts.Add(response == TimeSpan.Zero ? "respond immediately" : $"respond within {Durations.Format(response)}");
        if (severity.ResolutionTime is { } resolution) parts.Add($"resolve within {Durations.Format(resolution)}");
        var times = parts.Count > 0 ? ": " + string.Join(", ", parts) : "";
        return $"{key} ({severity.Name}){times}";
    }

    private static void WriteParameters(PlanWriter writer, RunContext context)
    {
        if (context.Parameters.Count == 0) return;
        writer.Section("Parameters");
        var width = context.Parameters.Max(p => p.Parameter.Name.Length);
        foreach (var parameter in context.Parameters)
        {
            var name = parameter.Parameter.Name;
            var value = writer.GivenAgain.TryGetValue(name, out var journaled)
                ? GivenAgainNote(name, journaled, writer.Options, writer.Marks(RunContext.GivenAgainPlaceholder(name)) ? null : parameter.Value)
                : parameter.Parameter.IsSecret && string.IsNullOrWhiteSpace(parameter.Value)
                ? writer.Options.NonInteractive
                    ? $"(missing: a --non-interactive live run refuses to start without it; set {SecretEnvironment.VariableName(name)} or pass {name}=VALUE{MissingStandIn(writer, parameter)})"
                    : $"(missing: an interactive live run asks for it before anything runs, echo off, and one that is not interactive refuses to start; set {SecretEnvironment.VariableName(name)} or pass {name}=VALUE{MissingStandIn(writer, parameter)})"
                : parameter.Value.Length == 0 ? "(empty)" : parameter.DisplayValue;
            var secret = !parameter.Parameter.IsSecret ? ""
                : context.SecretSources.TryGetValue(name, out var source) && source == SecretSource.Environment
                    ? $"  (secret, from {SecretEnvironment.VariableName(name)})"
                    : "  (secret)";
            writer.Line(1, $"{parameter.Parameter.Name.PadRight(width)} = {value}{secret}");
        }
    }

    /// <summary>
    /// For a missing secret whose placeholder the runbook's code refuses (it checks the token's form): the plan shows the
    /// value bound now where it is used — empty, or the blank it was given — which is not what the live run sends, as it
    /// asks for the secret or refuses to start. Empty when the placeholder stands there.
    /// </summary>
    private static string MissingStandIn(PlanWriter writer, BoundParameter secret) =>
        writer.Marks(RunContext.MissingPlaceholder(secret.Parameter.Name)) ? ""
            : $"; the runbook refuses the placeholder <missing:{secret.Parameter.Name}>, so where it is used the plan shows "
              + (secret.Value.Length == 0 ? "it empty" : $"'{secret.Value}'") + " in its place, which the live run does not run with";

    /// <summary>What the live resume does for a value the journal holds masked, as the parameter's value in the plan.</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="journaled">The journal's masked text.</param>
    /// <param name="options">The switches of the live run rehearsed.</param>
    /// <param name="standIn">
    /// The value the plan shows where the parameter is used, when it could not be marked (an <c>int</c>: no placeholder
    /// word binds to it); null when the placeholder stands there.
    /// </param>
    private static string GivenAgainNote(string name, string journaled, RunnerOptions options, string? standIn)
    {
        var variable = SecretEnvironment.VariableName(name);
        var how = options.NonInteractive
            ? $"a --non-interactive live resume refuses to start without it; set {variable} or pass {name}=VALUE"
            : $"the live resume reads {variable}, else asks for it before anything runs, not shown as typed; one that is not interactive refuses to start without it";
        var shown = standIn is null ? "" : $"; where it is used, the plan shows '{standIn}' in its place, which the live resume does not run with";
        return $"{RunContext.GivenAgainPlaceholder(name)} (the journal holds it masked: {journaled}, which is not what ran; {how}{shown})";
    }

    private static void WriteRollback(PlanWriter writer, RunContext context)
    {
        // An empty Rollback(r => { }) is no rollback: the live run says so and runs nothing (RB0002 reports it).
        if (context.Plan.Rollback is { Steps.Count: > 0 } rollback) WritePhase(writer, context, "Rollback", rollback, StepNumbers.Rollback, null, "rollback");
        else if (context.Plan.NoRollbackReason is { } reason) writer.Section($"Rollback: none needed: {reason}");
        else writer.Section("Rollback: none defined");
    }

    /// <summary>Prints a section's steps, each numbered from its index (<paramref name="number"/>) as the live run and the generated page number it.</summary>
    /// <param name="writer">Where the plan is written.</param>
    /// <param name="context">The bound run.</param>
    /// <param name="heading">The section's heading.</param>
    /// <param name="phase">The section's steps.</param>
    /// <param name="number">A step's number from its index.</param>
    /// <param name="resume">The journal a resume would continue, for a phase's steps; null for the rollback (a resume that runs a
    /// phase step again repeats every rollback step) and for verification (it always runs again).</param>
    /// <param name="section">The section as step keys name it (<c>phase-1</c>, <c>rollback</c>, <c>verification</c>).</param>
    private static void WritePhase(PlanWriter writer, RunContext context, string heading, PhasePlan phase, Func<int, string> number, ResumeState? resume, string section)
    {
        writer.Section(heading);
        for (var i = 0; i < phase.Steps.Count; i++)
        {
            var step = phase.Steps[i];
            if (ChoiceGroup.At(phase.Steps, i) is { } group && group.Start == i)
            {
                // One decision, as the live run asks it: the options below are alternatives, not a sequence.
                var how = writer.Standing(group) is { } standing
                    ? $"decided in the resumed journal: {(standing.StandingOption is { } standingIndex ? $"option {standingIndex + 1}, '{standing.Standing}'" : "none of these")} stands; --choose is not taken"
                    : writer.Answers.Given(group) is { Problem: null } given
                    ? given.Option is { } chosen
                        ? $"answered by --choose: option {chosen + 1}, '{group.Options[chosen].Title}'; the others are skipped"
                        : "answered by --choose: none of these; every option is skipped"
                    : writer.Options.NonInteractive
                        ? $"--non-interactive never asks: a live run does not start without --choose \"{group.Title}=<option>\""
                        : $"the operator picks one of these {group.Options.Count} options, or none; the others are skipped; non-interactive: --choose \"{group.Title}=<option>\"";
                writer.Line(1, $"Choose one: {group.Title}  [{how}]", Warning);
                if (group.Choice.Note is { } note) writer.Line(2, context.Secrets.Mask(note));
            }
            var skipped = ChoiceGroup.At(phase.Steps, i) is { } of
                && (writer.Standing(of) is { } kept ? kept.StandingOption != i - of.Start : writer.Answers.Given(of) is { Problem: null } answer && answer.Option != i - of.Start)
                ? "  [not chosen: skipped]"
                : "";
            writer.Line(1, step.Choice is { } option ? $"{number(i)} {step.Title}  (option {option.Option} of '{option.Title}'){skipped}" : $"{number(i)} {step.Title}", Heading);
            string? key = null;
            if (resume is not null)
            {
                key = StepKeys.For(section, i, step.Title, context.Secrets, resume);
                if (resume.CompletedSteps.Contains(key))
                {
                    writer.Line(2, "[completed in the journal: the resume does not repeat it]", Quiet);
                    // As the live resume does (LiveRun.RestartedBackground.cs): a later step may count on that background.
                    if (resume.BackgroundLeftBy(key).Count > 0)
                        writer.Line(2, "[its command ran on in the background until the earlier run ended: " + (step.RequiresConfirmation
                            ? "destructive, it is not started again; start it by hand if later steps need it]"
                            : step.Idempotent ? "marked idempotent, the resume starts it again]"
                            : writer.Options.NonInteractive ? "not marked idempotent, a --non-interactive resume does not start it again; start it by hand if later steps need it]"
                            : "the resume asks whether to start it again, its whole command]"), Warning);
                    foreach (var earlier in resume.BackgroundLeftBy(key)) WriteCommandDifference(writer, context, step, earlier);
                    continue;
                }
                if (resume.UnfinishedSteps.Contains(key)) writer.Line(2, $"[{writer.Rehearsal!.RepeatOfUnfinished(section, i, step)}]", Warning);
                else if (writer.Rehearsal!.RepeatOfInterrupted(section, i, step) is { } interrupted) writer.Line(2, $"[{interrupted}]", Warning);
            }
            // Asked before the confirmation, as the live run asks it.
            if (step.Condition is { } condition)
                writer.Line(2, $"[only if {context.Secrets.Mask(condition)}: {LiveSwitches.Condition(writer.Options)}]", Warning);
            if (step.RequiresConfirmation)
                writer.Line(2, $"[destructive: {LiveSwitches.Confirmation(writer.Options, step)}]", Warning);
            if (step.Idempotent)
                writer.Line(2, "[idempotent: running it again does no harm; a resume repeats what it left unfinished without asking]", Quiet);
            if (writer.BadUrls.Refused.TryGetValue(number(i), out var badUrl))
                writer.Line(2, $"[refused: {context.Secrets.Mask(badUrl)}: a live run does not start]", Warning);
            else if (writer.BadUrls.IfRun.TryGetValue(number(i), out var laterUrl))
                writer.Line(2, $"[cannot be sent: {context.Secrets.Mask(laterUrl)}: if the step runs, it fails and sends nothing]", Warning);
            if (writer.BadCommands.Refused.TryGetValue(number(i), out var badCommand))
                writer.Line(2, $"[refused: {context.Secrets.Mask(badCommand)}: a live run does not start]", Warning);
            else if (writer.BadCommands.IfRun.TryGetValue(number(i), out var laterCommand))
                writer.Line(2, $"[cannot run: {context.Secrets.Mask(laterCommand)}: if the step runs, it fails and runs nothing]", Warning);
            for (var action = 0; action < step.Actions.Count; action++)
            {
                WriteAction(writer, context, step.Actions[action], phase, step, key, action);
                // As the live run counts it: a wait after an action that ran waits its whole time again.
                if (skipped.Length == 0 && step.Actions[action] is not (NoteAction or SnippetAction)) writer.ActionShown = true;
            }
        }
    }

    // key: the step's key in the journal of the resume shown (null when none is); index: the action's position in its
    // step, as the journal numbers it.
    private static void WriteAction(PlanWriter writer, RunContext context, StepAction action, PhasePlan phase, StepPlan step, string? key, int index)
    {
        const int Indent = 2;
        switch (action)
        {
            case ShellCommandAction shell:
                if (shell.Comment is { } shellComment) writer.Line(Indent, $"# {shellComment}", Quiet);
                // Holes are masked before they are quoted, so a secret never appears even in its quoted form.
                try
                {
                    writer.Verbatim(Indent, "$ ", shell.Command.Render(context.Secrets.Mask));
                }
                catch (Commands.CommandQuotingException refused)
                {
                    // The live run refuses this command with these values; the dry run says so where it would run.
                    writer.Line(Indent, $"$ (refused: {refused.Message})", Quiet);
                }
                foreach (var detail in ShellDetails(shell)) writer.Line(Indent + 1, detail, Quiet);
                break;
            case HttpRequestAction http:
                if (http.Comment is { } httpComment) writer.Line(Indent, $"# {httpComment}", Quiet);
                writer.Verbatim(Indent, "", $"{http.Method} {http.Url}");
                foreach (var detail in HttpDetails(http)) writer.Line(Indent + 1, detail, Quiet);
                break;
            case ManualInstructionAction manual:
                writer.Line(Indent, $"Manual: {manual.Text} ({LiveSwitches.Manual(writer.Options)})");
                break;
            case WaitAction wait:
                writer.Line(Indent, wait.Reason is null ? $"Wait {Durations.Format(wait.Duration)}" : $"Wait {Durations.Format(wait.Duration)}: {wait.Reason}");
                // The wait the resumed run was in: the live resume waits only the rest of it.
                if (key is not null && !writer.ActionShown && writer.Rehearsal!.ResumedWaitNote(key, index, wait) is { } resumedWait)
                    writer.Line(Indent + 1, $"[{resumedWait}]", Warning);
                break;
            case MonitorAction monitor:
                writer.Line(Indent, $"Monitor for {Durations.Format(monitor.Duration)}: {monitor.What} ({LiveSwitches.Monitor(writer.Options)})");
                break;
            case DelegateAction code:
                writer.Line(Indent, $"Code: {code.Description}");
                if (code.Timeout is { } limit) writer.Line(Indent + 1, $"timeout {Durations.Format(limit)}", Quiet);
                break;
            case NotificationAction notify:
                var template = CommunicationTemplates.Find(context, notify.Template);
                var channel = notify.Channel ?? template?.Channel;
                writer.Line(Indent, channel is null ? $"Notify: {notify.Template}" : $"Notify: {notify.Template} via {channel}");
                if (template is null)
                {
                    writer.Line(Indent + 1, $"[{CommunicationTemplates.Unknown(context, notify.Template)}: a live run skips it; tell the channel by hand]", Warning);
                    break;
                }
                // The earlier run's webhook took it before the run died in this step: the resume does not post it again.
                if (key is not null && writer.Rehearsal!.PostedBefore(key, index) is { } postedAt)
                {
                    writer.Line(Indent + 1, $"[posted to the webhook in the earlier run, at {postedAt}: the resume does not post it again]", Quiet);
                    break;
                }
                // What the live run prints and posts, filled in as far as it is known now.
                var (text, destination) = writer.Rehearsal!.NotificationPreview(template, phase, step);
                writer.Line(Indent + 1, destination, Quiet);
                writer.Line(Indent + 1, string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => "| " + line)));
                break;
            case SnippetAction snippet:
                var caption = snippet.Caption is null ? "" : $": {snippet.Caption}";
                writer.Line(Indent, $"Snippet ({snippet.Language}, not executed){caption}", Quiet);
                writer.Line(Indent + 1, snippet.Code);
                break;
            case NoteAction note:
                writer.Line(Indent, $"Note: {note.Text}");
                break;
            default:
                writer.Line(Indent, $"{action.GetType().Name} (not described by this version)", Quiet);
                break;
        }
    }

    private static IEnumerable<string> ShellDetails(ShellCommandAction shell)
    {
        if (!shell.ExpectedExitCodes.SequenceEqual([0]))
            yield return $"expect exit code {string.Join(" or ", shell.ExpectedExitCodes)}";
        if (shell.Timeout is { } timeout) yield return $"timeout {Durations.Format(timeout)}";
        if (shell.Attempts > 1)
            yield return $"retry: {shell.Attempts} attempts in total, first retry after {Durations.Format(shell.RetryBackoff)}, doubling";
    }

    private static IEnumerable<string> HttpDetails(HttpRequestAction http)
    {
        foreach (var header in http.Headers) yield return $"header {header.Key}: {header.Value}";
        if (http.Body is { } body) yield return $"body: {body}";
        if (http.ExpectedStatus is { } status) yield return $"expect status {status}";
        foreach (var text in http.BodyContains) yield return $"expect body to contain \"{text}\"";
        foreach (var json in http.JsonEquals) yield return $"expect JSON {json.Key} = {json.Value}";
        if (http.Timeout is { } timeout) yield return $"timeout {Durations.Format(timeout)}";
        if (http.Attempts > 1)
            yield return $"retry: {http.Attempts} attempts in total, first retry after {Durations.Format(http.RetryBackoff)}, doubling";
    }

    private static void WriteEscalation(PlanWriter writer, EffectiveEscalation escalation)
    {
        if (escalation.Levels.Count == 0)
        {
            writer.Section("Escalation: none defined");
            return;
        }
        writer.Section(escalation.InheritedFrom is { } handbook ? $"Escalation (inherited from handbook '{handbook}')" : "Escalation");
        var width = escalation.Levels.Max(l => EscalationTiming.Describe(l.After).Length);
        foreach (var level in escalation.Levels)
        {
            var contact = level.Contact is null ? "" : $": {level.Contact}";
            writer.Line(1, $"{EscalationTiming.Describe(level.After).PadRight(width)}  {level.Who}{contact}");
        }
    }

    /// <summary>
    /// As the live resume says it (LiveRun.RestartedBackground.cs), whether it starts the command again or not: the command
    /// this run's values make is not the one the earlier run started, so what the steps after it counted on is not what
    /// runs. A value the dry run does not know is left out of the comparison; when only such a value may make it
    /// another, that is said as "may differ". So is a value given again that the plan shows as its stand-in (an
    /// <c>int</c>: no placeholder binds to it), wherever a hole holds that stand-in: it is not what the resume runs with.
    /// </summary>
    private static void WriteCommandDifference(PlanWriter writer, RunContext context, StepPlan step, LeftInBackground earlier)
    {
        if (earlier.Action >= step.Actions.Count || step.Actions[earlier.Action] is not ShellCommandAction shell) return;
        var planned = shell.Command.Render(context.Secrets.Mask);
        var standIns = StandInMarkers(writer, context);
        // The command as compared: a hole holding a stand-in reads as a marker word, as a marked value does.
        var compared = standIns.Count == 0 ? planned
            : shell.Command.Render(value => standIns.TryGetValue(value, out var standIn) ? standIn.Marker : context.Secrets.Mask(value));
        var shownAs = standIns.Values.ToDictionary(s => s.Marker, s => s.Shown, StringComparer.Ordinal);
        foreach (var (marker, placeholder) in writer.Placeholders) shownAs[marker] = placeholder;
        var givenAgain = writer.GivenAgain.Keys.Select(RunContext.GivenAgainPlaceholder).ToHashSet(StringComparer.Ordinal);
        string[] givenAgainMarkers = [.. writer.Placeholders.Where(p => givenAgain.Contains(p.Value)).Select(p => p.Key), .. standIns.Values.Select(s => s.Marker)];
        switch (PlannedCommandDifference.Of(compared, earlier.Command, [.. shownAs.Keys], givenAgainMarkers))
        {
            case CommandDifference.Differs:
                writer.Line(2, "[DIFFERENT COMMAND: with this run's parameter values, the command that left the background running is not the one the earlier run started]", Warning);
                break;
            case CommandDifference.MayDiffer:
                var unknown = givenAgainMarkers.Where(m => compared.Contains(m, StringComparison.Ordinal)).Select(m => shownAs[m]);
                writer.Line(2, $"[the command may differ from the one the earlier run started: it holds {string.Join(", ", unknown)}, which the dry run does not know; the rest is the same]", Warning);
                break;
            default:
                return;
        }
        writer.Verbatim(3, "earlier run: $ ", earlier.Command);
        writer.Verbatim(3, "this run:    $ ", planned);
    }

    /// <summary>
    /// By the stand-in each shows, the values given again that the plan could not mark (<see cref="RunContext.WithUnknownValuesMarked"/>
    /// keeps the value bound now), with a marker word for the comparison and how the dry run names it: <c>&lt;given-again:Port&gt;
    /// (shown as '0')</c>. Two that show the same stand-in are named together, as a hole holding it may be either.
    /// </summary>
    private static Dictionary<string, (string Marker, string Shown)> StandInMarkers(PlanWriter writer, RunContext context) =>
        context.Parameters
            .Where(p => p.Value.Length > 0 && writer.GivenAgain.ContainsKey(p.Parameter.Name) && !writer.Marks(RunContext.GivenAgainPlaceholder(p.Parameter.Name)))
            .GroupBy(p => p.Value, StringComparer.Ordinal)
            .Select((standIn, i) => (standIn.Key, Marker: $"RUNBOOKSDK_STAND_IN_{i}_",
                Shown: $"{string.Join(" or ", standIn.Select(p => RunContext.GivenAgainPlaceholder(p.Parameter.Name)))} (shown as '{standIn.Key}')"))
            .ToDictionary(s => s.Key, s => (s.Marker, s.Shown), StringComparer.Ordinal);

    /// <summary>Writes indented lines, every text masked first, then each missing secret's marker replaced by its placeholder.</summary>
    private sealed class PlanWriter(IAnsiConsole console, SecretMasker secrets, IReadOnlyDictionary<string, string> placeholders, StepChoices answers, RunnerOptions options)
    {
        /// <summary>The answers given in advance to the plan's decisions.</summary>
        public StepChoices Answers => answers;

        /// <summary>The switches the live run would be given.</summary>
        public RunnerOptions Options => options;

        /// <summary>
        /// An action of a step the run carries out has been shown (not a note or snippet): a wait the resumed journal
        /// was in, shown after it, waits its whole time, as in the live resume.
        /// </summary>
        public bool ActionShown { get; set; }

        /// <summary>The live run these switches and this journal make, asked what it would do; it runs nothing.</summary>
        public LiveRun? Rehearsal { get; init; }

        /// <summary>The values the journal holds masked that the live resume gets again, journaled text by parameter name.</summary>
        public IReadOnlyDictionary<string, string> GivenAgain { get; init; } = new Dictionary<string, string>();

        /// <summary>The <c>--choose</c> answers a resume would not take, the journal having decided otherwise.</summary>
        public IReadOnlyList<OverruledChoice> Overruled { get; init; } = [];

        /// <summary>The journal's answer that stands for <paramref name="group"/> over a <c>--choose</c>, or null.</summary>
        public OverruledChoice? Standing(ChoiceGroup group) =>
            Overruled.FirstOrDefault(o => string.Equals(o.Group.Trim(), group.Title.Trim(), StringComparison.OrdinalIgnoreCase));

        /// <summary>HTTP steps whose URL the live run cannot send, by step number (<see cref="HttpStepUrls.Problems"/>).</summary>
        public StepProblems BadUrls { get; init; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

        /// <summary>Shell steps with a command the live run cannot quote, by step number (<see cref="ShellStepCommands.Problems"/>).</summary>
        public StepProblems BadCommands { get; init; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

        private const int IndentWidth = 2;

        /// <summary>The marker word standing for each value the dry run does not know, and the placeholder shown for it.</summary>
        public IReadOnlyDictionary<string, string> Placeholders => placeholders;

        /// <summary>Whether <paramref name="placeholder"/> stands in the plan for a value not known (a marker was bound for it).</summary>
        public bool Marks(string placeholder) => placeholders.Values.Contains(placeholder, StringComparer.Ordinal);

        public void Section(string heading)
        {
            console.WriteVerbatimLine("");
            console.WriteVerbatimLine(Shown(heading), Heading);
        }

        /// <summary>Prose: every line of a multi-line text is indented.</summary>
        public void Line(int indent, string text, Style? style = null)
        {
            var pad = new string(' ', indent * IndentWidth);
            var lines = Shown(text).ReplaceLineEndings("\n").Split('\n').Select(line => line.Length == 0 ? line : pad + line);
            console.WriteVerbatimLine(string.Join('\n', lines), style);
        }

        /// <summary>Something meant to be copied (a command, a URL): only the first line is indented, so the text stays exact.</summary>
        public void Verbatim(int indent, string prefix, string text, Style? style = null) =>
            console.WriteVerbatimLine(new string(' ', indent * IndentWidth) + prefix + ConsoleLines.ShownCode(Shown(text)), style);

        private string Shown(string text)
        {
            var masked = secrets.Mask(text);
            foreach (var (marker, placeholder) in placeholders) masked = masked.Replace(marker, placeholder, StringComparison.Ordinal);
            return masked;
        }
    }
}

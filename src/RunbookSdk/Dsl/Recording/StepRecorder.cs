using RunbookSdk.Commands;
using RunbookSdk.Model;

namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// Records a step's actions. Refinements (<c>ExpectStatus</c>, <c>Timeout</c>, ...) apply to the action just added;
/// the interface each method returns guarantees that action has the right kind.
/// </summary>
internal sealed class StepRecorder : ICommandStepBuilder, IHttpStepBuilder, IDelegateStepBuilder
{
    private readonly List<StepAction> _actions = [];
    private bool _requiresConfirmation;
    private string? _condition;
    private bool _idempotent;

    public static StepPlan Record(string title, Action<IStepBuilder> step)
    {
        var recorder = new StepRecorder();
        step(recorder);
        return new StepPlan(title, recorder._actions.ToArray(), recorder._requiresConfirmation) { Condition = recorder._condition, Idempotent = recorder._idempotent };
    }

    public ICommandStepBuilder Run(CommandInterpolationHandler command, string? comment = null) => AddCommand(command.ToTemplate(), comment);
    public ICommandStepBuilder Run(string command, string? comment = null) => AddCommand(CommandTemplate.FromLiteral(command), comment);

    public IHttpStepBuilder Http(string method, string url, string? comment = null)
    {
        _actions.Add(new HttpRequestAction(method.ToUpperInvariant(), url) { Comment = comment });
        return this;
    }

    public IStepBuilder Instruction(string text) => Add(new ManualInstructionAction(text));
    // A wait past the timer's range is absurd in an incident, and its end (now + duration) overflowed when journaled.
    public IStepBuilder Wait(TimeSpan duration, string? reason = null) =>
        Add(new WaitAction(DurationGuard.WithinTimer(DurationGuard.NotNegative(duration, "Wait(duration)", nameof(duration)),
            "Wait(duration)", nameof(duration), "For a pause of unknown length, write an Instruction the engineer acknowledges."), reason));
    public IStepBuilder Monitor(string what, TimeSpan duration) =>
        Add(new MonitorAction(what, DurationGuard.WithinTimer(DurationGuard.NotNegative(duration, "Monitor(what, duration)", nameof(duration)),
            "Monitor(what, duration)", nameof(duration), "For watching until something happens, write an Instruction the engineer acknowledges.")));
    public IDelegateStepBuilder Execute(string description, Func<StepContext, Task> body) => Add(new DelegateAction(description, body));
    public IStepBuilder Notify(string template, string? channel = null) => Add(new NotificationAction(template, channel));
    public IStepBuilder Snippet(string language, string code, string? caption = null) => Add(new SnippetAction(language, code, caption));
    public IStepBuilder Note(string text) => Add(new NoteAction(text));

    public IStepBuilder RequiresConfirmation()
    {
        _requiresConfirmation = true;
        return this;
    }

    public IStepBuilder OnlyIf(string condition)
    {
        // An empty condition would make the runner ask "Only if  — does it hold?": nobody can answer that at 3 a.m.
        if (string.IsNullOrWhiteSpace(condition))
            throw new ArgumentException("OnlyIf(condition) needs the condition the operator confirms, e.g. OnlyIf(\"a deployment went out in the last hour\"); it is empty.", nameof(condition));
        _condition = condition;
        return this;
    }

    public IStepBuilder Idempotent()
    {
        _idempotent = true;
        return this;
    }

    public ICommandStepBuilder ExpectExitCode(params int[] codes) => UpdateCommand(c => c with { ExpectedExitCodes = codes });
    ICommandStepBuilder ICommandStepBuilder.Timeout(TimeSpan timeout)
    {
        // Zero would kill the command before it did anything; a negative limit was a timer's exception at run time.
        DurationGuard.Positive(timeout, "Timeout(timeout) of a command", nameof(timeout), "Leave Timeout out for no limit.");
        DurationGuard.WithinTimer(timeout, "Timeout(timeout) of a command", nameof(timeout), "Leave Timeout out for no limit.");
        return UpdateCommand(c => c with { Timeout = timeout });
    }

    public ICommandStepBuilder Retry(int attempts, TimeSpan backoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        DurationGuard.NotNegative(backoff, "Retry(attempts, backoff)", nameof(backoff));
        DurationGuard.RetryWithinTimer(attempts, backoff);
        return UpdateCommand(c => c with { Attempts = attempts, RetryBackoff = backoff });
    }

    public IHttpStepBuilder ExpectStatus(int status) => UpdateHttp(h => h with { ExpectedStatus = status });
    public IHttpStepBuilder ExpectBodyContains(string text) => UpdateHttp(h => h with { BodyContains = [.. h.BodyContains, text] });
    public IHttpStepBuilder ExpectJson(string path, string value) => UpdateHttp(h => h with { JsonEquals = [.. h.JsonEquals, new(path, value)] });
    public IHttpStepBuilder Header(string name, string value) => UpdateHttp(h => h with { Headers = [.. h.Headers, new(name, value)] });
    public IHttpStepBuilder Body(string body) => UpdateHttp(h => h with { Body = body });
    IHttpStepBuilder IHttpStepBuilder.Timeout(TimeSpan timeout)
    {
        DurationGuard.Positive(timeout, "Timeout(timeout) of a request", nameof(timeout), "Leave Timeout out for the default (30 seconds).");
        DurationGuard.WithinTimer(timeout, "Timeout(timeout) of a request", nameof(timeout), "Leave Timeout out for the default (30 seconds).");
        return UpdateHttp(h => h with { Timeout = timeout });
    }

    IDelegateStepBuilder IDelegateStepBuilder.Timeout(TimeSpan timeout)
    {
        // A zero or negative limit would fail every run of the step before its code did anything.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        return UpdateLast<DelegateAction>(d => d with { Timeout = timeout });
    }

    private ICommandStepBuilder AddCommand(CommandTemplate template, string? comment)
    {
        _actions.Add(new ShellCommandAction(template, comment));
        return this;
    }

    private StepRecorder Add(StepAction action)
    {
        _actions.Add(action);
        return this;
    }

    private StepRecorder UpdateCommand(Func<ShellCommandAction, ShellCommandAction> update) => UpdateLast(update);
    private StepRecorder UpdateHttp(Func<HttpRequestAction, HttpRequestAction> update) => UpdateLast(update);

    private StepRecorder UpdateLast<TAction>(Func<TAction, TAction> update) where TAction : StepAction
    {
        // The fluent interfaces only expose a refinement right after its action, so the last action has the right type.
        _actions[^1] = update((TAction)_actions[^1]);
        return this;
    }
}

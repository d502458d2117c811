using RunbookSdk.Commands;
using RunbookSdk.Model;
using RunbookSdk.Requests;

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
    // Where a refused argument stands, for the message: "phase 'Mitigate', step 'Restart'".
    private readonly string _where;

    private StepRecorder(string where) => _where = where;

    /// <summary>Records a step titled <paramref name="title"/> (not null: the checks of <c>Step</c> come first).</summary>
    /// <param name="title">The step's title.</param>
    /// <param name="step">Adds the step's actions.</param>
    /// <param name="section">Where the step stands, for a refusal (<c>phase 'Mitigate'</c>); null when not known.</param>
    public static StepPlan Record(string title, Action<IStepBuilder> step, string? section = null)
    {
        var recorder = new StepRecorder(section is null ? $"step '{title}'" : $"{section}, step '{title}'");
        step(recorder);
        return new StepPlan(title, recorder._actions.ToArray(), recorder._requiresConfirmation) { Condition = recorder._condition, Idempotent = recorder._idempotent };
    }

    public ICommandStepBuilder Run(CommandInterpolationHandler command, string? comment = null) => AddCommand(command.ToTemplate(), comment);
    public ICommandStepBuilder Run(string command, string? comment = null) =>
        AddCommand(CommandTemplate.FromLiteral(NullGuard.Required(command, "Run(command)", nameof(command), _where)), comment);

    public IHttpStepBuilder Http(string method, UrlInterpolationHandler url, string? comment = null) => Http(method, url.ToString(), comment);
    public IHttpStepBuilder Http(string method, string url, string? comment = null)
    {
        NullGuard.Required(method, "Http(method, url)", nameof(method), _where);
        NullGuard.Required(url, "Http(method, url)", nameof(url), _where);
        _actions.Add(new HttpRequestAction(method.ToUpperInvariant(), url) { Comment = comment });
        return this;
    }

    public IStepBuilder Instruction(string text) => Add(new ManualInstructionAction(NullGuard.Required(text, "Instruction(text)", nameof(text), _where)));
    // A wait past the timer's range is absurd in an incident, and its end (now + duration) overflowed when journaled.
    public IStepBuilder Wait(TimeSpan duration, string? reason = null) =>
        Add(new WaitAction(DurationGuard.Accepted(duration, ArgumentRefusals.Wait(duration), nameof(duration)), reason));
    public IStepBuilder Monitor(string what, TimeSpan duration) =>
        Add(new MonitorAction(NullGuard.Required(what, "Monitor(what, duration)", nameof(what), _where), DurationGuard.Accepted(duration, ArgumentRefusals.Monitor(duration), nameof(duration))));
    public IDelegateStepBuilder Execute(string description, Func<StepContext, Task> body) => Add(new DelegateAction(
        NullGuard.Required(description, "Execute(description, body)", nameof(description), _where),
        NullGuard.Required(body, "Execute(description, body)", nameof(body), _where)));
    public IStepBuilder Notify(string template, string? channel = null) =>
        Add(new NotificationAction(NullGuard.Required(template, "Notify(template)", nameof(template), _where), channel));
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
        if (ArgumentRefusals.Condition(condition) is { } refused) throw new ArgumentException(refused, nameof(condition));
        _condition = condition;
        return this;
    }

    public IStepBuilder Idempotent()
    {
        _idempotent = true;
        return this;
    }

    public ICommandStepBuilder ExpectExitCode(params int[] codes)
    {
        // No code would count as success: the command would fail whatever it returned, after it ran.
        NullGuard.Required(codes, "ExpectExitCode(codes)", nameof(codes), _where);
        if (ArgumentRefusals.ExpectedExitCodes(codes.Length) is { } refused) throw new ArgumentException(refused, nameof(codes));
        // A copy: the caller's array may change after the runbook is recorded.
        return UpdateCommand(c => c with { ExpectedExitCodes = codes.ToArray() });
    }
    ICommandStepBuilder ICommandStepBuilder.Timeout(TimeSpan timeout)
    {
        // Zero would kill the command before it did anything; a negative limit was a timer's exception at run time.
        DurationGuard.Accepted(timeout, ArgumentRefusals.CommandTimeout(timeout), nameof(timeout));
        return UpdateCommand(c => c with { Timeout = timeout });
    }

    public ICommandStepBuilder Retry(int attempts, TimeSpan backoff)
    {
        if (ArgumentRefusals.RetryAttempts(attempts) is { } refused) throw new ArgumentOutOfRangeException(nameof(attempts), attempts, refused);
        DurationGuard.Accepted(backoff, ArgumentRefusals.RetryBackoff(attempts, backoff), nameof(backoff));
        return UpdateCommand(c => c with { Attempts = attempts, RetryBackoff = backoff });
    }

    public IHttpStepBuilder ExpectStatus(int status) => UpdateHttp(h => h with { ExpectedStatus = status });
    public IHttpStepBuilder ExpectBodyContains(string text) => UpdateHttp(h => h with { BodyContains = [.. h.BodyContains, text] });
    public IHttpStepBuilder ExpectJson(string path, string value) => UpdateHttp(h => h with { JsonEquals = [.. h.JsonEquals, new(path, value)] });
    public IHttpStepBuilder Header(string name, string value) => UpdateHttp(h => h with { Headers = [.. h.Headers, new(name, value)] });
    public IHttpStepBuilder Body(string body) => UpdateHttp(h => h with { Body = body });
    public IHttpStepBuilder Body(BodyInterpolationHandler body) => Body(body.ToString());
    IHttpStepBuilder IHttpStepBuilder.Timeout(TimeSpan timeout)
    {
        DurationGuard.Accepted(timeout, ArgumentRefusals.RequestTimeout(timeout), nameof(timeout));
        return UpdateHttp(h => h with { Timeout = timeout });
    }

    IDelegateStepBuilder IDelegateStepBuilder.Timeout(TimeSpan timeout)
    {
        // A zero or negative limit would fail every run of the step before its code did anything.
        DurationGuard.Accepted(timeout, ArgumentRefusals.CodeTimeout(timeout), nameof(timeout));
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

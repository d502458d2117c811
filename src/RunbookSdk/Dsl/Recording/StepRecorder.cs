using RunbookSdk.Commands;
using RunbookSdk.Model;
using RunbookSdk.Requests;

namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// Records a step's actions. Refinements (<c>ExpectStatus</c>, <c>Timeout</c>, ...) apply to the action whose builder
/// they are called on (<see cref="ActionRefiner"/>), wherever the step has got to since.
/// </summary>
internal sealed class StepRecorder : IStepBuilder
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
        try
        {
            step(recorder);
            recorder.RefuseContentTypeWithoutBody();
        }
        catch (Exception e) when (DefinitionSite.Mark(e, recorder._where))
        {
            throw; // never reached: the filter only marks the exception
        }
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
        // A method HTTP cannot carry could not be sent: the step failed when reached, after the steps before it ran.
        if (ArgumentRefusals.HttpMethod(method) is { } refused) throw new ArgumentException(refused, nameof(method));
        _actions.Add(new HttpRequestAction(method.ToUpperInvariant(), url) { Comment = comment });
        return Refiner();
    }

    public IStepBuilder Instruction(string text) => Add(new ManualInstructionAction(NullGuard.Required(text, "Instruction(text)", nameof(text), _where)));
    // A wait past the timer's range is absurd in an incident, and its end (now + duration) overflowed when journaled.
    public IStepBuilder Wait(TimeSpan duration, string? reason = null) =>
        Add(new WaitAction(DurationGuard.Accepted(duration, ArgumentRefusals.Wait(duration), nameof(duration)), reason));
    public IStepBuilder Monitor(string what, TimeSpan duration) =>
        Add(new MonitorAction(NullGuard.Required(what, "Monitor(what, duration)", nameof(what), _where), DurationGuard.Accepted(duration, ArgumentRefusals.Monitor(duration), nameof(duration))));
    public IDelegateStepBuilder Execute(string description, Func<StepContext, Task> body)
    {
        Add(new DelegateAction(
            NullGuard.Required(description, "Execute(description, body)", nameof(description), _where),
            NullGuard.Required(body, "Execute(description, body)", nameof(body), _where)));
        return Refiner();
    }
    public IStepBuilder Notify(string template, string? channel = null) =>
        Add(new NotificationAction(NullGuard.Required(template, "Notify(template)", nameof(template), _where), channel));
    // A null note or snippet printed nothing, or failed the page's rendering, naming neither.
    public IStepBuilder Snippet(string language, string code, string? caption = null) =>
        Add(new SnippetAction(NullGuard.Required(language, "Snippet(language, code)", nameof(language), _where), NullGuard.Required(code, "Snippet(language, code)", nameof(code), _where), caption));
    public IStepBuilder Note(string text) => Add(new NoteAction(NullGuard.Required(text, "Note(text)", nameof(text), _where)));

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

    /// <summary>
    /// A request with a <c>Content-Type</c> and no body went without the header, without a word (the client carries
    /// it only with a body): refused once the step is recorded, since the body may follow the header in the chain.
    /// </summary>
    private void RefuseContentTypeWithoutBody()
    {
        foreach (var http in _actions.OfType<HttpRequestAction>())
        {
            if (http.Body is null && http.Headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException(ArgumentRefusals.ContentTypeWithoutBody(http.Method), "value");
        }
    }

    private ICommandStepBuilder AddCommand(CommandTemplate template, string? comment)
    {
        _actions.Add(new ShellCommandAction(CommandLineBreaks.Normalized(template), comment));
        return Refiner();
    }

    private StepRecorder Add(StepAction action)
    {
        _actions.Add(action);
        return this;
    }

    /// <summary>The builder of the action just added: its refinements land on it, whatever is added after it.</summary>
    private ActionRefiner Refiner() => new(this, _actions.Count - 1, _where);

    /// <summary>Replaces the action at <paramref name="index"/> (one a refiner was made for, so of that kind) with its refined form.</summary>
    internal void Update<TAction>(int index, Func<TAction, TAction> update) where TAction : StepAction =>
        _actions[index] = update((TAction)_actions[index]);
}

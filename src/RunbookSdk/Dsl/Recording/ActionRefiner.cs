using RunbookSdk.Commands;
using RunbookSdk.Model;
using RunbookSdk.Requests;

namespace RunbookSdk.Dsl.Recording;

/// <summary>
/// The builder <c>Run</c>, <c>Http</c> and <c>Execute</c> return: its refinements (<c>Timeout</c>, <c>Retry</c>,
/// <c>ExpectStatus</c>, ...) land on the action it was made for, and its other calls add to the step as the step's
/// builder does. A builder kept in a variable — a team's helper that adds a note after the command it returns,
/// <c>var c = s.Run("a"); s.Run("b"); c.Timeout(…)</c> — refines its own action: before, a refinement landed on
/// whatever action the step had last, another command's time limit, or an <see cref="InvalidCastException"/> naming the
/// SDK's internal types when that was a note.
/// </summary>
/// <param name="step">The step the action belongs to.</param>
/// <param name="index">The action's position in the step.</param>
/// <param name="where">Where the step stands, for a refusal.</param>
internal sealed class ActionRefiner(StepRecorder step, int index, string where) : ICommandStepBuilder, IHttpStepBuilder, IDelegateStepBuilder
{
    public ICommandStepBuilder ExpectExitCode(params int[] codes)
    {
        // No code would count as success: the command would fail whatever it returned, after it ran.
        NullGuard.Required(codes, "ExpectExitCode(codes)", nameof(codes), where);
        if (ArgumentRefusals.ExpectedExitCodes(codes.Length) is { } refused) throw new ArgumentException(refused, nameof(codes));
        // A copy: the caller's array may change after the runbook is recorded.
        var copy = codes.ToArray();
        return Update<ShellCommandAction>(c => c with { ExpectedExitCodes = copy });
    }

    ICommandStepBuilder ICommandStepBuilder.Timeout(TimeSpan timeout)
    {
        // Zero would kill the command before it did anything; a negative limit was a timer's exception at run time.
        DurationGuard.Accepted(timeout, ArgumentRefusals.CommandTimeout(timeout), nameof(timeout));
        return Update<ShellCommandAction>(c => c with { Timeout = timeout });
    }

    public ICommandStepBuilder Retry(int attempts, TimeSpan backoff)
    {
        RefuseRetry(attempts, backoff);
        return Update<ShellCommandAction>(c => c with { Attempts = attempts, RetryBackoff = backoff });
    }

    IHttpStepBuilder IHttpStepBuilder.Retry(int attempts, TimeSpan backoff)
    {
        RefuseRetry(attempts, backoff);
        return Update<HttpRequestAction>(h => h with { Attempts = attempts, RetryBackoff = backoff });
    }

    private static void RefuseRetry(int attempts, TimeSpan backoff)
    {
        if (ArgumentRefusals.RetryAttempts(attempts) is { } refused) throw new ArgumentOutOfRangeException(nameof(attempts), attempts, refused);
        DurationGuard.Accepted(backoff, ArgumentRefusals.RetryBackoff(attempts, backoff), nameof(backoff));
    }

    public IHttpStepBuilder ExpectStatus(int status)
    {
        // No response has a status outside 100–599: the check would fail whatever the service answered.
        if (ArgumentRefusals.ExpectedStatus(status) is { } refused) throw new ArgumentOutOfRangeException(nameof(status), status, refused);
        return Update<HttpRequestAction>(h => h with { ExpectedStatus = status });
    }
    // A null expectation was checked only after the request was sent (a POST had done its work) and failed the step
    // with "Value cannot be null. (Parameter 'value')" or a NullReferenceException naming nothing: refused here.
    public IHttpStepBuilder ExpectBodyContains(string text)
    {
        NullGuard.Required(text, "ExpectBodyContains(text)", nameof(text), where);
        return Update<HttpRequestAction>(h => h with { BodyContains = [.. h.BodyContains, text] });
    }

    public IHttpStepBuilder ExpectJson(string path, string value)
    {
        NullGuard.Required(path, "ExpectJson(path, value)", nameof(path), where);
        NullGuard.Required(value, "ExpectJson(path, value)", nameof(value), where);
        return Update<HttpRequestAction>(h => h with { JsonEquals = [.. h.JsonEquals, new(path, value)] });
    }

    public IHttpStepBuilder Header(string name, string value)
    {
        // The runner's HTTP client drops a header it cannot send without a word: the request would go without its key.
        if (ArgumentRefusals.HeaderName(name) is { } refused) throw new ArgumentException(refused, nameof(name));
        // A null value (a token helper code did not find) sent the header empty: the request went without its key.
        NullGuard.Required(value, "Header(name, value)", nameof(value), where);
        // A line break failed the request only when it was sent; a Content-Type that is no media type, when the request was built.
        if (ArgumentRefusals.HeaderValue(name, value) is { } refusedValue) throw new ArgumentException(refusedValue, nameof(value));
        return Update<HttpRequestAction>(h => h with { Headers = [.. h.Headers, new(name, value)] });
    }

    // A null body sent the request without one, without a word.
    public IHttpStepBuilder Body(string body) =>
        Update<HttpRequestAction>(h => h with { Body = NullGuard.Required(body, "Body(body)", nameof(body), where) });
    public IHttpStepBuilder Body(BodyInterpolationHandler body) => Body(body.ToString());

    IHttpStepBuilder IHttpStepBuilder.Timeout(TimeSpan timeout)
    {
        DurationGuard.Accepted(timeout, ArgumentRefusals.RequestTimeout(timeout), nameof(timeout));
        return Update<HttpRequestAction>(h => h with { Timeout = timeout });
    }

    IDelegateStepBuilder IDelegateStepBuilder.Timeout(TimeSpan timeout)
    {
        // A zero or negative limit would fail every run of the step before its code did anything.
        DurationGuard.Accepted(timeout, ArgumentRefusals.CodeTimeout(timeout), nameof(timeout));
        return Update<DelegateAction>(d => d with { Timeout = timeout });
    }

    // The rest of the step's builder: what is added goes to the step, after every action added so far.
    public ICommandStepBuilder Run(CommandInterpolationHandler command, string? comment = null) => step.Run(command, comment);
    public ICommandStepBuilder Run(string command, string? comment = null) => step.Run(command, comment);
    public IHttpStepBuilder Http(string method, UrlInterpolationHandler url, string? comment = null) => step.Http(method, url, comment);
    public IHttpStepBuilder Http(string method, string url, string? comment = null) => step.Http(method, url, comment);
    public IStepBuilder Instruction(string text) => step.Instruction(text);
    public IStepBuilder Wait(TimeSpan duration, string? reason = null) => step.Wait(duration, reason);
    public IStepBuilder Monitor(string what, TimeSpan duration) => step.Monitor(what, duration);
    public IDelegateStepBuilder Execute(string description, Func<StepContext, Task> body) => step.Execute(description, body);
    public IStepBuilder Notify(string template, string? channel = null) => step.Notify(template, channel);
    public IStepBuilder Snippet(string language, string code, string? caption = null) => step.Snippet(language, code, caption);
    public IStepBuilder Note(string text) => step.Note(text);
    public IStepBuilder RequiresConfirmation() => step.RequiresConfirmation();
    public IStepBuilder OnlyIf(string condition) => step.OnlyIf(condition);
    public IStepBuilder Idempotent() => step.Idempotent();

    private ActionRefiner Update<TAction>(Func<TAction, TAction> update) where TAction : StepAction
    {
        step.Update(index, update);
        return this;
    }
}

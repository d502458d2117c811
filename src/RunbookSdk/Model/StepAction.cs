using RunbookSdk.Commands;

namespace RunbookSdk.Model;

/// <summary>One thing a step does. Steps hold actions in the order they were written.</summary>
public abstract record StepAction;

/// <summary>A shell command, built by the safe interpolation handler.</summary>
/// <param name="Command">The command template: literal text and quoted holes.</param>
/// <param name="Comment">Why the command is run; shown as a <c>#</c> comment above it in the docs.</param>
public sealed record ShellCommandAction(CommandTemplate Command, string? Comment) : StepAction
{
    /// <summary>Exit codes that count as success.</summary>
    public IReadOnlyList<int> ExpectedExitCodes { get; init; } = [0];
    /// <summary>How long the command may run before its process tree is killed.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary>How many attempts in total (1 = no retry).</summary>
    public int Attempts { get; init; } = 1;
    /// <summary>Delay before the first retry; doubles for each further attempt.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>An HTTP request with expectations.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Url">Absolute URL.</param>
public sealed record HttpRequestAction(string Method, string Url) : StepAction
{
    /// <summary>Request headers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    /// <summary>Request body, if any.</summary>
    public string? Body { get; init; }
    /// <summary>Expected status code, or null for any success code.</summary>
    public int? ExpectedStatus { get; init; }
    /// <summary>Text the response body must contain.</summary>
    public IReadOnlyList<string> BodyContains { get; init; } = [];
    /// <summary>JSON expectations: a dotted path and the value it must have.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> JsonEquals { get; init; } = [];
    /// <summary>Request timeout.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary>How many times the request is sent at most until it meets its expectations (1 = no retry).</summary>
    public int Attempts { get; init; } = 1;
    /// <summary>Delay before the first retry; doubles for each further attempt.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Why the request is made.</summary>
    public string? Comment { get; init; }
}

/// <summary>An instruction a person carries out and acknowledges.</summary>
/// <param name="Text">The instruction.</param>
public sealed record ManualInstructionAction(string Text) : StepAction;

/// <summary>Wait a fixed time (e.g. for a deployment to settle).</summary>
/// <param name="Duration">How long.</param>
/// <param name="Reason">Why.</param>
public sealed record WaitAction(TimeSpan Duration, string? Reason) : StepAction;

/// <summary>Watch something for a while.</summary>
/// <param name="What">What to watch.</param>
/// <param name="Duration">For how long.</param>
public sealed record MonitorAction(string What, TimeSpan Duration) : StepAction;

/// <summary>C# code run by the runner.</summary>
/// <param name="Description">What the code does, for the docs.</param>
/// <param name="Body">The code.</param>
public sealed record DelegateAction(string Description, Func<StepContext, Task> Body) : StepAction
{
    /// <summary>How long the code may run before its token is cancelled and the step fails; null for the runner's default.</summary>
    public TimeSpan? Timeout { get; init; }
}

/// <summary>Send a communication template.</summary>
/// <param name="Template">Name of the communication template.</param>
/// <param name="Channel">Where to send it, if not the template's own channel.</param>
public sealed record NotificationAction(string Template, string? Channel) : StepAction;

/// <summary>Code kept verbatim for the docs, never executed (SQL, YAML, PromQL, TypeScript, ...).</summary>
/// <param name="Language">Language for highlighting.</param>
/// <param name="Code">The code.</param>
/// <param name="Caption">Optional caption shown above it.</param>
public sealed record SnippetAction(string Language, string Code, string? Caption) : StepAction;

/// <summary>Explanatory text.</summary>
/// <param name="Text">The text.</param>
public sealed record NoteAction(string Text) : StepAction;

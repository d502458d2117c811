using RunbookSdk.Commands;
using RunbookSdk.Requests;

namespace RunbookSdk;

/// <summary>
/// Adds actions to a step. Actions run, and are documented, in the order written. A null where a parameter is not
/// nullable is refused when the runbook is recorded, with an <see cref="ArgumentNullException"/> that names the step.
/// </summary>
public interface IStepBuilder
{
    /// <summary>
    /// A shell command. Holes are quoted for the shell at run time: <c>Run($"aws lambda get-function --function-name {FunctionName}")</c>.
    /// </summary>
    /// <param name="command">The command as an interpolated string.</param>
    /// <param name="comment">Why it is run; shown as a <c>#</c> comment above it.</param>
    ICommandStepBuilder Run(CommandInterpolationHandler command, string? comment = null);

    /// <summary>A shell command written as plain text, with nothing interpolated.</summary>
    /// <param name="command">The command.</param>
    /// <param name="comment">Why it is run; shown as a <c>#</c> comment above it.</param>
    ICommandStepBuilder Run(string command, string? comment = null);

    /// <summary>
    /// An HTTP request; add expectations with the returned builder. Holes after the host are percent-encoded at run
    /// time: <c>Http("GET", $"{BaseUrl}/api/users/{User}?since={Since:O}")</c> sends <c>{User}</c> and <c>{Since}</c>
    /// as one value each, whatever they hold; <c>{BaseUrl}</c>, before the path, is sent as written.
    /// </summary>
    /// <param name="method">HTTP method, e.g. "GET": one word with no spaces or separators, sent in capitals.</param>
    /// <param name="url">Absolute URL, as an interpolated string.</param>
    /// <param name="comment">Why it is made.</param>
    /// <exception cref="ArgumentException">A method HTTP cannot carry (<c>"GE T"</c>, empty).</exception>
    IHttpStepBuilder Http(string method, UrlInterpolationHandler url, string? comment = null);

    /// <summary>An HTTP request to a URL written as plain text, sent as written; add expectations with the returned builder.</summary>
    /// <param name="method">HTTP method, e.g. "GET": one word with no spaces or separators, sent in capitals.</param>
    /// <param name="url">Absolute URL.</param>
    /// <param name="comment">Why it is made.</param>
    /// <exception cref="ArgumentException">A method HTTP cannot carry (<c>"GE T"</c>, empty).</exception>
    IHttpStepBuilder Http(string method, string url, string? comment = null);

    /// <summary>An instruction a person carries out and acknowledges.</summary>
    /// <param name="text">The instruction.</param>
    IStepBuilder Instruction(string text);

    /// <summary>Waits a fixed time.</summary>
    /// <param name="duration">How long; zero or more (a negative one refuses the runbook before anything runs).</param>
    /// <param name="reason">Why.</param>
    IStepBuilder Wait(TimeSpan duration, string? reason = null);

    /// <summary>Watch something for a while before moving on.</summary>
    /// <param name="what">What to watch.</param>
    /// <param name="duration">For how long; zero or more.</param>
    IStepBuilder Monitor(string what, TimeSpan duration);

    /// <summary>
    /// C# code run by the runner. It has a time limit (<see cref="IDelegateStepBuilder.Timeout"/>, else the runner's
    /// <c>DefaultDelegateTimeout</c>): when it passes, <see cref="StepContext.CancellationToken"/> is cancelled and
    /// the step fails, whether or not the code stops.
    /// </summary>
    /// <param name="description">What the code does, for the docs.</param>
    /// <param name="body">The code.</param>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> or <paramref name="body"/> is null (the message names the step).</exception>
    IDelegateStepBuilder Execute(string description, Func<StepContext, Task> body);

    /// <summary>Sends a communication template.</summary>
    /// <param name="template">Template name, as defined with <c>Communication(...)</c>.</param>
    /// <param name="channel">Where to send it, if not the template's own channel.</param>
    IStepBuilder Notify(string template, string? channel = null);

    /// <summary>Code kept verbatim for the docs and never executed (SQL, YAML, PromQL, ...).</summary>
    /// <param name="language">Language.</param>
    /// <param name="code">The code.</param>
    /// <param name="caption">Optional caption.</param>
    IStepBuilder Snippet(string language, string code, string? caption = null);

    /// <summary>Explanatory text shown with the step.</summary>
    /// <param name="text">The text.</param>
    IStepBuilder Note(string text);

    /// <summary>Marks the step destructive: the operator confirms before it runs, and dry runs never run it.</summary>
    IStepBuilder RequiresConfirmation();

    /// <summary>
    /// Runs the step only when the operator confirms that <paramref name="condition"/> holds: before the step the runner
    /// asks "Only if a deployment went out in the last hour — does it hold?", and no skips the step (journaled, and
    /// counted as completed on resume). The page shows the condition on the step. A non-interactive run refuses to
    /// start unless told what to assume (<c>--conditions-hold</c> or <c>--skip-conditional</c>). On a step that is
    /// also destructive the condition is asked first, then the confirmation.
    /// <example>
    /// <code>
    /// .Step("Emergency rollback", s => s
    ///     .OnlyIf("a deployment went out in the last hour")
    ///     .Run("kubectl rollout undo deployment/api")
    ///     .RequiresConfirmation())
    /// </code>
    /// </example>
    /// </summary>
    /// <param name="condition">
    /// What must be true for the step to apply, worded to complete "Only if …" (<c>"auto-scaling is not enabled"</c>);
    /// not empty. A step has at most one condition: a second <c>OnlyIf</c> replaces the first.
    /// </param>
    /// <exception cref="ArgumentException">The condition is null, empty or only white space.</exception>
    IStepBuilder OnlyIf(string condition);

    /// <summary>
    /// Promises that running the step again after an interruption does no harm: a health check, a read-only query, a
    /// soak loop, <c>kubectl apply</c> of the same manifest. Whatever the step's commands, requests and code did before
    /// the run was cut off, doing all of it once more leaves the system as doing it once does. On
    /// <c>--resume</c>, what the earlier run started in this step and did not see finish (a command, C# code, a POST)
    /// is then run again without the question and without <c>--resend-requests</c>, journaled as a <c>choice</c>
    /// <c>about: resend</c>, <c>by: idempotent</c>. It promises nothing about the first run: a destructive step
    /// (<see cref="RequiresConfirmation"/>) still asks for its confirmation, on a resume too. The page and the dry run
    /// show it. Leave it off when in doubt: a second deploy, a second failover or a second payment is the harm the
    /// question on resume exists for.
    /// <example>
    /// <code>
    /// .Step("Soak: health holds", s => s
    ///     .Run($"for i in $(seq 1 60); do curl --fail -sS {BaseUrl}/health || exit 1; sleep 1; done")
    ///     .Idempotent())
    /// </code>
    /// </example>
    /// </summary>
    IStepBuilder Idempotent();
}

/// <summary>
/// Refines the shell command <c>Run</c> returned this builder for, also when the step added more actions since (a
/// helper that keeps the builder in a variable); its other calls add to the step, after every action added so far.
/// </summary>
public interface ICommandStepBuilder : IStepBuilder
{
    /// <summary>Exit codes that count as success (default 0).</summary>
    /// <param name="codes">Accepted codes: at least one.</param>
    /// <exception cref="ArgumentException">No code is given: the command would fail whatever it returned.</exception>
    ICommandStepBuilder ExpectExitCode(params int[] codes);

    /// <summary>Kills the command's process tree after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">Time limit, more than zero (leave <c>Timeout</c> out for none).</param>
    ICommandStepBuilder Timeout(TimeSpan timeout);

    /// <summary>Retries a failed command, doubling the delay each time.</summary>
    /// <param name="attempts">Attempts in total, at least 1.</param>
    /// <param name="backoff">Delay before the first retry, zero or more.</param>
    ICommandStepBuilder Retry(int attempts, TimeSpan backoff);
}

/// <summary>Refines the C# code <c>Execute</c> returned this builder for, also when the step added more actions since.</summary>
public interface IDelegateStepBuilder : IStepBuilder
{
    /// <summary>
    /// How long the code may run. Then its <see cref="StepContext.CancellationToken"/> is cancelled and the step fails
    /// (so the rollback runs); code that ignores the token is not waited for.
    /// </summary>
    /// <param name="timeout">Time limit, more than zero.</param>
    IDelegateStepBuilder Timeout(TimeSpan timeout);
}

/// <summary>Refines the HTTP request <c>Http</c> returned this builder for, also when the step added more actions since.</summary>
public interface IHttpStepBuilder : IStepBuilder
{
    /// <summary>The response must have this status code.</summary>
    /// <param name="status">Status code, 100 to 599.</param>
    /// <exception cref="ArgumentOutOfRangeException">A status no HTTP response has (<c>-5</c>, <c>999</c>): the check could never pass.</exception>
    IHttpStepBuilder ExpectStatus(int status);

    /// <summary>The response body must contain this text.</summary>
    /// <param name="text">Text.</param>
    IHttpStepBuilder ExpectBodyContains(string text);

    /// <summary>The JSON value at a dotted path must equal <paramref name="value"/>, compared by the kind of value found.</summary>
    /// <param name="path">
    /// Dotted path, e.g. <c>status</c>, <c>data.total</c> or <c>items.0.id</c> (also <c>items[0].id</c>; a leading
    /// <c>$.</c> is the document). A key holding dots is written as it is
    /// (<c>metadata.labels.app.kubernetes.io/name</c>) or in brackets (<c>metadata.labels['app.kubernetes.io/name']</c>).
    /// </param>
    /// <param name="value">
    /// Expected value, as text. A number found is compared by value (<c>"3"</c> meets <c>3</c>, <c>3.0</c> and <c>3e0</c>);
    /// <c>true</c>, <c>false</c> and <c>null</c> as JSON literals, in any case (<c>true.ToString()</c>, <c>"True"</c>,
    /// meets <c>true</c>); a string by its text, exactly (<c>"3"</c> meets the string <c>"3"</c> too); an object or an
    /// array by its JSON, with the same rules inside. Written as a JSON string literal (<c>""3""</c>) it asks for a
    /// string: the number 3 does not meet it. A failure says what kind of value was found
    /// (<c>JSON replicas is the number 2, expected 3</c>). The generated page and the dry run show the value as written.
    /// </param>
    IHttpStepBuilder ExpectJson(string path, string value);

    /// <summary>A request header.</summary>
    /// <param name="name">Header name: an HTTP token (no spaces, colons or other separators).</param>
    /// <param name="value">Header value.</param>
    /// <exception cref="ArgumentException">A name HTTP cannot carry (it would not be sent), or a <c>Content-Type</c> that is no media type.</exception>
    IHttpStepBuilder Header(string name, string value);

    /// <summary>A request body, sent as written.</summary>
    /// <param name="body">Body text (a constant, or a body built beforehand).</param>
    IHttpStepBuilder Body(string body);

    /// <summary>
    /// A request body built from an interpolated string. In a JSON body (starting with <c>{</c> or <c>[</c>) a hole
    /// cannot change the JSON's shape: inside a string its text is JSON-escaped; outside one it is one JSON value
    /// (<c>3</c>, <c>true</c>, <c>"text"</c>, an array, an object). Any other body takes its holes as written.
    /// See <see cref="BodyInterpolationHandler"/>.
    /// </summary>
    /// <param name="body">Body template: <c>$"{{\"user\": \"{User}\", \"replicas\": {Count}}}"</c>.</param>
    IHttpStepBuilder Body(BodyInterpolationHandler body);

    /// <summary>Request timeout.</summary>
    /// <param name="timeout">Time limit, more than zero (leave <c>Timeout</c> out for the default, 30 seconds).</param>
    IHttpStepBuilder Timeout(TimeSpan timeout);

    /// <summary>
    /// Sends the request again until it meets its expectations (<c>ExpectStatus</c>, <c>ExpectBodyContains</c>,
    /// <c>ExpectJson</c>; else a success status), or gets no answer: a health check right after a rollout, which
    /// answers 503 until the new pods are ready. Each attempt has its own <c>Timeout</c> and is journaled; a URL that
    /// cannot be sent is not tried again. A request that is not idempotent (<c>POST</c>, <c>PATCH</c>) is sent again
    /// too, as a retried command is run again: retry it only when the service takes it twice safely.
    /// </summary>
    /// <param name="attempts">Attempts in total, at least 1 (the first counts).</param>
    /// <param name="backoff">Wait before the second attempt; it doubles before each further one.</param>
    IHttpStepBuilder Retry(int attempts, TimeSpan backoff);
}

using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// Checks, before anything runs, that every HTTP step's URL (with the run's parameter values in it) can be sent: an
/// absolute <c>http://</c> or <c>https://</c> URL.
/// </summary>
/// <remarks>
/// Why before: a URL built from a parameter left empty (<c>{BaseUrl}/health</c> with <c>BaseUrl</c> empty is
/// <c>/health</c>) failed only when its step ran — <c>InvalidOperationException: An invalid request URI was provided</c>
/// — after the steps before it had already changed things, and then the rollback ran for a typo on the command line.
/// A <c>Uri</c> parameter is refused when bound; a string parameter is not, so the URL itself is checked.
/// A step that may not run at all — one written <c>OnlyIf(…)</c>, or an option of a <c>OneOf</c> decision, that the
/// command line does not already say runs — does not refuse the run: its parameter may be left empty on purpose (no
/// DR region to fail over to). The run starts with a warning naming it, and the step fails, sending nothing, if it is
/// reached. A rollback step refuses the run as any other, although the rollback may not be needed: it must work when it is.
/// </remarks>
internal static class HttpStepUrls
{
    /// <summary>Why <paramref name="url"/> cannot be requested, or null when it can.</summary>
    public static string? Problem(string url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "an empty URL";
        // On Linux "/health" parses as an absolute file URL, and "localhost:5099/x" as one whose scheme is "localhost".
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"'{url}', which is not an absolute http:// or https:// URL";
        return null;
    }

    /// <summary>
    /// The HTTP steps whose URL cannot be requested, by step number (<c>1.2</c>, <c>R.1</c>, <c>V.1</c>), with why:
    /// those that refuse the run, and those that fail only if they run (see the remarks), as the answers given in
    /// <paramref name="options"/> (<c>--conditions-hold</c>, <c>--skip-conditional</c>, <c>--choose</c>) decide. A step
    /// those answers skip is in neither.
    /// </summary>
    public static StepProblems Problems(RunbookPlan plan, RunnerOptions options) =>
        StepProblems.Find(plan, options, (step, number) =>
            step.Actions.OfType<HttpRequestAction>()
                .Select(http => Problem(http.Url) is { } problem ? $"{http.Method} {problem}" : null)
                .OfType<string>()
                .ToArray() is { Length: > 0 } why
                ? $"step {number} '{step.Title}' requests {string.Join(" and ", why)}"
                : null);

    /// <summary>
    /// The refusal of a run with such steps — "could not be prepared", as a runbook whose definition is refused (exit 1)
    /// — naming each step and its URL; null when every URL that surely runs can be requested. Not masked: the caller masks it.
    /// </summary>
    public static string? Refusal(RunContext context, RunnerOptions options)
    {
        var problems = Problems(context.Plan, options).Refused;
        if (problems.Count == 0) return null;
        return $"runbook '{context.Runbook.Id}' could not be prepared: "
            + string.Join("; ", problems.Values)
            + " (a parameter the URL is built from may be empty or lack its http(s)://); nothing was run.";
    }
}

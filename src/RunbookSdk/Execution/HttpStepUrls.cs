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

    /// <summary>The HTTP steps whose URL cannot be requested, by step number (<c>1.2</c>, <c>R.1</c>, <c>V.1</c>), with why.</summary>
    public static IReadOnlyDictionary<string, string> Problems(RunbookPlan plan)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            var phase = i;
            Add(plan.Phases[i].Steps, j => StepNumbers.Phase(phase, j));
        }
        if (plan.Rollback is { } rollback) Add(rollback.Steps, StepNumbers.Rollback);
        if (plan.Verification is { } verification) Add(verification.Steps, StepNumbers.Verification);
        return problems;

        void Add(IReadOnlyList<StepPlan> steps, Func<int, string> number)
        {
            for (var j = 0; j < steps.Count; j++)
            {
                var why = steps[j].Actions.OfType<HttpRequestAction>()
                    .Select(http => Problem(http.Url) is { } problem ? $"{http.Method} {problem}" : null)
                    .OfType<string>()
                    .ToArray();
                if (why.Length > 0) problems[number(j)] = $"step {number(j)} '{steps[j].Title}' requests {string.Join(" and ", why)}";
            }
        }
    }

    /// <summary>
    /// The refusal of a run with such steps — "could not be prepared", as a runbook whose definition is refused (exit 1)
    /// — naming each step and its URL; null when every URL can be requested. Not masked: the caller masks it.
    /// </summary>
    public static string? Refusal(RunContext context)
    {
        var problems = Problems(context.Plan);
        if (problems.Count == 0) return null;
        return $"runbook '{context.Runbook.Id}' could not be prepared: "
            + string.Join("; ", problems.Values)
            + " (a parameter the URL is built from may be empty or lack its http(s)://); nothing was run.";
    }
}

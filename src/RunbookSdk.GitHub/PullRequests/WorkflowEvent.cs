using System.Text.Json;

namespace RunbookSdk.GitHub.PullRequests;

/// <summary>
/// The GitHub Actions event a workflow run was started for, as far as reporting a validation needs it: the event's
/// name (<c>GITHUB_EVENT_NAME</c>), the commit the workflow checked out (<c>GITHUB_SHA</c>) and, from the payload
/// (<c>GITHUB_EVENT_PATH</c>), the pull request and its head or the merge group's head. A payload that is missing or
/// not the JSON GitHub writes is not an exception: <see cref="PayloadProblem"/> says why, for a warning.
/// </summary>
public sealed class WorkflowEvent
{
    private WorkflowEvent(string? name, string? sha, bool hasPayloadPath)
    {
        Name = name;
        Sha = sha;
        InGitHubActions = name is not null || hasPayloadPath;
    }

    /// <summary>The event's name (<c>pull_request</c>, <c>merge_group</c>, <c>push</c>…); null when not set.</summary>
    public string? Name { get; }

    /// <summary>The commit the workflow run is for (<c>GITHUB_SHA</c>), which <c>actions/checkout</c> checks out.</summary>
    public string? Sha { get; }

    /// <summary>Whether this is a GitHub Actions run (an event name or a payload is set).</summary>
    public bool InGitHubActions { get; }

    /// <summary>The payload's <c>pull_request.number</c>, or null.</summary>
    public int? PullRequest { get; private set; }

    /// <summary>The payload's <c>pull_request.head.sha</c>: the head commit the run validated; or null.</summary>
    public string? PullRequestHeadSha { get; private set; }

    /// <summary>The payload's <c>merge_group.head_sha</c>: the commit a merge queue tests; or null.</summary>
    public string? MergeGroupHeadSha { get; private set; }

    /// <summary>Why the payload could not be read (missing, unreadable, not a JSON object), or null.</summary>
    public string? PayloadProblem { get; private set; }

    /// <summary>The event of the running workflow, from <c>GITHUB_EVENT_NAME</c>, <c>GITHUB_EVENT_PATH</c> and <c>GITHUB_SHA</c>.</summary>
    public static WorkflowEvent FromEnvironment() => Read(
        Environment.GetEnvironmentVariable("GITHUB_EVENT_NAME"),
        Environment.GetEnvironmentVariable("GITHUB_EVENT_PATH"),
        Environment.GetEnvironmentVariable("GITHUB_SHA"));

    /// <summary>Reads an event from its name, payload file and commit; empty values count as not set.</summary>
    /// <param name="name">The event's name, or null.</param>
    /// <param name="payloadPath">The payload file, or null.</param>
    /// <param name="sha">The workflow's commit, or null.</param>
    public static WorkflowEvent Read(string? name, string? payloadPath, string? sha)
    {
        var workflowEvent = new WorkflowEvent(NullIfEmpty(name), NullIfEmpty(sha), !string.IsNullOrEmpty(payloadPath));
        if (workflowEvent.InGitHubActions) workflowEvent.ReadPayload(NullIfEmpty(payloadPath));
        return workflowEvent;
    }

    private void ReadPayload(string? path)
    {
        if (path is null)
        {
            PayloadProblem = "GITHUB_EVENT_PATH is not set";
            return;
        }

        try
        {
            using var payload = JsonDocument.Parse(File.ReadAllText(path));
            var root = payload.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                PayloadProblem = $"GITHUB_EVENT_PATH '{path}' holds {root.ValueKind.ToString().ToLowerInvariant()}, not an event object";
                return;
            }

            if (root.TryGetProperty("pull_request", out var pr) && pr.ValueKind == JsonValueKind.Object)
            {
                if (pr.TryGetProperty("number", out var number) && number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var n)) PullRequest = n;
                if (pr.TryGetProperty("head", out var head) && head.ValueKind == JsonValueKind.Object) PullRequestHeadSha = String(head, "sha");
            }

            if (root.TryGetProperty("merge_group", out var group) && group.ValueKind == JsonValueKind.Object)
                MergeGroupHeadSha = String(group, "head_sha");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            PayloadProblem = e is FileNotFoundException or DirectoryNotFoundException
                ? $"GITHUB_EVENT_PATH '{path}' does not exist"
                : $"GITHUB_EVENT_PATH '{path}' could not be read: {e.Message}";
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? NullIfEmpty(value.GetString()) : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

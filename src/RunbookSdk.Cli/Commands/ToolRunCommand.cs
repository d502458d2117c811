using RunbookSdk.Hosting;

namespace RunbookSdk.Cli.Commands;

/// <summary>
/// The shell words that run a runbook of an app through this tool, up to the runbook's id, and the tool's options a
/// resume needs again: what the hints of <c>runbook run</c> and the resume commands of <c>runbook runs</c> put around
/// <c>ID --resume "…"</c>.
/// </summary>
internal static class ToolRunCommand
{
    /// <summary>
    /// <c>runbook run /full/path/to/APP</c>: the tool as the operator runs it and the app by its full path, so the
    /// command works from any folder.
    /// </summary>
    public static string For(string app) => $"{ProgramCommand.OfTool("runbook") ?? "runbook"} run {ProgramCommand.Word(Path.GetFullPath(app))}";

    /// <summary>
    /// <c>--incident-repo R [--github-api-url U]</c>, as words: a resume without them does not continue the run's
    /// incident issue, so the run journals them and every resume command names them. Never the token.
    /// </summary>
    public static IReadOnlyList<string> ResumeOptions(string? incidentRepo, string? gitHubApiUrl) => incidentRepo is { } repo
        ? gitHubApiUrl is { } api ? ["--incident-repo", repo, "--github-api-url", api] : ["--incident-repo", repo]
        : [];
}

using RunbookSdk.Hosting;

namespace RunbookSdk.Cli.Commands;

/// <summary>
/// The shell words that run a runbook of an app through this tool, up to the runbook's id: what the hints of
/// <c>runbook run</c> and the resume commands of <c>runbook runs</c> put before <c>ID --resume "…"</c>.
/// </summary>
internal static class ToolRunCommand
{
    /// <summary>
    /// <c>runbook run [--incident-repo R [--github-api-url U]] /full/path/to/APP</c>: the tool as the operator runs it
    /// and the app by its full path, so the command works from any folder. A resume without <c>--incident-repo</c> would
    /// not continue the run's incident issue: given, it is named.
    /// </summary>
    public static string For(string app, string? incidentRepo, string? gitHubApiUrl)
    {
        var incidentOptions = incidentRepo is { } repo
            ? $" --incident-repo {ProgramCommand.Word(repo)}" + (gitHubApiUrl is { } api ? $" --github-api-url {ProgramCommand.Word(api)}" : "")
            : "";
        return $"{ProgramCommand.OfTool("runbook") ?? "runbook"} run{incidentOptions} {ProgramCommand.Word(Path.GetFullPath(app))}";
    }
}

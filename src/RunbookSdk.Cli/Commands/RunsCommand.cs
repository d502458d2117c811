using System.ComponentModel;
using RunbookSdk.Hosting;
using Spectre.Console.Cli;

namespace RunbookSdk.Cli.Commands;

/// <summary>
/// <c>runs APP [FOLDER] [--all]</c>: the app's own <c>runs</c> (<see cref="RunbookHost"/>) — the runs journaled in a
/// folder and where each stands —, with the commands that resume them naming this tool and the app
/// (<c>runbook run /srv/ops/Ops ID --resume "…"</c>), as the hints of a run started through the tool do.
/// </summary>
internal sealed class RunsCommand(CliOutput output) : AsyncCommand<RunsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<APP>")]
        [Description("The runbook project (.csproj or its folder; built with 'dotnet build' first) or its built assembly (.dll): the resume commands run its runbooks.")]
        public string App { get; set; } = "";

        [CommandArgument(1, "[FOLDER]")]
        [Description("The folder of the journals (default: .runbook-journals in the current folder, where a run that names no journal writes one), or one journal.")]
        public string? Folder { get; set; }

        [CommandOption("--all")]
        [Description("List finished runs too (succeeded, or continued in another journal); by default only those still to finish.")]
        public bool All { get; set; }

        [CommandOption("--incident-repo <OWNER/NAME>")]
        [Description("The repository the runs keep their incident issue in (as given to 'run'), for journals that do not record it (written before runs recorded it): the resume commands name it, so that a resume continues the issue.")]
        public string? IncidentRepo { get; set; }

        [CommandOption("--github-api-url <URL>")]
        [Description("With --incident-repo: the GitHub REST API root the runs were given, named in the resume commands too.")]
        public string? GitHubApiUrl { get; set; }

        [CommandOption("--no-build")]
        [Description("Do not build the project; use its Debug build output as it is.")]
        public bool NoBuild { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunbookCatalog catalog;
        try
        {
            var app = await RunbookApp.LocateAsync(settings.App, settings.NoBuild, buildWritesDocs: true, output.Error, cancellationToken);
            catalog = RunbookApp.LoadCatalog(app.AssemblyPath);
        }
        catch (RunbookAppException e)
        {
            output.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        // The resume commands name this tool and the app, as the hints of `runbook run` do: the operator runs the tool.
        // The incident repository a run was given is in its journal; one given here names it for journals written before.
        var options = new RunbookHostOptions
        {
            RunCommand = ToolRunCommand.For(settings.App),
            ResumeOptions = ToolRunCommand.ResumeOptions(settings.IncidentRepo, settings.GitHubApiUrl),
        };
        string[] args = ["runs", .. settings.Folder is { } folder ? new[] { folder } : [], .. settings.All ? new[] { "--all" } : []];
        return await RunbookHost.RunAsync(args, catalog, PlainConsole.On(output.Out), PlainConsole.On(output.Error), options, cancellationToken);
    }
}

using System.ComponentModel;
using RunbookSdk.Hosting;
using Spectre.Console.Cli;

namespace RunbookSdk.Cli.Commands;

/// <summary>
/// <c>docs APP [--out DIR] [--check] [--no-build]</c>: loads the runbook app as <c>run</c> does and runs the app's own
/// <c>docs</c> command (<see cref="RunbookHost"/>), so the pages are the bytes the app writes: the generator's pages
/// embedded in its assembly. Without <c>--out</c>, the folder the project's build writes them to.
/// </summary>
internal sealed class DocsCommand(CliOutput output) : AsyncCommand<DocsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<APP>")]
        [Description("The runbook project (.csproj or its folder; built with 'dotnet build' first) or its built assembly (.dll).")]
        public string App { get; set; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("The docs folder. Generated pages in it are replaced (a page already current is left untouched); hand-written files are kept. Default: the folder the project's build writes the pages to (RunbookSdkDocsDirectory, docs beside the project unless the project sets it); for an assembly, docs in the current folder.")]
        public string? Out { get; set; }

        [CommandOption("--check")]
        [Description("Write nothing; exit 1 and list the pages that are stale, missing or extra (for CI).")]
        public bool Check { get; set; }

        [CommandOption("--no-build")]
        [Description("Do not build the project; use its Debug build output as it is.")]
        public bool NoBuild { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunbookAppBuild app;
        RunbookCatalog catalog;
        try
        {
            app = await RunbookApp.LocateAsync(settings.App, settings.NoBuild, buildWritesDocs: false, output.Error, cancellationToken);
            catalog = RunbookApp.LoadCatalog(app.AssemblyPath);
        }
        catch (RunbookAppException e)
        {
            output.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        // An assembly does not say where its project is: then the app's own default (docs in the current folder).
        string[] args = ["docs", .. Directory(settings.Out ?? app.DocsDirectory), .. settings.Check ? ["--check"] : Array.Empty<string>()];
        // --check runs in CI on pull requests and lists, on standard error, page names made of runbook ids and the docs
        // folder's files, which a pull request wrote: the runner must not read a command in them. The pause is on the
        // stream the names are written to, as the runner keeps the order of one stream's lines only.
        using (settings.Check ? WorkflowCommandPause.Around(output.Error) : null)
            return await RunbookHost.RunAsync(args, catalog, PlainConsole.On(output.Out), PlainConsole.On(output.Error), new RunbookHostOptions(), cancellationToken);
    }

    private static string[] Directory(string? directory) => directory is null ? [] : ["--out", directory];
}

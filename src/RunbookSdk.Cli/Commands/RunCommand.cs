using System.ComponentModel;
using RunbookSdk.Execution;
using RunbookSdk.GitHub;
using RunbookSdk.GitHub.Incidents;
using RunbookSdk.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunbookSdk.Cli.Commands;

/// <summary>
/// <c>run APP ID [name=value ...] [--incident-repo owner/name] [run options]</c>: loads the runbook app's catalog from
/// its built assembly and runs the runbook through the app's own host (<see cref="RunbookHost"/>), with a GitHub
/// incident issue kept by an <see cref="IncidentRunObserver"/> when <c>--incident-repo</c> is given. The exit code is
/// the run's (docs/runner.md); GitHub problems are journaled and shown, never change it.
/// </summary>
internal sealed class RunCommand(CliOutput output) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<APP>")]
        [Description("The runbook project (.csproj or its folder; built with 'dotnet build' first) or its built assembly (.dll).")]
        public string App { get; set; } = "";

        [CommandArgument(1, "<ID>")]
        [Description("The runbook's id.")]
        public string Id { get; set; } = "";

        [CommandArgument(2, "[PARAMETERS]")]
        [Description("Parameter values as name=value; names are case-insensitive. A secret not given here is read from the environment variable RUNBOOK_SECRET_NAME (the name upper-cased, in ASCII: Şifre is RUNBOOK_SECRET_SIFRE), which keeps it out of ps output and shell history; an interactive run asks for one still missing, echo off.")]
        public string[] Parameters { get; set; } = [];

        [CommandOption("--incident-repo <OWNER/NAME>")]
        [Description("Keep the incident in an issue of this repository: opened at the start, a timeline comment per step, the post-incident report at the end. Token from GITHUB_TOKEN.")]
        public string? IncidentRepo { get; set; }

        [CommandOption("--github-api-url <URL>")]
        [Description("The GitHub REST API root (GitHub Enterprise Server: https://HOST/api/v3/). Default: GITHUB_API_URL, else github.com.")]
        public string? GitHubApiUrl { get; set; }

        [CommandOption("--no-build")]
        [Description("Do not build the project; use its Debug build output as it is.")]
        public bool NoBuild { get; set; }

        [CommandOption("--dry-run")]
        [Description("Print the resolved plan and execute nothing (no incident issue either).")]
        public bool DryRun { get; set; }

        [CommandOption("-y|--yes")]
        [Description("Accept the confirmation of every destructive step.")]
        public bool Yes { get; set; }

        [CommandOption("--non-interactive")]
        [Description("Never wait for input (implied when standard input is not a terminal).")]
        public bool NonInteractive { get; set; }

        [CommandOption("--skip-manual")]
        [Description("With --non-interactive, skip manual instructions instead of refusing.")]
        public bool SkipManual { get; set; }

        [CommandOption("--conditions-hold")]
        [Description("Run every step written with OnlyIf without asking whether its condition holds.")]
        public bool ConditionsHold { get; set; }

        [CommandOption("--skip-conditional")]
        [Description("Skip every step written with OnlyIf without asking.")]
        public bool SkipConditional { get; set; }

        [CommandOption("--choose <DECISION=OPTION>")]
        [Description("Answer a OneOf decision in advance: its title, '=', and the option's title or number (or none). Repeat for each decision.")]
        public string[] Choose { get; set; } = [];

        [CommandOption("--resend-requests")]
        [Description("With --resume: run again, without asking, a step the earlier run recorded no result for after it sent a POST or PATCH, started a command that sends one or a command of a destructive step, or started a command or C# code that did not finish. A step written with Idempotent() runs again without it.")]
        public bool ResendRequests { get; set; }

        [CommandOption("--journal <PATH>")]
        [Description("Append the JSON-lines journal here.")]
        public string? Journal { get; set; }

        [CommandOption("--resume <JOURNAL>")]
        [Description("Continue the run recorded in JOURNAL after its last completed step.")]
        public string? Resume { get; set; }

        [CommandOption("--webhook <URL>")]
        [Description("POST notifications to this URL.")]
        public string? Webhook { get; set; }

        public override ValidationResult Validate()
        {
            if (IncidentRepo is { } repo && repo.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
                return ValidationResult.Error($"--incident-repo '{repo}' is not a repository; expected owner/name.");
            if (GitHubApiUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                return ValidationResult.Error($"--github-api-url '{url}' is not an http(s) URL.");
            return ValidationResult.Success();
        }
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

        var observers = new List<IRunObserver>();
        IncidentRunObserver? incident = null;
        string? incidentToken = null;
        if (settings.IncidentRepo is { } repository && !settings.DryRun)
        {
            GitHubConnection? connection = null;
            try
            {
                connection = GitHubConnection.FromEnvironment(repository, settings.GitHubApiUrl is { } url ? new Uri(url) : null);
            }
            catch (InvalidOperationException e)
            {
                // The incident record is never a reason not to run the runbook.
                output.Error.WriteLine($"warning: {e.Message} No incident issue is kept in {repository}.");
            }

            if (connection is { Token: null })
            {
                output.Error.WriteLine($"warning: GITHUB_TOKEN is not set: no incident issue is kept in {repository}.");
            }
            else if (connection is not null)
            {
                incident = IncidentRunObserver.ForRepository(connection);
                incidentToken = connection.Token;
                observers.Add(incident);
            }
        }

        // The hints at the run's end name this tool and the app, not the app's own program: the operator ran the tool.
        // A resume without --incident-repo would not continue the run's incident issue: given, the run journals it and
        // its resume commands (the closing hint, `runs`) name it.
        var runCommand = ToolRunCommand.For(settings.App);
        // The steps inherit GITHUB_TOKEN from this process: a step that prints its environment must not put the token
        // the incident issue is kept with on the console, in the journal, or in that issue.
        var options = new RunbookHostOptions
        {
            Observers = observers, RunCommand = runCommand, MaskedValues = incidentToken is null ? [] : [incidentToken],
            ResumeOptions = settings.DryRun ? [] : ToolRunCommand.ResumeOptions(settings.IncidentRepo, settings.GitHubApiUrl),
        };
        string[] args = ["run", settings.Id, .. settings.Parameters, .. HostOptions(settings)];
        // The run echoes text this tool does not control — parameter values (a workflow_dispatch input), the commands
        // built from them, what the steps' commands, servers and code print — and writes no workflow command of its
        // own (a step's own "::add-mask::" was never read: its output is shown behind "|"): the runner must read none.
        int exitCode;
        using (WorkflowCommandPause.Around(output.Out))
        {
            exitCode = ReferenceEquals(output.Out, System.Console.Out)
                ? await RunbookHost.RunAsync(args, catalog, options)
                : await RunbookHost.RunAsync(args, catalog, PlainConsole.On(output.Out), options, cancellationToken);
        }

        if (incident?.Reporter is GitHubIncidentReporter { IssueNumber: { } number })
            output.Out.WriteLine($"Incident issue: {settings.IncidentRepo}#{number}");
        return exitCode;
    }

    /// <summary>The run options the app's host understands, passed through as given.</summary>
    private static IEnumerable<string> HostOptions(Settings settings)
    {
        if (settings.DryRun) yield return "--dry-run";
        if (settings.Yes) yield return "--yes";
        if (settings.NonInteractive) yield return "--non-interactive";
        if (settings.SkipManual) yield return "--skip-manual";
        if (settings.ResendRequests) yield return "--resend-requests";
        if (settings.ConditionsHold) yield return "--conditions-hold";
        if (settings.SkipConditional) yield return "--skip-conditional";
        foreach (var choice in settings.Choose) { yield return "--choose"; yield return choice; }
        if (settings.Journal is { } journal) { yield return "--journal"; yield return journal; }
        if (settings.Resume is { } resume) { yield return "--resume"; yield return resume; }
        if (settings.Webhook is { } webhook) { yield return "--webhook"; yield return webhook; }
    }
}

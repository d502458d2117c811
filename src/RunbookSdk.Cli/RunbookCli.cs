using RunbookSdk.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunbookSdk.Cli;

/// <summary>
/// The <c>runbook</c> tool's command line. Each command is a Spectre.Console.Cli command with typed settings in
/// <c>Commands/</c>; adding one (validate, run, runs, docs) is one class and one <c>AddCommand</c> line here.
/// </summary>
public static class RunbookCli
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">Arguments.</param>
    /// <param name="output">Where results and help go.</param>
    /// <param name="error">Where warnings and errors go.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        // Before the parser, which would name the id that was given as the missing argument.
        if (RunWithoutApp.Problem(args) is { } problem)
        {
            error.WriteLine($"error: {problem}");
            return Task.FromResult(ExitCodes.Usage);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;
        var cli = new CliOutput(output, error);

        var app = new CommandApp();
        app.Configure(config =>
        {
            config.Settings.Registrar.RegisterInstance(cli);
            config.SetApplicationName("runbook");
            config.ConfigureConsole(console);
            config.UseStrictParsing();
            // Parse errors and unexpected failures become one "error:" line.
            config.SetExceptionHandler((exception, _) =>
            {
                error.WriteLine($"error: {exception.Message}");
                return RunbookSdk.Hosting.MissingOptionValueCheck.IsUsageError(exception) ? ExitCodes.Usage : ExitCodes.Failure;
            });
            config.SetInterceptor(new RunbookSdk.Hosting.MissingOptionValueCheck());
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Imports a markdown runbook document as a buildable RunbookSdk project.")
                .WithExample("import", "incident-response.md", "--out", "runbooks/Payments")
                .WithExample("import", "incident-response.md", "--out", "runbooks/Payments", "--namespace", "Acme.Payments", "--allow-incomplete");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Compiles runbook projects with the generator and analyzers, prints the completeness table and fails on error findings or stale docs.")
                .WithExample("validate", "samples/")
                .WithExample("validate", ".", "--markdown", "summary.md", "--sarif", "runbooks.sarif", "--github-repo", "octo/ops", "--pr", "7");
            config.AddCommand<DocsCommand>("docs")
                .WithDescription("Builds a runbook project (or loads its assembly) and writes its generated pages to the project's docs folder, or checks that they are current.")
                .WithExample("docs", "samples/Omnix")
                .WithExample("docs", "samples/Omnix", "--check")
                .WithExample("docs", "samples/Omnix/bin/Debug/net10.0/Omnix.dll", "--out", "site/runbooks");
            config.AddCommand<RunCommand>("run")
                .WithDescription("Builds a runbook project (or loads its assembly) and runs a runbook; --incident-repo keeps the incident in a GitHub issue.")
                .WithExample("run", "samples/Sandbox", "sandbox-bad-deploy", "BaseUrl=http://127.0.0.1:5099", "--yes", "--incident-repo", "octo/ops");
            config.AddCommand<RunsCommand>("runs")
                .WithDescription("Lists the runs journaled in .runbook-journals (or a folder given), newest first: by default those still to finish, each with the command that resumes it with the project's runbooks or the process that runs it now.")
                .WithExample("runs", "samples/Sandbox")
                .WithExample("runs", "samples/Sandbox", "/srv/ops/.runbook-journals", "--all");
        });
        return app.RunAsync(args);
    }
}

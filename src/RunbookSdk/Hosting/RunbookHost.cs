using System.Reflection;
using System.Runtime.InteropServices;
using RunbookSdk.Execution;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunbookSdk.Hosting;

/// <summary>
/// The command line of a runbook project: <c>list</c>, <c>docs [--out DIR] [--check]</c>,
/// <c>run &lt;id&gt; [name=value ...] [--dry-run]</c> and <c>runs [FOLDER] [--all]</c>. The generated <c>Main</c> of every runbook project calls
/// <see cref="RunAsync(string[], RunbookCatalog)"/> with the assembly's catalog.
/// </summary>
/// <remarks>
/// Exit codes: 0 done; 1 the command found a problem (stale docs, a failed run that was not rolled back); 2 the
/// command line was wrong (unknown runbook or parameter, bad value, a run that cannot start in the chosen mode);
/// 3 a run failed and was rolled back; 4 its rollback failed; 5 the operator aborted; 130 interrupted.
/// Output is plain text, without ANSI sequences, when it is redirected or <c>NO_COLOR</c> is set.
/// </remarks>
public static class RunbookHost
{
    /// <summary>Runs the command line against the process's console; Ctrl+C cancels a run.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="catalog">The assembly's runbooks and handbooks.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string[] args, RunbookCatalog catalog) => RunAsync(args, catalog, new RunbookHostOptions());

    /// <summary>Runs the command line against the process's console with <paramref name="options"/> (observers); Ctrl+C cancels a run.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="catalog">The assembly's runbooks and handbooks.</param>
    /// <param name="options">What the host adds, such as run observers.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, RunbookCatalog catalog, RunbookHostOptions options)
    {
        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl+C asks the run to stop (so rollback and journal can finish); a second one kills the process,
            // and with it what its shell steps left in the background, where the terminal's Ctrl+C does not reach
            // (journaled first, with what they printed).
            if (interrupted.IsCancellationRequested)
            {
                RunnerExit.Now();
                return;
            }
            e.Cancel = true;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var terminated = RunnerExitOn(PosixSignal.SIGTERM);
        using var hungUp = RunnerExitOn(PosixSignal.SIGHUP);
        try
        {
            return await RunAsync(args, catalog, HostConsoles.ForProcess(), options, interrupted.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// A SIGTERM (a service manager, <c>kill</c>) or a SIGHUP (the SSH session of the engineer dropped) ends the process
    /// at once, as a second Ctrl+C does — but .NET runs no handler for them by default (no <c>ProcessExit</c>), so what
    /// shell steps left in the background was left running and unjournaled. Null where the signal cannot be handled.
    /// </summary>
    private static PosixSignalRegistration? RunnerExitOn(PosixSignal signal)
    {
        try
        {
            // Not cancelled: once the handler has run, the signal ends the process as it would have.
            return PosixSignalRegistration.Create(signal, _ => RunnerExit.Now());
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Runs the command line writing results and errors to <paramref name="console"/> (used by tests and tools).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="catalog">The assembly's runbooks and handbooks.</param>
    /// <param name="console">Where everything is written, errors included.</param>
    /// <param name="cancellationToken">Cancels a run.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string[] args, RunbookCatalog catalog, IAnsiConsole console, CancellationToken cancellationToken) =>
        RunAsync(args, catalog, new HostConsoles(console, console), new RunbookHostOptions(), cancellationToken);

    /// <summary>Runs the command line writing to <paramref name="console"/>, with <paramref name="options"/> (observers).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="catalog">The assembly's runbooks and handbooks.</param>
    /// <param name="console">Where everything is written, errors included.</param>
    /// <param name="options">What the host adds, such as run observers.</param>
    /// <param name="cancellationToken">Cancels a run.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string[] args, RunbookCatalog catalog, IAnsiConsole console, RunbookHostOptions options, CancellationToken cancellationToken) =>
        RunAsync(args, catalog, new HostConsoles(console, console), options, cancellationToken);

    /// <summary>
    /// Runs the command line writing results to <paramref name="output"/> and errors (a stale page, a failed step's
    /// reason) to <paramref name="error"/>: for a tool that loads the app, such as <c>runbook docs</c>.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="catalog">The assembly's runbooks and handbooks.</param>
    /// <param name="output">Where results go: plans, tables, help.</param>
    /// <param name="error">Where error messages and drift reports go.</param>
    /// <param name="options">What the host adds, such as run observers.</param>
    /// <param name="cancellationToken">Cancels a run.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string[] args, RunbookCatalog catalog, IAnsiConsole output, IAnsiConsole error, RunbookHostOptions options, CancellationToken cancellationToken) =>
        RunAsync(args, catalog, new HostConsoles(output, error), options, cancellationToken);

    internal static Task<int> RunAsync(string[] args, RunbookCatalog catalog, HostConsoles consoles, CancellationToken cancellationToken) =>
        RunAsync(args, catalog, consoles, new RunbookHostOptions(), cancellationToken);

    internal static Task<int> RunAsync(string[] args, RunbookCatalog catalog, HostConsoles consoles, RunbookHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);

        // The build runs `docs --out DIR` after every compile that changed the app. Starting the command-line parser
        // (JIT-compiling it and reflecting over every command) took about a quarter of that call for a 1,000-runbook
        // app, so that one form is answered without it: the same pages, message and exit codes as the command.
        if (DocsCommand.IsWriteTo(args, out var docsDirectory))
        {
            try
            {
                return Task.FromResult(DocsCommand.Write(catalog, docsDirectory, consoles));
            }
            catch (Exception exception)
            {
                return Task.FromResult(Failed(exception, consoles));
            }
        }

        var app = new CommandApp();
        app.Configure(config =>
        {
            config.Settings.Registrar.RegisterInstance(catalog);
            config.Settings.Registrar.RegisterInstance(consoles);
            config.Settings.Registrar.RegisterInstance(options);
            config.SetApplicationName(Assembly.GetEntryAssembly()?.GetName().Name ?? "runbooks");
            config.ConfigureConsole(consoles.Out);
            config.UseStrictParsing();
            config.CancellationExitCode(RunOutcome.Cancelled.ExitCode);
            config.SetExceptionHandler((exception, _) => Failed(exception, consoles));
            config.SetInterceptor(new MissingOptionValueCheck());

            // Descriptions are Spectre markup: literal brackets are doubled.
            config.AddCommand<ListCommand>("list")
                .WithDescription("Lists the runbooks and handbooks in this assembly.");
            config.AddCommand<DocsCommand>("docs")
                .WithDescription("Writes the generated markdown pages to a folder, or checks that they are current.")
                .WithExample("docs")
                .WithExample("docs", "--out", "docs", "--check");
            config.AddCommand<RunCommand>("run")
                .WithDescription("Runs a runbook, journaling every step. With --dry-run, prints the resolved plan and executes nothing.")
                .WithExample(RunExample(catalog));
            config.AddCommand<RunsCommand>("runs")
                .WithDescription("Lists the runs journaled in .runbook-journals (or a folder given), newest first: by default those still to finish, each with the command that resumes it or the process that runs it now.")
                .WithExample("runs")
                .WithExample("runs", "/srv/ops/.runbook-journals", "--all");
        });
        return app.RunAsync(args, cancellationToken);
    }

    /// <summary>
    /// Parse errors and unexpected failures become one "error:" line (a stack trace helps nobody at 3 a.m.): a usage
    /// error for a wrong command line, a failure otherwise.
    /// </summary>
    private static int Failed(Exception exception, HostConsoles consoles)
    {
        consoles.Error.WriteVerbatimLine($"error: {exception.Message}");
        return MissingOptionValueCheck.IsUsageError(exception) ? ExitCodes.Usage : ExitCodes.Failure;
    }

    /// <summary>An example that works for this catalog: its first runbook, with its required parameters.</summary>
    private static string[] RunExample(RunbookCatalog catalog)
    {
        if (catalog.Runnable.FirstOrDefault() is not { } runbook) return ["run", "<ID>", "--dry-run"];
        var required = runbook.Parameters.Where(p => p.IsRequired).Select(p => $"{p.Name}=VALUE");
        return ["run", runbook.Id, .. required, "--dry-run"];
    }
}

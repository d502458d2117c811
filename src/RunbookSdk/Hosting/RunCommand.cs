using System.ComponentModel;
using RunbookSdk.Execution;
using Spectre.Console.Cli;

namespace RunbookSdk.Hosting;

/// <summary><c>run &lt;id&gt; [name=value ...] --dry-run</c>: binds parameters, records the plan and hands it to an executor.</summary>
internal sealed class RunCommand(RunbookCatalog catalog, HostConsoles consoles) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The runbook's id (see 'list').")]
        public string Id { get; set; } = "";

        [CommandArgument(1, "[PARAMETERS]")]
        [Description("Parameter values as name=value; names are case-insensitive.")]
        public string[] Parameters { get; set; } = [];

        [CommandOption("--dry-run")]
        [Description("Print the resolved plan (commands as they would run, secrets masked) and execute nothing.")]
        public bool DryRun { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var runbook = catalog.FindRunbook(settings.Id);
        if (runbook is null)
        {
            var known = catalog.Runbooks.Count == 0 ? "this assembly has none" : string.Join(", ", catalog.Runbooks.Select(r => r.Id));
            return Fail(ExitCodes.Usage, $"unknown runbook '{settings.Id}'. Known runbooks: {known}.");
        }

        IReadOnlyDictionary<string, string> arguments = new Dictionary<string, string>();
        RunContext run;
        try
        {
            arguments = ParameterArguments.Parse(settings.Parameters);
            run = RunContext.Bind(catalog, runbook, arguments);
        }
        catch (ParameterBindingException e)
        {
            var message = e.Message.Contains(e.Parameter, StringComparison.OrdinalIgnoreCase) ? e.Message : $"parameter '{e.Parameter}': {e.Message}";
            return Fail(ExitCodes.Usage, message);
        }
        catch (Exception e)
        {
            // The runbook's own code threw (Define, or its factory): a defect in the runbook. The message may quote
            // parameter values, so the secrets given on the command line are masked.
            var secrets = new SecretMasker(runbook.Parameters.Where(p => p.IsSecret).Select(p => arguments.GetValueOrDefault(p.Name)));
            return Fail(ExitCodes.Failure, $"runbook '{runbook.Id}' could not be prepared: {e.GetType().Name}: {secrets.Mask(e.Message)}");
        }

        var executor = SelectExecutor(settings);
        if (executor is null)
            return Fail(ExitCodes.Usage, $"live execution is not available in this version of RunbookSdk. Use 'run {runbook.Id} --dry-run' to print the resolved plan.");

        RunOutcome outcome;
        try
        {
            outcome = await executor.ExecuteAsync(run, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = RunOutcome.Cancelled;
        }
        if (outcome.Reason is { } reason && outcome.Status != RunStatus.Succeeded) consoles.Error.WriteVerbatimLine($"error: {run.Secrets.Mask(reason)}");
        return outcome.ExitCode;
    }

    /// <summary>
    /// The seam for the live runner: a dry run prints the plan; a live run has no executor yet and is refused
    /// rather than faked.
    /// </summary>
    private IRunbookExecutor? SelectExecutor(Settings settings) => settings.DryRun ? new DryRunPrinter(consoles.Out) : null;

    private int Fail(int exitCode, string message)
    {
        consoles.Error.WriteVerbatimLine($"error: {message}");
        return exitCode;
    }
}

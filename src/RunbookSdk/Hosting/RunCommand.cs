using System.ComponentModel;
using RunbookSdk.Execution;
using Spectre.Console.Cli;

namespace RunbookSdk.Hosting;

/// <summary>
/// <c>run &lt;id&gt; [name=value ...]</c>: binds parameters, records the plan and hands it to an executor: the
/// <see cref="DryRunPrinter"/> with <c>--dry-run</c>, else the live <see cref="RunbookRunner"/>.
/// </summary>
internal sealed class RunCommand(RunbookCatalog catalog, HostConsoles consoles, RunbookHostOptions hostOptions) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The runbook's id (see 'list').")]
        public string Id { get; set; } = "";

        [CommandArgument(1, "[PARAMETERS]")]
        [Description("Parameter values as name=value; names are case-insensitive. A secret not given here is read from the environment variable RUNBOOK_SECRET_NAME (the name upper-cased, in ASCII: Şifre is RUNBOOK_SECRET_SIFRE), which keeps it out of ps output and shell history; an interactive run asks for one still missing, echo off.")]
        public string[] Parameters { get; set; } = [];

        [CommandOption("--dry-run")]
        [Description("Print the resolved plan (commands as they would run, secrets masked) and execute nothing.")]
        public bool DryRun { get; set; }

        [CommandOption("-y|--yes")]
        [Description("Accept the confirmation of every destructive step (for automation).")]
        public bool Yes { get; set; }

        [CommandOption("--non-interactive")]
        [Description("Never wait for input: refuse to start when a step would need a person; on failure roll back without asking. Implied when standard input is not a terminal.")]
        public bool NonInteractive { get; set; }

        [CommandOption("--skip-manual")]
        [Description("With --non-interactive, skip manual instructions (journaled as skipped) instead of refusing.")]
        public bool SkipManual { get; set; }

        [CommandOption("--conditions-hold")]
        [Description("Take the condition of every step written with OnlyIf as holding: the steps run without asking (journaled as by --conditions-hold). A OneOf decision is not such a condition: answer it with --choose.")]
        public bool ConditionsHold { get; set; }

        [CommandOption("--skip-conditional")]
        [Description("Skip every step written with OnlyIf without asking (journaled as skipped by --skip-conditional). Without it or --conditions-hold a non-interactive run with such a step refuses to start.")]
        public bool SkipConditional { get; set; }

        [CommandOption("--choose <DECISION=OPTION>")]
        [Description("Answer a OneOf decision in advance: its title, '=', and the option's title or number (or none), e.g. --choose \"Mitigation strategy=Cache clear\". Repeat for each decision. Without it a non-interactive run with a decision refuses to start.")]
        public string[] Choose { get; set; } = [];

        [CommandOption("--resend-requests")]
        [Description("With --resume: run again, without asking, a step the earlier run recorded no result for after it sent a POST or PATCH, started a command that sends one (curl -X POST) or a command of a destructive step, or started a command or C# code that did not finish: it may have taken effect. Without it an interactive resume asks, and a non-interactive one refuses to start. A step written with Idempotent() runs again without it.")]
        public bool ResendRequests { get; set; }

        [CommandOption("--journal <PATH>")]
        [Description("Append the JSON-lines journal here (default: the resumed journal, else .runbook-journals/ID-TIME.jsonl).")]
        public string? Journal { get; set; }

        [CommandOption("--resume <JOURNAL>")]
        [Description("Continue the run recorded in JOURNAL after its last completed step; completed steps are not repeated. Non-secret parameters not given are taken from the journal.")]
        public string? Resume { get; set; }

        [CommandOption("--webhook <URL>")]
        [Description("POST notifications to this URL (JSON with a 'text' field); default: the runbook's WebhookUrl parameter, else print only.")]
        public string? Webhook { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var runbook = catalog.FindRunbook(settings.Id);
        if (runbook is null)
        {
            var runnable = catalog.Runnable.Select(r => r.Id).ToArray();
            var known = runnable.Length == 0 ? "this assembly has none" : string.Join(", ", runnable);
            return Fail(ExitCodes.Usage, $"unknown runbook '{settings.Id}'. Known runbooks: {known}.");
        }

        if (settings.ConditionsHold && settings.SkipConditional)
            return Fail(ExitCodes.Usage, "--conditions-hold and --skip-conditional contradict each other: pass one of them.");

        if (ChoiceArguments.Parse(settings.Choose) is { Error: { } chooseError }) return Fail(ExitCodes.Usage, chooseError);

        Uri? webhook = null;
        if (settings.Webhook is { } webhookText
            && (!Uri.TryCreate(webhookText, UriKind.Absolute, out webhook) || webhook.Scheme is not ("http" or "https")))
            // Named without its password: a CI log keeps what the command printed.
            return Fail(ExitCodes.Usage, new SecretMasker(WebhookCredentials.Masked(webhookText)).Mask($"--webhook '{webhookText}' is not an http(s) URL."));

        ResumeState? resume = null;
        if (settings.Resume is { } journal)
        {
            if (Directory.Exists(journal)) return Fail(ExitCodes.Usage, $"cannot resume from '{journal}': {ResumeFolder.Describe(journal, runbook.Id)}");
            try
            {
                resume = ResumeState.Read(journal);
            }
            catch (UnauthorizedAccessException)
            {
                return Fail(ExitCodes.Usage, $"cannot resume from '{journal}': {UnreadableJournal.Describe(journal)}");
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                return Fail(ExitCodes.Usage, $"cannot resume from '{journal}': {e.Message}");
            }
            if (!string.Equals(resume.RunbookId, runbook.Id, StringComparison.OrdinalIgnoreCase))
                return Fail(ExitCodes.Usage, $"the journal '{journal}' records runbook '{resume.RunbookId}', not '{runbook.Id}'.");
            // Said before anything runs: a damaged line may have held a step's result or a POST the resume would ask about.
            if (resume.DamagedLines.Count > 0)
                consoles.Error.WriteVerbatimLine($"warning: in the journal '{journal}', {ResumeState.DescribeLines(resume.DamagedLines)} not a complete event and not where a crash cut one short: "
                    + "what they recorded (a step's result, a request sent) is unknown to this resume, which may run such a step again. Read them before going on.");
            if (!settings.DryRun && ResumeCommandLine.Missing(resume, hostOptions.ResumeOptions, webhook is not null) is { } missing)
                consoles.Error.WriteVerbatimLine(missing);
        }

        IReadOnlyDictionary<string, string> arguments = new Dictionary<string, string>();
        RunContext run;
        try
        {
            // Secrets are never journaled, so a resume reads them again the same way: command line, else environment.
            (arguments, var secretSources) = SecretEnvironment.Fill(ParameterArguments.Parse(settings.Parameters), runbook, hostOptions.EnvironmentVariable);
            // Bound as the API binds a resume: the parameters not given take the journal's values, and a default the
            // journal holds alike but masked (db-***-01 for db-postgres-01 with a secret postgres) is kept, not refused.
            run = RunContext.BindForResume(catalog, runbook, arguments, resume);
            run.SecretSources = secretSources;
        }
        catch (ParameterBindingException e)
        {
            var message = e.Parameter.Length == 0 || e.Message.Contains(e.Parameter, StringComparison.OrdinalIgnoreCase) ? e.Message : $"parameter '{e.Parameter}': {e.Message}";
            return Fail(ExitCodes.Usage, message);
        }
        catch (Exception e)
        {
            // The runbook's own code threw (Define, or its factory): a defect in the runbook. The message may quote
            // parameter values, so the secrets given on the command line are masked.
            var secrets = new SecretMasker(runbook.Parameters.Where(p => p.IsSecret).Select(p => arguments.GetValueOrDefault(p.Name))
                .Concat(ParameterUrlPasswords.Masked(arguments.Values)));
            var site = Dsl.Recording.DefinitionSite.Of(e) is { } where ? $" (in {secrets.Mask(where)})" : "";
            return Fail(ExitCodes.Failure, $"runbook '{runbook.Id}' could not be prepared: {e.GetType().Name}: {secrets.Mask(e.Message)}{site}");
        }

        if (CommandLineSecretWarning.For(run.SecretSources) is { } warning) consoles.Error.WriteVerbatimLine(warning);

        var executor = SelectExecutor(settings, webhook, resume);

        RunOutcome outcome;
        try
        {
            outcome = await executor.ExecuteAsync(run, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = RunOutcome.Cancelled;
        }
        catch (RunnerEndingException)
        {
            // A SIGTERM, a SIGHUP or a second Ctrl+C: its handler journaled what ran and the signal ends the process; the
            // run's flow stopped where it was and has nothing to add.
            return RunOutcome.Cancelled.ExitCode;
        }
        if (outcome.Reason is { } reason && outcome.Status != RunStatus.Succeeded) consoles.Error.WriteVerbatimLine($"error: {run.Secrets.Mask(reason)}");
        return outcome.ExitCode;
    }

    /// <summary>A dry run prints the plan; a live run executes it.</summary>
    private IRunbookExecutor SelectExecutor(Settings settings, Uri? webhook, ResumeState? resume)
    {
        // A prompt on redirected input would read a script's stdin or hang: that is not a person answering. The dry run
        // reads no input, so it is non-interactive only when told: a reviewer's pipe is not the live run's terminal.
        var nonInteractive = settings.NonInteractive || (!settings.DryRun && Console.IsInputRedirected);
        // The dry run shows the steps as the live run's switches decide them, and ends with its refusal.
        if (settings.DryRun) return new DryRunPrinter(consoles.Out) { Resume = resume, LiveOptions = Options() };
        if (nonInteractive && !settings.NonInteractive)
            consoles.Out.WriteVerbatimLine("Standard input is not a terminal: running non-interactively (as with --non-interactive).");
        return new RunbookRunner(consoles.Out, Options(), consoles.Prompts is { } asking ? new ConsoleOperatorPrompts(asking) : null);

        RunnerOptions Options() => new()
        {
            AssumeYes = settings.Yes,
            NonInteractive = nonInteractive,
            SkipManual = settings.SkipManual,
            ResendRequests = settings.ResendRequests,
            Conditions = settings.ConditionsHold ? ConditionAnswer.Hold : settings.SkipConditional ? ConditionAnswer.Skip : ConditionAnswer.Ask,
            Choices = ChoiceArguments.Parse(settings.Choose).Choices,
            JournalPath = settings.Journal,
            ResumeJournal = settings.Resume,
            WebhookUrl = webhook,
            Observers = hostOptions.Observers,
            MaskedValues = hostOptions.MaskedValues,
            RunCommand = ProgramCommand.RunOf(hostOptions),
            ResumeOptions = hostOptions.ResumeOptions,
            Terminal = consoles.Terminal,
            EnvironmentVariable = hostOptions.EnvironmentVariable,
        };
    }

    private int Fail(int exitCode, string message)
    {
        consoles.Error.WriteVerbatimLine($"error: {message}");
        return exitCode;
    }
}

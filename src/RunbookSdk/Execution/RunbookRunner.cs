using RunbookSdk.Hosting;
using Spectre.Console;

namespace RunbookSdk.Execution;

/// <summary>
/// The live runner behind <c>run &lt;id&gt;</c>: executes the plan's phases in order, stops forward progress at the
/// first failed step, offers (or, non-interactively, performs) the rollback section, always runs the verification
/// section, announces escalation as the incident clock passes each level, and journals every event so a crashed or
/// interrupted run can be resumed. The semantics are written down in <c>docs/runner.md</c>.
/// </summary>
/// <param name="console">Where the run is shown.</param>
/// <param name="options">Switches and seams (<c>--yes</c>, <c>--non-interactive</c>, journal, clock, ...).</param>
/// <param name="prompts">Asks the operator; defaults to <see cref="ConsoleOperatorPrompts"/> on <paramref name="console"/>.</param>
public sealed class RunbookRunner(IAnsiConsole console, RunnerOptions options, IOperatorPrompts? prompts = null) : IRunbookExecutor
{
    /// <inheritdoc />
    public async Task<RunOutcome> ExecuteAsync(RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A caller's token already cancelled (a test harness's time-out that passed, a host shutting down): nothing
        // starts. Before, the first step's command started and was killed at once, and the rollback ran for it.
        if (cancellationToken.IsCancellationRequested)
            return new RunOutcome(RunStatus.Cancelled, "the run was cancelled before it started: nothing was run, and no journal was written.");
        var operatorPrompts = prompts ?? new ConsoleOperatorPrompts(console);
        ResumeState? resume = null;
        IReadOnlyDictionary<string, string> maskedInJournal = new Dictionary<string, string>();
        if (options.ResumeJournal is { } resumePath)
        {
            resume = ResumeState.Read(resumePath);
            if (!string.Equals(resume.RunbookId, context.Runbook.Id, StringComparison.OrdinalIgnoreCase))
                return new RunOutcome(RunStatus.NotStarted, $"the journal '{resumePath}' belongs to runbook '{resume.RunbookId}', not '{context.Runbook.Id}'.");
            // As the command line's resume: a parameter the caller did not give runs with the journal's value, not the
            // runbook's default (a service resuming through this API ran the steps left in another region). The command
            // line binds them itself, so for its context nothing is left to take here.
            try
            {
                var fromJournal = JournalParameterValues.NotGiven(context.Runbook, resume, context.GivenParameters.Contains, context.MaskedValueOf);
                context = context.WithJournalValues(fromJournal.Taken);
                maskedInJournal = fromJournal.Masked;
            }
            catch (ParameterBindingException e)
            {
                return new RunOutcome(RunStatus.NotStarted, context.Secrets.Mask(e.Message));
            }
        }

        var journalPath = options.JournalPath ?? resume?.Path;
        try
        {
            // Before the secrets are asked for or refused: whoever resumes a journal another run still writes learns it
            // first, not after typing (or going to set) a secret for a run that cannot start. Only tried here, and taken
            // when the journal is opened: held across the prompt, a SIGTERM there would leave the lock file behind.
            if (journalPath is not null) RunJournal.CheckClaim(journalPath);
        }
        catch (RunJournalException e)
        {
            return new RunOutcome(RunStatus.NotStarted, e.Message);
        }

        // Asked before anything runs, and only of a person: a non-interactive run refuses below, naming the variable.
        if (!options.NonInteractive && context.MissingSecrets.Count > 0)
        {
            (context, var ended) = await MissingSecretPrompt.AskAsync(context, operatorPrompts, cancellationToken);
            if (ended is not null) return ended;
        }
        if (MissingSecretsRefusal(context) is { } missing) return new RunOutcome(RunStatus.NotStarted, missing);
        // After the secrets: a value the journal holds masked is read or asked for as one is, never taken as the *** text.
        if (maskedInJournal.Count > 0)
        {
            (context, var ended) = await MaskedJournalValuePrompt.AskAsync(context, maskedInJournal, options, operatorPrompts, cancellationToken);
            if (ended is not null) return ended;
        }
        // After the secrets prompt, which prepares the run again with a masker of the parameters alone.
        // With the password a proxy variable holds: .NET names the proxy, credentials and all, in a refused request's error.
        // And with the password of a --webhook URL (https://bot:password@hooks.example/…).
        context = context.AlsoMasking([.. options.MaskedValues, .. ProxyPasswords.FromEnvironment(options.EnvironmentVariable), .. WebhookCredentials.Masked(options.WebhookUrl)]);
        // A request that cannot be sent (a URL built from a parameter left empty) is refused now, not when its step runs
        // after the steps before it changed things. Exit 1, as any runbook that could not be prepared.
        if (HttpStepUrls.Refusal(context, options) is { } badUrl) return RunOutcome.Failure(badUrl);
        // So is a command whose values cannot be quoted (a value with a blank inside backticks): known now, not at its step.
        if (ShellStepCommands.Refusal(context, options) is { } badCommand) return RunOutcome.Failure(badCommand);

        using var run = new LiveRun(context, options, new RunConsole(console, context.Secrets), operatorPrompts, resume);
        if (run.Preflight() is { } refusal) return new RunOutcome(RunStatus.NotStarted, refusal);

        RunJournal journal;
        try
        {
            journal = journalPath is null
                ? RunJournal.OpenNew(RunJournal.DefaultFolder, context.Runbook.Id, options.Clock.GetUtcNow(), context.Secrets, options.Clock)
                : RunJournal.Open(journalPath, context.Secrets, options.Clock);
        }
        catch (RunJournalException e)
        {
            return new RunOutcome(RunStatus.NotStarted, e.Message);
        }
        RunOutcome outcome;
        using (journal) outcome = await run.ExecuteAsync(journal, cancellationToken);
        // The reason goes on to the caller, which prints it (the host's closing "error: …") and knows only the
        // parameters' secrets: masked here with everything the run masks (a host's values, a proxy's password).
        return outcome.Reason is { } reason ? outcome with { Reason = context.Secrets.Mask(reason) } : outcome;
    }

    /// <summary>
    /// Refuses, before anything runs, a run whose secret is empty: its steps would run with nothing where the token
    /// goes (<c>Authorization: Bearer </c>) and fail half-way, or worse, succeed without it. Worded as the refusal of
    /// a missing required parameter.
    /// </summary>
    internal static string? MissingSecretsRefusal(RunContext context) => context.MissingSecrets switch
    {
        [] => null,
        [var one] => $"Missing secret parameter '{one.Name}': set the environment variable {SecretEnvironment.VariableName(one.Name)} (or pass {one.Name}=VALUE, which other users see in ps and shell history); an empty secret is a missing one, and nothing was run.",
        var many => $"Missing secret parameters {string.Join(", ", many.Select(p => $"'{p.Name}'"))}: set the environment variables {string.Join(", ", many.Select(p => SecretEnvironment.VariableName(p.Name)))} (or pass {string.Join(" ", many.Select(p => $"{p.Name}=VALUE"))}, which other users see in ps and shell history); an empty secret is a missing one, and nothing was run.",
    };
}

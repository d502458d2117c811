using RunbookSdk.Hosting;

namespace RunbookSdk.Execution;

/// <summary>
/// On resume, gets again the value of each non-secret parameter the journal holds masked and the resume was not given
/// (<c>DbUrl</c> journaled <c>postgres://app:***@db/x</c>; <c>Target</c> journaled <c>db-***-01</c> with a secret
/// <c>prod</c>): the masked text is not what ran. Before, the resume stopped and asked for <c>DbUrl=VALUE</c> on the
/// command line, which put the password in <c>ps</c> and the shell history. Now it is read from the variable a secret
/// of that name would be (<c>RUNBOOK_SECRET_DBURL</c>), else an interactive resume asks for it, echo off, as it asks
/// for a missing secret (<see cref="MissingSecretPrompt"/>); a non-interactive one is refused naming both ways.
/// </summary>
internal static class MaskedJournalValuePrompt
{
    /// <summary>
    /// The run with the values given again bound, or how the resume ends before anything ran: refused when a value is
    /// still unknown (non-interactive, an empty answer, a prompt that could not be answered) or does not bind, cancelled
    /// when the operator interrupted a prompt.
    /// </summary>
    /// <param name="context">The resume's run, secrets already known (a typed secret may make a default read as the journal's).</param>
    /// <param name="masked">The journal's masked values of the parameters not given, by name (<see cref="JournalValues.Masked"/>).</param>
    /// <param name="options">Whether a person may be asked, and the environment to read.</param>
    /// <param name="prompts">Asks the operator.</param>
    /// <param name="cancellationToken">Cancels a prompt.</param>
    public static async Task<(RunContext Context, RunOutcome? Ended)> AskAsync(RunContext context, IReadOnlyDictionary<string, string> masked,
        RunnerOptions options, IOperatorPrompts prompts, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, journaled) in masked)
        {
            // A secret typed at the prompt may make the runbook's default read as the journal does (db-***-01): unchanged.
            if (string.Equals(context.MaskedValueOf(name), journaled, StringComparison.Ordinal)) continue;
            var variable = SecretEnvironment.VariableName(name);
            if (options.EnvironmentVariable(variable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment))
            {
                values[name] = fromEnvironment;
                continue;
            }
            if (options.NonInteractive) return (context, Refused(name, journaled));
            string answer;
            try
            {
                answer = await prompts.AskMaskedValueAsync(name, journaled, variable, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return (context, CancelledAt(name));
            }
            catch (Exception e) when (UnansweredQuestion.Is(e, cancellationToken))
            {
                var why = UnansweredQuestion.Why($"prompt for '{name}'", e);
                return (context, Refused(name, journaled, char.ToUpperInvariant(why[0]) + why[1..] + "."));
            }
            // A front end that answers despite the Ctrl+C: the interruption wins. Before, the resume went on into the run,
            // which journaled a run that ended at once, "interrupted before the first step".
            if (cancellationToken.IsCancellationRequested) return (context, CancelledAt(name));
            if (string.IsNullOrWhiteSpace(answer)) return (context, Refused(name, journaled));
            values[name] = answer;
        }

        try
        {
            return (context.WithValuesGivenAgain(values), null);
        }
        catch (Exception e)
        {
            // A conversion error quotes the value ("'postgres://app:pw@…' is not …"): masked, password and all.
            var given = new SecretMasker(values.Values.Concat(ParameterUrlPasswords.Masked(values.Values)));
            return (context, new RunOutcome(RunStatus.NotStarted, $"runbook '{context.Runbook.Id}' could not be prepared with the value given again: {given.Mask(context.Secrets.Mask(e.Message))}"));
        }
    }

    private static RunOutcome CancelledAt(string name) =>
        new(RunStatus.Cancelled, $"the resume was cancelled at the prompt for parameter '{name}': nothing was run.");

    /// <summary>The refusal of a resume that has no value for <paramref name="name"/>, naming every way to give it.</summary>
    internal static RunOutcome Refused(string name, string journaled, string? why = null) =>
        new(RunStatus.NotStarted,
            $"parameter '{name}': the journal holds its value masked (it contained a secret's value or a URL's password: {journaled}), so it cannot be reused: "
            + $"set the environment variable {SecretEnvironment.VariableName(name)} to it, or pass {name}=VALUE (which other users see in ps and shell history); "
            + "a resume on a terminal asks for it, not shown as you type. Nothing was run." + (why is null ? "" : " " + why));
}

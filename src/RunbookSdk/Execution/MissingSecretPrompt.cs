using RunbookSdk.Hosting;

namespace RunbookSdk.Execution;

/// <summary>
/// Asks an interactive run's operator for each <c>[Secret]</c> neither the command line nor the environment supplied,
/// echo off, before anything runs — at 3 a.m. on a bastion, typing the token is safer than putting it on the command
/// line, and quicker than starting over with the variable set. The run is then prepared again with the answers, as
/// the plan's commands hold the secret.
/// </summary>
internal static class MissingSecretPrompt
{
    /// <summary>
    /// The run with the secrets typed bound (journaled as from the prompt), or how the run ends before anything ran: a
    /// refusal when a prompt could not be answered or the runbook cannot be prepared with the answers, cancelled when
    /// the operator interrupted a prompt. An empty answer leaves a secret missing; the caller refuses the run then.
    /// </summary>
    public static async Task<(RunContext Context, RunOutcome? Ended)> AskAsync(RunContext context, IOperatorPrompts prompts, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in context.MissingSecrets)
        {
            string answer;
            try
            {
                answer = await prompts.AskSecretAsync(parameter.Name, SecretEnvironment.VariableName(parameter.Name), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C while the prompt waited: the run ends cancelled, saying nothing ran. Before, the exception
                // escaped ExecuteAsync to the caller (the CLI said only "Interrupted by the operator.").
                return (context, CancelledAt(parameter.Name));
            }
            catch (Exception e) when (UnansweredQuestion.Is(e, cancellationToken))
            {
                // Nothing ran yet: the run is refused as without the secret, saying where to put it — not "error:
                // Input/output error" (exit 1), which named neither the secret nor its variable.
                return (context, new RunOutcome(RunStatus.NotStarted,
                    $"{RunbookRunner.MissingSecretsRefusal(context)} {Capitalize(UnansweredQuestion.Why($"prompt for '{parameter.Name}'", e))}."));
            }
            // A front end that answers despite the Ctrl+C: the interruption wins. Before, the run went on and journaled a
            // run that ended at once, "interrupted before the first step".
            if (cancellationToken.IsCancellationRequested) return (context, CancelledAt(parameter.Name));
            if (!string.IsNullOrWhiteSpace(answer)) answers[parameter.Name] = answer;
        }
        if (answers.Count == 0) return (context, null);

        try
        {
            return (context.WithSecretsTyped(answers), null);
        }
        catch (Exception e)
        {
            // Conversion errors quote the value ("'hunter2' is not a whole number"): mask what was typed.
            var typed = new SecretMasker(answers.Values);
            return (context, new RunOutcome(RunStatus.NotStarted, $"runbook '{context.Runbook.Id}' could not be prepared with the secret typed: {typed.Mask(e.Message)}"));
        }
    }

    private static RunOutcome CancelledAt(string secret) =>
        new(RunStatus.Cancelled, $"the run was cancelled at the prompt for secret '{secret}': nothing was run, and no journal was written.");

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

namespace RunbookSdk.Execution;

/// <summary>
/// The questions a live run asks the operator. <see cref="ConsoleOperatorPrompts"/> asks on the console; tests and
/// other front ends supply their own. Never called with <see cref="RunnerOptions.NonInteractive"/>.
/// </summary>
public interface IOperatorPrompts
{
    /// <summary>Asks a yes/no question (run a destructive step, roll back, did the monitored signal look healthy).</summary>
    /// <param name="question">The question, secrets masked.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>True for yes.</returns>
    Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken);

    /// <summary>Shows a manual instruction and waits for the operator's acknowledgement.</summary>
    /// <param name="instruction">What to do, secrets masked.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>
    /// Done, skipped (with a reason that is not blank) or abort. Any other answer — a skip without its reason, a
    /// <see cref="ManualChoice"/> that is none of the three, null — is no answer: the run stops there, as when the
    /// question throws.
    /// </returns>
    Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken);

    /// <summary>
    /// Asks for the value of a <c>[Secret]</c> parameter that neither the command line nor its environment variable
    /// supplied, without showing what is typed. Asked before anything runs. An empty answer leaves it missing, and the
    /// run is refused as without it, as it is when the prompt throws; cancelled by <paramref name="cancellationToken"/>,
    /// the run ends <see cref="RunStatus.Cancelled"/> with nothing run. The default answers empty, so a front end that
    /// cannot ask keeps the refusal.
    /// </summary>
    /// <param name="parameter">The parameter's name, e.g. <c>ApiToken</c>.</param>
    /// <param name="environmentVariable">The variable it could have been read from, e.g. <c>RUNBOOK_SECRET_APITOKEN</c>.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The value typed; empty when none.</returns>
    Task<string> AskSecretAsync(string parameter, string environmentVariable, CancellationToken cancellationToken) => Task.FromResult("");

    /// <summary>
    /// On resume, asks again for the value of a parameter that is not a <c>[Secret]</c> but whose journaled value is
    /// masked — a URL with a password (<c>postgres://app:***@db/x</c>) or a value that held a secret's value — without
    /// showing what is typed: the masked text is not what ran, and given on the command line the password would be in
    /// <c>ps</c> and the shell history. Asked before anything runs. An empty answer leaves it unknown, and the resume is
    /// refused, as it is when the prompt throws. The default answers empty, so a front end that cannot ask keeps the refusal.
    /// </summary>
    /// <param name="parameter">The parameter's name, e.g. <c>DbUrl</c>.</param>
    /// <param name="journaled">What the journal shows of its value, masked: <c>postgres://app:***@db/x</c>.</param>
    /// <param name="environmentVariable">The variable it could have been read from, e.g. <c>RUNBOOK_SECRET_DBURL</c>.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The value typed; empty when none.</returns>
    Task<string> AskMaskedValueAsync(string parameter, string journaled, string environmentVariable, CancellationToken cancellationToken) => Task.FromResult("");

    /// <summary>
    /// Asks which option of a <c>OneOf</c> decision to take, or none. The runner has shown the options numbered from 1
    /// (and the group's note) just before. The default asks <see cref="ConfirmAsync"/> of each option in turn and takes
    /// the first yes, so a front end written before decisions existed still asks rather than guesses.
    /// </summary>
    /// <param name="question">What is decided (<c>Choose one: Mitigation strategy</c>), secrets masked.</param>
    /// <param name="options">The options' titles in order, secrets masked.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>
    /// The chosen option's index in <paramref name="options"/> (from 0), or null for none of them. An index no option
    /// has (the number shown, from 1, for the last option) counts as no answer: none of the options runs and the run
    /// stops as when a question cannot be answered.
    /// </returns>
    async Task<int?> ChooseAsync(string question, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Count; i++)
        {
            if (await ConfirmAsync($"{question} — take '{options[i]}'?", cancellationToken)) return i;
        }
        return null;
    }
}

/// <summary>What the operator answered to a manual instruction.</summary>
public enum ManualChoice
{
    /// <summary>The instruction was carried out.</summary>
    Done,
    /// <summary>The instruction was skipped; a reason is required, and recorded (a skip without one stops the run as unanswered).</summary>
    Skip,
    /// <summary>Stop the run.</summary>
    Abort,
}

/// <summary>The operator's answer to a manual instruction.</summary>
/// <param name="Choice">Done, skip or abort.</param>
/// <param name="Reason">Why it was skipped: required for <see cref="ManualChoice.Skip"/>, where a null or blank one is no answer.</param>
public sealed record ManualAcknowledgement(ManualChoice Choice, string? Reason = null);

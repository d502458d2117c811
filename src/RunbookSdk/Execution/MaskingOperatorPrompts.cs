namespace RunbookSdk.Execution;

/// <summary>
/// The run's prompts with every question, instruction and option passed through the run's <see cref="SecretMasker"/>
/// on its way to the front end, as <see cref="IOperatorPrompts"/> promises ("secrets masked"). Masking in one place
/// rather than at each question: the destructive step's confirmation (<c>'Restart postgres' is destructive</c>) and a
/// monitor's question (<c>Did calls made with tok-… look healthy?</c>) were asked with the secret in clear — on the
/// terminal, on <c>/dev/tty</c> when the output goes to a log, or to whatever front end asks — while the console and
/// journal masked the same words.
/// </summary>
internal sealed class MaskingOperatorPrompts(IOperatorPrompts inner, SecretMasker secrets) : IOperatorPrompts
{
    /// <inheritdoc />
    public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken) =>
        inner.ConfirmAsync(secrets.Mask(question), cancellationToken);

    /// <inheritdoc />
    public Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken) =>
        inner.AcknowledgeAsync(secrets.Mask(instruction), cancellationToken);

    /// <inheritdoc />
    /// <remarks>Nothing to mask: the parameter's and the variable's names are the runbook's code, not a value.</remarks>
    public Task<string> AskSecretAsync(string parameter, string environmentVariable, CancellationToken cancellationToken) =>
        inner.AskSecretAsync(parameter, environmentVariable, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The journal masked the value already; masked again with what this run knows, as every question is.</remarks>
    public Task<string> AskMaskedValueAsync(string parameter, string journaled, string environmentVariable, CancellationToken cancellationToken) =>
        inner.AskMaskedValueAsync(parameter, secrets.Mask(journaled), environmentVariable, cancellationToken);

    /// <inheritdoc />
    public Task<int?> ChooseAsync(string question, IReadOnlyList<string> options, CancellationToken cancellationToken) =>
        inner.ChooseAsync(secrets.Mask(question), options.Select(secrets.Mask).ToArray(), cancellationToken);
}

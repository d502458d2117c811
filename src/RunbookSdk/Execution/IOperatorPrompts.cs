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
    /// <returns>Done, skipped (with a reason) or abort.</returns>
    Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken);
}

/// <summary>What the operator answered to a manual instruction.</summary>
public enum ManualChoice
{
    /// <summary>The instruction was carried out.</summary>
    Done,
    /// <summary>The instruction was skipped; a reason is recorded.</summary>
    Skip,
    /// <summary>Stop the run.</summary>
    Abort,
}

/// <summary>The operator's answer to a manual instruction.</summary>
/// <param name="Choice">Done, skip or abort.</param>
/// <param name="Reason">Why it was skipped (required for <see cref="ManualChoice.Skip"/>).</param>
public sealed record ManualAcknowledgement(ManualChoice Choice, string? Reason = null);

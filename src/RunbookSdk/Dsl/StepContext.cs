namespace RunbookSdk;

/// <summary>
/// What a C# delegate step gets from the runner. Once the step has ended — also when the runner stopped waiting for
/// code that ignored <see cref="CancellationToken"/> — what the code still logs or sets is dropped: it reaches neither
/// the journal nor a later step. <see cref="Log"/> and <see cref="Outputs"/> may be used from several threads at once.
/// </summary>
/// <param name="Parameters">The run's parameter values by name (secrets included; never log them).</param>
/// <param name="Log">
/// Writes a line to the run's console and journal; secret values are masked. What the code writes to
/// <see cref="Console.Out"/> and <see cref="Console.Error"/> is masked, shown and journaled (as the step's output) too.
/// </param>
/// <param name="Outputs">
/// Outputs of earlier shell (<c>Run</c>) and HTTP (<c>Http</c>) steps by step title — no other kind of step keeps one
/// under its title —, and what code set by name; a step adds its own with <see cref="SetOutput"/>
/// (journaled, masked). A resumed run gives back the outputs code set in steps it does not repeat, except values that
/// held a secret; reading a missing one throws a <see cref="KeyNotFoundException"/> that says why it is missing.
/// </param>
/// <param name="CancellationToken">
/// Cancelled when the operator interrupts the run or the step's time limit passes (<c>Execute(...).Timeout(...)</c>, else
/// the runner's default of five minutes); the step then fails (or is interrupted) whether or not the code stops.
/// </param>
public sealed record StepContext(
    IReadOnlyDictionary<string, string> Parameters,
    Action<string> Log,
    IDictionary<string, string> Outputs,
    CancellationToken CancellationToken)
{
    /// <summary>Records an output later steps can read.</summary>
    /// <param name="name">Output name.</param>
    /// <param name="value">Output value.</param>
    public void SetOutput(string name, string value) => Outputs[name] = value;
}

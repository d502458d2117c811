namespace RunbookSdk;

/// <summary>What a C# delegate step gets from the runner.</summary>
/// <param name="Parameters">The run's parameter values by name (secrets included; never log them).</param>
/// <param name="Log">Writes a line to the run's console and journal; secret values are masked.</param>
/// <param name="Outputs">Outputs of earlier steps by step title; a step adds its own with <see cref="SetOutput"/>.</param>
/// <param name="CancellationToken">Cancelled when the operator interrupts the run or the step times out.</param>
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

namespace RunbookSdk.Execution;

/// <summary>
/// Carries out a bound runbook. The host binds parameters and records the plan once (<see cref="RunContext.Bind"/>),
/// then hands the context to an executor: <see cref="DryRunPrinter"/> prints the resolved plan; the live runner
/// executes it.
/// </summary>
public interface IRunbookExecutor
{
    /// <summary>Carries out the run described by <paramref name="context"/>.</summary>
    /// <param name="context">The bound runbook, its recorded plan, parameter values and secret masker.</param>
    /// <param name="cancellationToken">
    /// Cancelled when the operator interrupts the run. Already cancelled when the run is asked for, nothing starts and
    /// the outcome is <see cref="RunStatus.Cancelled"/>.
    /// </param>
    /// <returns>How the run ended.</returns>
    Task<RunOutcome> ExecuteAsync(RunContext context, CancellationToken cancellationToken);
}

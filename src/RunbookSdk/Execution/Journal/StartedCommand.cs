namespace RunbookSdk.Execution;

/// <summary>A shell command an earlier run's journal recorded starting, in a step it has no result for.</summary>
/// <param name="Command">The command as it was shown, masked: <c>curl -X POST https://api.example.com/deploy</c>.</param>
/// <param name="ExitCode">Its exit code when it ended before the step did; null when no end was recorded (it was running).</param>
public sealed record StartedCommand(string Command, int? ExitCode) : IRetriedAttempt
{
    /// <summary>It was killed before it ended (Ctrl+C, or the runner going away): whatever it was doing was cut off.</summary>
    public bool Interrupted { get; init; }

    /// <summary>
    /// The attempt of a retried command (<c>Retry(n, …)</c>) it was, from 1; 1 for a command not retried, and for a
    /// journal written before attempts were recorded.
    /// </summary>
    public int Attempt { get; init; } = 1;

    /// <summary>It ran to its end: an exit code was recorded, and it was not interrupted.</summary>
    public bool Finished => ExitCode is not null && !Interrupted;

    /// <summary>As the engineer reads it: <c>`./deploy.sh` (exit code 0)</c>, <c>`./deploy.sh` (interrupted: it did not finish)</c> or <c>`./deploy.sh` (no result recorded)</c>.</summary>
    public override string ToString() =>
        Interrupted ? $"`{Command}` (interrupted: it did not finish)"
        : ExitCode is { } code ? $"`{Command}` (exit code {code})"
        : $"`{Command}` (no result recorded)";

    string IRetriedAttempt.Subject => $"`{Command}`";

    // A failed step's commands are dropped whole (ResumeState): none left is settled.
    bool IRetriedAttempt.Settled => false;

    string IRetriedAttempt.Ending => Interrupted ? "was interrupted: it did not finish"
        : ExitCode is { } code ? $"ended with exit code {code}"
        : "has no result recorded";
}

namespace RunbookSdk.Execution;

/// <summary>A process a shell step started (<see cref="StepProcesses"/>).</summary>
/// <param name="Pid">Its process id.</param>
/// <param name="Command">Its command line, arguments joined by spaces (not masked: mask before showing it).</param>
internal sealed record MarkedProcess(int Pid, string Command)
{
    /// <summary>The journal key of the step that started it, where it was read from the process (an earlier runner's).</summary>
    public string? StepKey { get; init; }

    /// <summary>As the engineer sees it: <c>pid 1234 (kubectl port-forward svc/api 8080:80)</c>.</summary>
    public override string ToString() => $"pid {Pid} ({Command})";
}

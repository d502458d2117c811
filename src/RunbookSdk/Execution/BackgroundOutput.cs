namespace RunbookSdk.Execution;

/// <summary>
/// What a shell step's background printed after the step ended: the processes it left running hold the output pipe
/// they inherited, and their lines keep arriving for the rest of the run. The console shows them as they come; the
/// journal gets one digest (<see cref="OutputDigest"/>) when the output ends — its processes ended or were stopped —
/// or when the run ends, so the record of the incident keeps what the engineer saw without a line per line.
/// </summary>
/// <remarks>
/// One per attempt of a step, not per process: every process a command starts writes to the same pipe, so a line
/// cannot be told apart by the process that printed it.
/// </remarks>
/// <param name="Key">The journal key of the step.</param>
/// <param name="Step">The step as the engineer saw it: <c>1.2 'Port-forward'</c>.</param>
/// <param name="Action">The command's position among the step's actions: a resume starts again the one whose background its run stopped.</param>
/// <param name="Attempt">The attempt of the step's command (1 unless it was retried).</param>
/// <param name="Group">The group that marks the command's processes (<see cref="StepProcesses"/>), else null.</param>
/// <param name="Processes">What the command left running when the step ended (none when nothing tracked holds the output).</param>
/// <param name="Digest">The lines printed after the step ended, masked.</param>
/// <param name="Ended">Completes when the output ends: every process holding it closed it.</param>
internal sealed record BackgroundOutput(
    string Key, string Step, int Action, int Attempt, int? Group, IReadOnlyList<MarkedProcess> Processes, OutputDigest Digest, Task Ended)
{
    private int _journaled;

    /// <summary>True the first time only: the output is journaled once, by whichever of its ends comes first.</summary>
    public bool TryClaim() => Interlocked.Exchange(ref _journaled, 1) == 0;

    /// <summary>True while a process of the step's group still runs: stopping it ends the output.</summary>
    public bool HasRunningProcesses => Group is { } group && StepProcesses.Members(group).Count > 0;
}

using System.Diagnostics;
using System.Text;

namespace RunbookSdk.Execution;

/// <summary>The result of one attempt of a shell command.</summary>
/// <param name="ExitCode">The exit code; -1 when the time-out killed the command; after an interruption, how the shell ended (137: killed, SIGKILL).</param>
/// <param name="TimedOut">The time-out passed and the process tree was killed.</param>
/// <param name="Interrupted">The cancellation token (Ctrl+C) stopped the command: its process tree was killed.</param>
/// <param name="Output">Standard output and error as the lines arrived (not masked: keep it in memory only).</param>
/// <param name="Group">The group that marks the shell's processes (<see cref="StepProcesses"/>), else null.</param>
/// <param name="LeftRunning">Processes the command started that still run after it ended (backgrounded with <c>&amp;</c>).</param>
/// <param name="OutputEnded">Completes when the output pipes reach their end; still running when a background process holds them.</param>
internal sealed record ShellResult(int ExitCode, bool TimedOut, bool Interrupted, IReadOnlyList<string> Output, int? Group, IReadOnlyList<MarkedProcess> LeftRunning, Task OutputEnded)
{
    /// <summary><see cref="Output"/> holds only the first <see cref="ShellProcess.MaxKeptOutputChars"/> characters of what the command printed.</summary>
    public bool OutputCut { get; init; }
}

/// <summary>
/// Starts <c>/bin/bash -c &lt;command&gt;</c> through <see cref="ProcessStartInfo.ArgumentList"/>, so the rendered
/// command reaches bash as one argument and nothing is re-split, its processes marked where it can be
/// (<see cref="StepProcesses"/>); streams output lines as they arrive; kills the whole process tree and group on
/// time-out or interruption; and reports what the command left running in the background.
/// </summary>
/// <remarks>
/// A background process keeps the output pipes it inherited: its lines still reach <c>onLine</c> after the step
/// ended, marked so (the caller labels and journals them), until it ends or is stopped.
/// </remarks>
internal static class ShellProcess
{
    /// <summary>How long to keep reading after the shell exited, for a background child that still holds the pipes.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How much of a command's output is kept in memory (for later steps' <c>Outputs</c>): its first 16 Mi characters.
    /// Every line is still streamed to the console and digested for the journal as it arrives. Kept whole, a command
    /// that printed 400 MB (a chatty pod's logs, a journalctl) held gigabytes in the runner — 4 GB measured — and an
    /// on-call bastion's OOM killer ended the run mid-incident; an HTTP body is capped the same way.
    /// </summary>
    internal const int MaxKeptOutputChars = 16 * 1024 * 1024;

    /// <summary>Runs one attempt.</summary>
    /// <param name="command">The rendered command (holes already quoted by <see cref="Commands.CommandTemplate"/>).</param>
    /// <param name="stepKey">The step's journal key, in its processes' environment: a resume after a <c>kill -9</c> finds them by it.</param>
    /// <param name="timeout">Real-time limit, or null for none.</param>
    /// <param name="onLine">Called for each output line: the line, <c>true</c> for standard error, <c>true</c> once the
    /// step has ended (a background process printed it; it is not in <see cref="ShellResult.Output"/>), and how many
    /// characters of the line were dropped unkept: a line is cut at <see cref="MaxKeptOutputChars"/> as it is read.</param>
    /// <param name="gate">Where the shell starts: closed when the runner is going away, and then nothing starts.</param>
    /// <param name="cancellationToken">Interrupts the command: the tree is killed and the result says <see cref="ShellResult.Interrupted"/>,
    /// with what it printed until then (the caller journals it before it stops the step).</param>
    /// <param name="hideCommandLine">The command holds a secret: it reaches bash through the environment, which only its
    /// user may read, not on the command line, which <c>ps</c> shows every user of the machine.</param>
    /// <returns>The result; null when the gate was closed and nothing started.</returns>
    public static async Task<ShellResult?> RunAsync(
        string command,
        string stepKey,
        TimeSpan? timeout,
        Action<string, bool, bool, long> onLine,
        ProcessStartGate gate,
        CancellationToken cancellationToken,
        bool hideCommandLine = false)
    {
        var start = StepProcesses.StartInfo("/bin/bash", stepKey, out var group);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = new UTF8Encoding(false);
        start.StandardErrorEncoding = new UTF8Encoding(false);
        start.UseShellExecute = false;
        start.ArgumentList.Add("-c");
        if (hideCommandLine)
        {
            // A command line is anyone's to read (ps, /proc/<pid>/cmdline); an environment only its user's. The
            // command holding a secret goes to bash in the environment, and bash runs it from there.
            start.ArgumentList.Add(HiddenCommandScript);
            start.Environment[HiddenCommandVariable] = command;
        }
        else start.ArgumentList.Add(command);
        // BASH_ENV would make a non-interactive bash source a file before the command: not what the runbook says.
        start.Environment.Remove("BASH_ENV");

        using var process = new Process { StartInfo = start };
        if (!gate.TryStart(process, group))
        {
            if (group is { } unused) StepProcesses.Forget(unused);
            return null;
        }
        try
        {
            var result = await RunStartedAsync(process, group, timeout, onLine, gate, cancellationToken);
            // A subshell of the hidden command reads as the wrapper: named as it would be otherwise (and masked when shown).
            return !hideCommandLine || result.LeftRunning.Count == 0 ? result : result with
            {
                LeftRunning = result.LeftRunning.Select(p => p.Command.Contains(HiddenCommandVariable, StringComparison.Ordinal) ? p with { Command = "/bin/bash -c " + command } : p).ToList(),
            };
        }
        finally
        {
            gate.Finished(process);
        }
    }

    private static async Task<ShellResult> RunStartedAsync(
        Process process,
        int? group,
        TimeSpan? timeout,
        Action<string, bool, bool, long> onLine,
        ProcessStartGate gate,
        CancellationToken cancellationToken)
    {
        // A command that reads standard input gets end-of-file instead of hanging the run.
        process.StandardInput.Close();

        var output = new List<string>();
        var outputGate = new Lock();
        var collecting = true;
        long kept = 0;
        var cut = false;
        void Collect(string line, bool isError, long dropped)
        {
            // After the step, a background process's lines are the background's: the step's output is what it printed.
            bool during;
            lock (outputGate)
            {
                during = collecting;
                if (during && kept + line.Length <= MaxKeptOutputChars)
                {
                    output.Add(line);
                    kept += line.Length + 1;
                }
                else if (during) cut = true;
                if (during && dropped > 0) cut = true;
            }
            onLine(line, isError, !during, dropped);
        }
        var readers = Task.WhenAll(
            PumpAsync(process.StandardOutput, (line, dropped) => Collect(line, false, dropped)),
            PumpAsync(process.StandardError, (line, dropped) => Collect(line, true, dropped)));

        using var deadline = timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var timedOut = false;
        var interrupted = false;
        try
        {
            await process.WaitForExitAsync(stop.Token);
            // Ctrl+C in a terminal reaches the command too (the whole foreground process group), and bash can die of it
            // (128 + SIGINT) before the runner's own handler has cancelled the run: journaled as an exit code, the step
            // "failed", and a resume ran the cut-off command again without asking. It is the interruption: wait a moment
            // for it, and then stop what the command left in the background, as an interruption does. The same race
            // when the runner itself is ended: a dropped SSH session hangs up the foreground group (bash dies of SIGHUP,
            // 129), a service manager signals every process of the unit (SIGTERM, 143), a second Ctrl+C reaches bash
            // too. Held here until the gate closes, the command is still in flight for the runner's exit handler, which
            // journals it interrupted (LiveRun.Exit.cs).
            if (DiedOfRunnersSignal(process.ExitCode) && !cancellationToken.IsCancellationRequested && !gate.IsClosed
                && await InterruptArrivesAsync(gate, cancellationToken))
            {
                interrupted = true;
                if (group is { } id) StepProcesses.Kill(id);
            }
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            // The tree misses what the shell put in the background and re-parented away; the group has it all.
            if (group is { } id) StepProcesses.Kill(id);
            await process.WaitForExitAsync(CancellationToken.None);
            // Interrupted: what it printed until the kill is read (bounded) and returned, so the journal keeps it.
            interrupted = cancellationToken.IsCancellationRequested;
            timedOut = !interrupted;
        }
        await Task.WhenAny(readers, Task.Delay(DrainLimit, CancellationToken.None));
        // After the drain: a child that only needed a moment more (`(sleep 1; echo hi) &`) is not reported.
        var leftRunning = group is { } marked && !timedOut && !interrupted ? StepProcesses.Members(marked) : [];
        if (group is { } done && leftRunning.Count == 0) StepProcesses.Forget(done);
        lock (outputGate)
        {
            collecting = false;
            return new ShellResult(timedOut ? -1 : process.ExitCode, timedOut, interrupted, output.ToArray(), group, leftRunning, readers) { OutputCut = cut };
        }
    }

    /// <summary>The environment variable that carries a command holding a secret to its bash.</summary>
    internal const string HiddenCommandVariable = "RUNBOOK_SDK_COMMAND";

    // Taken out of the environment before it runs, so nothing the command starts inherits it.
    private const string HiddenCommandScript =
        "__runbook_sdk_command=$" + HiddenCommandVariable + "; unset " + HiddenCommandVariable + "; eval \"$__runbook_sdk_command\"";

    /// <summary>
    /// Whether <paramref name="exitCode"/> is how a shell ends when a signal that also reaches the runner killed it:
    /// SIGHUP (128 + 1: the terminal hung up), SIGINT (128 + 2: Ctrl+C) or SIGTERM (128 + 15: a service manager).
    /// </summary>
    internal static bool DiedOfRunnersSignal(int exitCode) => exitCode is 129 or 130 or 143;

    /// <summary>
    /// How long a command that died of such a signal waits for the run's own interruption or the runner's end, which
    /// the same signal brings: milliseconds on an idle machine. A command that exits so with no signal behind it (it
    /// was sent one by something else, or ran <c>exit 130</c>) fails as before, this much later.
    /// </summary>
    internal static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Whether <paramref name="cancellationToken"/> is cancelled (the run is interrupted) within
    /// <see cref="InterruptGrace"/>; returns early, false, when <paramref name="gate"/> closes first (the runner is going away).
    /// </summary>
    private static async Task<bool> InterruptArrivesAsync(ProcessStartGate gate, CancellationToken cancellationToken)
    {
        var interrupt = Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        await Task.WhenAny(interrupt, gate.Closing, Task.Delay(InterruptGrace, CancellationToken.None));
        return cancellationToken.IsCancellationRequested;
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the time-out and the kill.
        }
    }

    /// <summary>
    /// Reads lines in bounded chunks: a line longer than <see cref="MaxKeptOutputChars"/> (a gigabyte without a line
    /// break) is cut as it arrives instead of being built whole first, as <c>ReadLineAsync</c> did.
    /// </summary>
    private static async Task PumpAsync(StreamReader reader, Action<string, long> onLine)
    {
        var lines = new BoundedLineReader(reader, MaxKeptOutputChars);
        while (await lines.ReadLineAsync() is var (line, dropped)) onLine(line, dropped);
    }
}

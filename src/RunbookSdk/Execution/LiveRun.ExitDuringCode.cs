namespace RunbookSdk.Execution;

/// <summary>
/// C# code (<c>Execute(...)</c>) running when the runner's process goes away — a SIGTERM, a SIGHUP, a second Ctrl+C —
/// is journaled as a killed command is: an <c>action</c> with what it wrote to the console so far (masked) and
/// <c>interrupted: true</c>, then its step's <c>step-finished</c> with <c>result: interrupted</c>. Before, the record of
/// what was done ended with <c>code-starting</c>: the incident review could not see what the code had printed, nor that
/// the runner, not the code, had stopped there.
/// </summary>
internal sealed partial class LiveRun
{
    // The code in flight; changed under _exitGate, as the command in flight is.
    private RunningCode? _runningCode;

    /// <summary>Makes <paramref name="code"/> the code in flight, unless the runner is going away.</summary>
    private void BeginCode(RunningCode code)
    {
        lock (_exitGate)
        {
            ThrowIfEnding();
            _runningCode = code;
        }
    }

    /// <summary>
    /// Starts the code's task, unless the runner began to go away since <see cref="BeginCode"/> (its handler then
    /// journals only the step's end): under the gate the handler takes, so code is either started and journaled by it,
    /// or not started at all.
    /// </summary>
    private Task StartCode(RunningCode code, Func<Task> run)
    {
        lock (_exitGate)
        {
            ThrowIfEnding();
            var body = Task.Run(run, CancellationToken.None);
            code.Start(body, _clock.GetTimestamp());
            return body;
        }
    }

    /// <summary>
    /// The run stopped waiting for the code: its record is the run's to write — unless the runner began to go away
    /// meanwhile, whose handler wrote it; then the flow stops here.
    /// </summary>
    private void EndCode(RunningCode code)
    {
        lock (_exitGate)
        {
            if (ReferenceEquals(_runningCode, code)) _runningCode = null;
            ThrowIfEnding();
        }
    }

    /// <summary>
    /// Journals the code the runner's process is ending in — or that ended just before, whose record the flow did not
    /// get to write (not interrupted, then: it finished) — and its step as interrupted.
    /// </summary>
    private void JournalInterruptedCode(RunningCode code)
    {
        if (code.Body is { } body)
        {
            var output = OutputDigest.Of(code.WrittenSoFar(), _options.JournalOutputTail);
            _journal.Write("action", [("key", code.Key), ("kind", "delegate"), ("code", code.Description),
                ("interrupted", body.IsCompleted ? null : true),
                ("durationMs", (long)_clock.GetElapsedTime(code.Started).TotalMilliseconds), .. output.Fields()]);
        }
        _journal.Write("step-finished", ("key", code.Key), ("title", code.Title), ("result", "interrupted"),
            ("reason", code.Body is { IsCompleted: false }
                ? "the runner was ended (SIGTERM, SIGHUP or a second Ctrl+C) during its code; the code ended with the runner's process"
                : "the runner was ended (SIGTERM, SIGHUP or a second Ctrl+C) during the step"),
            ("durationMs", (long)_clock.GetElapsedTime(code.StepStarted).TotalMilliseconds));
    }
}

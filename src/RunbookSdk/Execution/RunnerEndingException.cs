namespace RunbookSdk.Execution;

/// <summary>
/// Thrown in the run's own flow once the runner's process is going away (a SIGTERM, a SIGHUP, a second Ctrl+C): the
/// handler of <see cref="RunnerExit"/> has killed and journaled what ran, and nothing of the run may start after it —
/// no rollback command, no request — nor add to its journal. The run ends here, without an end of its own.
/// </summary>
internal sealed class RunnerEndingException()
    : Exception("the runner is going away (SIGTERM, SIGHUP or a second Ctrl+C): nothing more of the run starts");

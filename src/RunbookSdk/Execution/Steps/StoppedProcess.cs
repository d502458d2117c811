namespace RunbookSdk.Execution;

/// <summary>How a process a step left running ended when its run ended.</summary>
/// <param name="Key">The journal key of the step that started it.</param>
/// <param name="Step">The step as the engineer saw it: <c>1.2 'Port-forward'</c>.</param>
/// <param name="Process">The process.</param>
/// <param name="StoppedBy"><c>SIGTERM</c> or <c>SIGKILL</c>; null when it could not be stopped.</param>
/// <param name="Error">Why it could not be stopped (it runs as another user), else null.</param>
internal sealed record StoppedProcess(string Key, string Step, MarkedProcess Process, string? StoppedBy, string? Error);

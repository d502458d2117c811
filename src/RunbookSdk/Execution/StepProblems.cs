namespace RunbookSdk.Execution;

/// <summary>Steps that cannot run as written with the run's values (a URL that cannot be sent, a command that cannot be quoted), by step number, with why.</summary>
/// <param name="Refused">Steps that surely run: the run is refused before anything runs.</param>
/// <param name="IfRun">Steps that may not run (a condition or a decision not answered yet): each fails, doing nothing, if it is reached.</param>
internal sealed record StepProblems(IReadOnlyDictionary<string, string> Refused, IReadOnlyDictionary<string, string> IfRun);

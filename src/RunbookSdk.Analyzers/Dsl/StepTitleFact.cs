using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>A <c>Step(title, …)</c> whose title is a constant, and where the title is written.</summary>
/// <param name="Title">The step's title.</param>
/// <param name="Location">Where the title is written.</param>
/// <param name="KeepsNoOutput">
/// True when the step certainly keeps no output under its title: its actions are a lambda's, written out, or a method of
/// the runbook's class given in its place (<see cref="BuilderMethodArgument"/>), and none is a shell command
/// (<c>Run</c>) or an HTTP request (<c>Http</c>) — the only actions whose output the runner keeps by the step's title.
/// False when it has one, or when its actions are not read (a method group of another class, a variable).
/// </param>
/// <param name="Place">Where the step stands in the run's order; null when that is not certain from the text.</param>
/// <param name="OutputFrom">
/// Where its first <c>Run</c> or <c>Http</c> is written, when its actions are read: an action of the step written
/// before it runs before the step has an output.
/// </param>
/// <param name="Conditional">
/// True when its actions, when read, say <c>OnlyIf(…)</c>: the engineer may answer that the condition does not hold,
/// and the step is skipped, keeping no output.
/// </param>
internal sealed record StepTitleFact(string Title, Location Location, bool KeepsNoOutput = false, StepPlace? Place = null, int? OutputFrom = null, bool Conditional = false);

namespace RunbookSdk.Hosting;

/// <summary>
/// The shape of a runbook's executable sections, as plain data: phases, steps and actions with their texts.
/// The generator emits the outline it documented; <see cref="PlanOutlines"/> derives the same shape from the plan
/// the runner executes, so a test can prove the docs and the runner agree.
/// </summary>
/// <param name="Phases">Phases in order, then "Rollback" and "Verification" when present.</param>
public sealed record PlanOutline(IReadOnlyList<OutlinePhase> Phases);

/// <summary>A phase in an outline.</summary>
/// <param name="Name">Phase name.</param>
/// <param name="TimeBox">The time box as text, or null.</param>
/// <param name="Steps">Steps in order.</param>
public sealed record OutlinePhase(string Name, string? TimeBox, IReadOnlyList<OutlineStep> Steps);

/// <summary>A step in an outline.</summary>
/// <param name="Title">Step title.</param>
/// <param name="RequiresConfirmation">Destructive step.</param>
/// <param name="Actions">Actions in order.</param>
public sealed record OutlineStep(string Title, bool RequiresConfirmation, IReadOnlyList<OutlineAction> Actions);

/// <summary>An action in an outline.</summary>
/// <param name="Kind">shell, http, manual, wait, monitor, delegate, notify, snippet or note.</param>
/// <param name="Text">The main text (command, URL, instruction ...) as segments.</param>
/// <param name="Details">Refinements as <c>name=value</c> texts, in a fixed order (e.g. <c>expect-status=200</c>).</param>
public sealed record OutlineAction(string Kind, IReadOnlyList<OutlineSegment> Text, IReadOnlyList<string> Details);

/// <summary>Literal text, or a hole: in a generated outline the hole's C# expression, in a runtime outline its value.</summary>
/// <param name="Text">Literal text, expression or value.</param>
/// <param name="IsHole">Whether this is a hole.</param>
public sealed record OutlineSegment(string Text, bool IsHole);

namespace RunbookSdk.Hosting;

/// <summary>
/// The shape of a runbook's executable sections, as plain data: phases, steps and actions with their texts.
/// The generator emits the outline it documented; <see cref="PlanOutlines"/> derives the same shape from the plan
/// the runner executes, so a test can prove the docs and the runner agree.
/// </summary>
/// <param name="Phases">Phases in order, then "Rollback" and "Verification" when present.</param>
public sealed record PlanOutline(IReadOnlyList<OutlinePhase> Phases)
{
    /// <summary>
    /// Reads the outline the source generator embedded in a runbook app (see <c>OutlineEncoding</c> for the format).
    /// Throws <see cref="FormatException"/> on text the generator did not write.
    /// </summary>
    /// <param name="text">The encoded outline.</param>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static PlanOutline Parse(string text)
    {
        var phases = new List<(string Name, string? TimeBox, List<OutlineStep> Steps)>();
        List<OutlineAction>? actions = null;
        List<OutlineSegment>? segments = null;
        var lineNumber = 0;
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            lineNumber++;
            var fields = line.Split('\t');
            var kind = fields[0].Length == 1 ? fields[0][0] : '?';
            string Field(int index) => index < fields.Length
                ? OutlineEncoding.Unescape(fields[index]) ?? throw Bad("a null where text is required")
                : throw Bad("a missing field");
            FormatException Bad(string what) => new($"Embedded outline line {lineNumber} ('{line}') has {what}.");

            switch (kind)
            {
                case OutlineEncoding.Phase:
                    phases.Add((Field(1), fields.Length > 2 ? OutlineEncoding.Unescape(fields[2]) : null, []));
                    break;
                case OutlineEncoding.Step when phases.Count > 0:
                    actions = [];
                    phases[^1].Steps.Add(new OutlineStep(Field(1), Field(2) == "1", actions)
                    {
                        // \0 when the step is idempotent or an option without a condition.
                        Condition = fields.Length > 3 ? OutlineEncoding.Unescape(fields[3]) : null,
                        Idempotent = fields.Length > 4 && fields[4] == "1",
                        Choice = fields.Length > 6 ? $"{Field(6)} {Field(5)}" : null,
                    });
                    break;
                case OutlineEncoding.Action when actions is not null:
                    segments = [];
                    actions.Add(new OutlineAction(Field(1), segments, fields.Skip(2).Select(f => OutlineEncoding.Unescape(f) ?? "").ToArray()));
                    break;
                case OutlineEncoding.Text or OutlineEncoding.Hole when segments is not null:
                    segments.Add(new OutlineSegment(Field(1), kind == OutlineEncoding.Hole));
                    break;
                default:
                    throw Bad("an unknown or misplaced record");
            }
        }

        return new PlanOutline(phases.Select(p => new OutlinePhase(p.Name, p.TimeBox, p.Steps)).ToArray());
    }
}

/// <summary>A phase in an outline.</summary>
/// <param name="Name">Phase name.</param>
/// <param name="TimeBox">The time box as text, or null.</param>
/// <param name="Steps">Steps in order.</param>
public sealed record OutlinePhase(string Name, string? TimeBox, IReadOnlyList<OutlineStep> Steps);

/// <summary>A step in an outline.</summary>
/// <param name="Title">Step title.</param>
/// <param name="RequiresConfirmation">Destructive step.</param>
/// <param name="Actions">Actions in order.</param>
public sealed record OutlineStep(string Title, bool RequiresConfirmation, IReadOnlyList<OutlineAction> Actions)
{
    /// <summary>
    /// The step's <c>OnlyIf</c> condition, or null. In a generated outline holes read <c>{Expression}</c>, in a runtime
    /// outline their values.
    /// </summary>
    public string? Condition { get; init; }

    /// <summary>The step is written with <c>Idempotent()</c>: running it again after an interruption does no harm.</summary>
    public bool Idempotent { get; init; }

    /// <summary>
    /// For an option of a <c>OneOf</c> decision, its place and the decision (<c>2/3 Mitigation strategy</c>); else null.
    /// </summary>
    public string? Choice { get; init; }
}

/// <summary>An action in an outline.</summary>
/// <param name="Kind">shell, http, manual, wait, monitor, delegate, notify, snippet or note.</param>
/// <param name="Text">The main text (command, URL, instruction ...) as segments.</param>
/// <param name="Details">Refinements as <c>name=value</c> texts, in a fixed order (e.g. <c>expect-status=200</c>).</param>
public sealed record OutlineAction(string Kind, IReadOnlyList<OutlineSegment> Text, IReadOnlyList<string> Details);

/// <summary>Literal text, or a hole: in a generated outline the hole's C# expression, in a runtime outline its value.</summary>
/// <param name="Text">Literal text, expression or value.</param>
/// <param name="IsHole">Whether this is a hole.</param>
public sealed record OutlineSegment(string Text, bool IsHole);

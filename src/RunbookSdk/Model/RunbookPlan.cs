namespace RunbookSdk.Model;

/// <summary>
/// What a runbook says, recorded by running its <see cref="Runbook.Define"/> against a recording builder.
/// The runner executes this plan; the generated docs describe the same plan (a test keeps them in agreement).
/// </summary>
public sealed record RunbookPlan
{
    /// <summary>The runbook's id.</summary>
    public required string Id { get; init; }
    /// <summary>Shared document sections (title, owner, contacts, escalation, ...).</summary>
    public required DocumentSections Document { get; init; }
    /// <summary>The severity key this runbook is written for, or null.</summary>
    public string? Severity { get; init; }
    /// <summary>What the on-call engineer sees when this runbook applies.</summary>
    public IReadOnlyList<string> Symptoms { get; init; } = [];
    /// <summary>The phases in the order they run.</summary>
    public IReadOnlyList<PhasePlan> Phases { get; init; } = [];
    /// <summary>How to undo what the phases did, or null.</summary>
    public PhasePlan? Rollback { get; init; }
    /// <summary>Why there is no rollback, when the author waived it with <c>NoRollback(reason)</c>.</summary>
    public string? NoRollbackReason { get; init; }
    /// <summary>How to prove the system is healthy again, or null.</summary>
    public PhasePlan? Verification { get; init; }
}

/// <summary>The sections runbooks and handbooks share.</summary>
public sealed record DocumentSections
{
    /// <summary>Document title.</summary>
    public string? Title { get; init; }
    /// <summary>One-paragraph summary.</summary>
    public string? Summary { get; init; }
    /// <summary>Owning team or person.</summary>
    public string? Owner { get; init; }
    /// <summary>People and channels to reach.</summary>
    public IReadOnlyList<ContactPlan> Contacts { get; init; } = [];
    /// <summary>Escalation levels in increasing time order.</summary>
    public IReadOnlyList<EscalationLevelPlan> Escalation { get; init; } = [];
    /// <summary>Communication templates.</summary>
    public IReadOnlyList<CommunicationPlan> Communications { get; init; } = [];
    /// <summary>Post-incident checklist stages.</summary>
    public IReadOnlyList<ChecklistStagePlan> PostIncident { get; init; } = [];
    /// <summary>Links to dashboards, docs, consoles.</summary>
    public IReadOnlyList<ReferencePlan> References { get; init; } = [];
    /// <summary>Free-form sections.</summary>
    public IReadOnlyList<SectionPlan> Sections { get; init; } = [];
    /// <summary>When the document must be reviewed again.</summary>
    public DateOnly? ReviewDate { get; init; }
    /// <summary>When the document was last updated.</summary>
    public DateOnly? LastUpdated { get; init; }
    /// <summary>The environment the document is about (e.g. "production").</summary>
    public string? Environment { get; init; }
    /// <summary>Tags for search and grouping.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>A named group of steps with an optional time box.</summary>
/// <param name="Name">Phase name.</param>
/// <param name="TimeBox">The window the phase should fit in.</param>
/// <param name="Steps">Steps in order.</param>
public sealed record PhasePlan(string Name, TimeBox? TimeBox, IReadOnlyList<StepPlan> Steps);

/// <summary>One numbered step: a title and the actions it performs, in order.</summary>
/// <param name="Title">Step title.</param>
/// <param name="Actions">What the step does.</param>
/// <param name="RequiresConfirmation">Destructive: the operator must confirm before it runs.</param>
public sealed record StepPlan(string Title, IReadOnlyList<StepAction> Actions, bool RequiresConfirmation)
{
    /// <summary>
    /// What must hold for the step to apply (<c>OnlyIf</c>), or null for a step that always runs. The runner asks the
    /// operator before the step and skips it when the condition does not hold.
    /// </summary>
    public string? Condition { get; init; }

    /// <summary>
    /// Running the step again after an interruption does no harm (<c>Idempotent()</c>): a resume runs again what the
    /// earlier run left unfinished in it without asking. A destructive step still asks for its confirmation.
    /// </summary>
    public bool Idempotent { get; init; }

    /// <summary>
    /// The decision this step is an option of (<c>OneOf</c>), or null for a step that is no alternative. The options of
    /// one group are consecutive steps of their section; the runner asks once which of them runs.
    /// </summary>
    public StepChoice? Choice { get; init; }
}

/// <summary>
/// Where a step stands in a <c>OneOf</c> decision: the plan stays a flat list of steps, and the steps of one group
/// carry the same title and note, numbered 1 to <paramref name="Options"/> (so two neighbouring groups of one title
/// stay two decisions).
/// </summary>
/// <param name="Title">What is decided ("Mitigation strategy").</param>
/// <param name="Option">This step's number among the options, from 1.</param>
/// <param name="Options">How many options the group has (two or more).</param>
/// <param name="Note">What to weigh when choosing (<c>Note</c> in the group), or null.</param>
public sealed record StepChoice(string Title, int Option, int Options, string? Note = null);

/// <summary>A contact.</summary>
/// <param name="Role">Who (role or name).</param>
/// <param name="Reach">How to reach them (email, phone, channel).</param>
public sealed record ContactPlan(string Role, string Reach);

/// <summary>An escalation level.</summary>
/// <param name="Who">Who to escalate to.</param>
/// <param name="After">Elapsed incident time after which this level is engaged.</param>
/// <param name="Contact">How to reach them.</param>
public sealed record EscalationLevelPlan(string Who, TimeSpan After, string? Contact);

/// <summary>A communication template.</summary>
/// <param name="Name">Template name (e.g. "Initial notification").</param>
/// <param name="Template">Template text with <c>{placeholders}</c>.</param>
/// <param name="Channel">Where it is posted.</param>
public sealed record CommunicationPlan(string Name, string Template, string? Channel);

/// <summary>A stage of the post-incident process with its checklist.</summary>
/// <param name="Stage">Stage name (e.g. "Immediate (0-24 hours)").</param>
/// <param name="Items">Checklist items.</param>
public sealed record ChecklistStagePlan(string Stage, IReadOnlyList<string> Items);

/// <summary>A link.</summary>
/// <param name="Title">Link text.</param>
/// <param name="Url">Address.</param>
public sealed record ReferencePlan(string Title, string Url);

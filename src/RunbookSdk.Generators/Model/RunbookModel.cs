using System;

namespace RunbookSdk.Generators.Model;

// The generator's model: records and primitives only (no ISymbol, SyntaxNode or Location), so the
// incremental pipeline can compare two runs by value and skip work when nothing relevant changed.

/// <summary>One runbook class as read from source.</summary>
internal sealed record RunbookModel(
    TypeIdentity Type,
    string Id,
    string? HandbookType,
    EquatableArray<ParameterModel> Parameters,
    DocumentModel Document,
    string? Severity,
    EquatableArray<string> Symptoms,
    EquatableArray<PhaseModel> Phases,
    PhaseModel? Rollback,
    string? NoRollbackReason,
    PhaseModel? Verification)
{
    /// <summary>
    /// The handbook when its class is compiled in another assembly (a handbook project shared by several runbook
    /// apps): the generator cannot read its <c>Define</c>, so the page names it and the runner reads it at run time.
    /// </summary>
    public ReferencedHandbook? ReferencedHandbook { get; init; }

    /// <summary>What the generator could not read of the <c>Define</c> the runner calls (RB0101): the page says it may be incomplete.</summary>
    public EquatableArray<UnreadModel> Unread { get; init; }
}

/// <summary>
/// A runbook's handbook from another assembly: its id (from <c>[Handbook("id")]</c>), class and assembly, and what that
/// assembly's generator wrote of it — null when it was built without the generator.
/// </summary>
internal sealed record ReferencedHandbook(string Id, string TypeName, string AssemblyName, ReferencedHandbookFacts? Facts);

/// <summary>What a handbook's generated part says of it: its title, severity levels and escalation levels.</summary>
internal sealed record ReferencedHandbookFacts(string Title, EquatableArray<SeverityModel> Severities, EquatableArray<EscalationLevelModel> Escalation);

/// <summary>One handbook class as read from source.</summary>
internal sealed record HandbookModel(
    TypeIdentity Type,
    string Id,
    DocumentModel Document,
    EquatableArray<SeverityModel> Severities,
    EquatableArray<SloModel> Slos)
{
    /// <summary>What the generator could not read of the handbook's <c>Define</c> (RB0101): the page says it may be incomplete.</summary>
    public EquatableArray<UnreadModel> Unread { get; init; }
}

/// <summary>Where a type lives: enough to refer to it from generated code and to name it in docs.</summary>
/// <param name="Namespace">The namespace as docs show it; empty for the global namespace.</param>
/// <param name="Name">The class's name as docs show it, with its containing classes (<c>Outer.Inner</c>).</param>
/// <param name="FileName">The generated file's name without its suffix, unique per type (<see cref="Reading.TypeNames"/>).</param>
/// <param name="GlobalName">The name generated code refers to it by: <c>global::</c>, every part, keywords escaped (<c>@class</c>).</param>
internal sealed record TypeIdentity(string Namespace, string Name, string FileName, string GlobalName)
{
    public string FullName => Namespace.Length == 0 ? Name : Namespace + "." + Name;
}

internal sealed record ParameterModel(string Name, string DisplayType, string? Description, bool IsSecret, bool IsRequired, string? DefaultText);

internal sealed record DocumentModel(
    string? Title,
    string? Summary,
    string? Owner,
    EquatableArray<ContactModel> Contacts,
    EquatableArray<EscalationLevelModel> Escalation,
    EquatableArray<CommunicationModel> Communications,
    EquatableArray<ChecklistStageModel> PostIncident,
    EquatableArray<ReferenceModel> References,
    EquatableArray<SectionModel> Sections,
    string? ReviewDate,
    string? LastUpdated,
    string? Environment,
    EquatableArray<string> Tags);

internal sealed record ContactModel(string Role, string Reach);

internal sealed record EscalationLevelModel(string Who, DurationModel After, string? Contact);

/// <summary>A communication template; <paramref name="NameIsConstant"/> when its name is known without running the code.</summary>
internal sealed record CommunicationModel(string Name, string Template, string? Channel, bool NameIsConstant = true);

internal sealed record ChecklistStageModel(string Stage, EquatableArray<string> Items);

internal sealed record ReferenceModel(string Title, string Url);

internal sealed record SeverityModel(string Key, string Name, DurationModel? Response, DurationModel? Resolution, EquatableArray<string> Criteria);

internal sealed record SloModel(string Name, string Target, string? Description);

internal sealed record SectionModel(string Heading, EquatableArray<SectionBlockModel> Blocks);

/// <summary>A block of a free-form section. Kind is paragraph, bullets, numbered, table, snippet or subsection.</summary>
internal sealed record SectionBlockModel(string Kind, EquatableArray<string> Items, EquatableArray<TableRowModel> Rows, string? Language, SectionModel? Subsection);

internal sealed record TableRowModel(EquatableArray<string> Cells);

/// <summary>A duration: its value when the generator could evaluate it, and the source text either way.</summary>
internal sealed record DurationModel(TimeSpan? Value, string Source)
{
    /// <summary>Worked out once, as the page and outline both show it; derived, so it does not change equality.</summary>
    public string Display { get; } = Value is { } value ? RunbookSdk.Durations.Format(value) : Source;
}

internal sealed record TimeBoxModel(DurationModel From, DurationModel To)
{
    /// <summary>Worked out once, as the page and outline both show it; derived, so it does not change equality.</summary>
    public string Display { get; } = From.Value is { } from && To.Value is { } to
        ? RunbookSdk.Durations.FormatRange(from, to)
        : From.Source + " - " + To.Source;
}

internal sealed record PhaseModel(string Name, TimeBoxModel? TimeBox, EquatableArray<StepModel> Steps);

internal sealed record StepModel(string Title, bool RequiresConfirmation, EquatableArray<ActionModel> Actions)
{
    /// <summary>What must hold for the step to run (<c>OnlyIf</c>), or null; a non-constant text is documented as its source, as an instruction's is.</summary>
    public TextValue? Condition { get; init; }

    /// <summary>Written with <c>Idempotent()</c>: running the step again after an interruption does no harm.</summary>
    public bool Idempotent { get; init; }

    /// <summary>The <c>OneOf</c> decision this step is an option of, or null.</summary>
    public ChoiceModel? Choice { get; init; }
}

/// <summary>
/// Where a step stands in a <c>OneOf</c> decision, as the runtime's <c>StepChoice</c>: the decision's title and note
/// (non-constant texts documented as their source), the option's number from 1 and how many options there are.
/// </summary>
internal sealed record ChoiceModel(TextValue Title, int Option, int Options, TextValue? Note);

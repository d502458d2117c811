namespace RunbookSdk.Import.Model;

/// <summary>Everything read from one markdown document: its handbook and its runbooks.</summary>
internal sealed record ImportedDocument(ImportedHandbook Handbook, List<ImportedRunbook> Runbooks)
{
    /// <summary>Parameters shared by more than one runbook (declared once, on a common base class).</summary>
    public List<ImportedParameter> SharedParameters { get; } = [];

    /// <summary>What the reader noticed and the user should know.</summary>
    public List<string> Warnings { get; } = [];
}

/// <summary>The shared parts of the document.</summary>
internal sealed class ImportedHandbook
{
    public string Title { get; set; } = "Incident Response";
    public string? Summary { get; set; }
    public string? Owner { get; set; }
    public string? Environment { get; set; }
    public List<string> Tags { get; } = [];
    public (int Year, int Month, int Day)? LastUpdated { get; set; }
    public (int Year, int Month, int Day)? ReviewDate { get; set; }
    public List<(string Role, string Reach)> Contacts { get; } = [];
    public List<ImportedEscalationLevel> Escalation { get; } = [];
    public List<ImportedSeverity> Severities { get; } = [];
    public List<(string Name, string Target, string? Description)> Slos { get; } = [];
    public List<ImportedCommunication> Communications { get; } = [];
    public List<(string Stage, List<string> Items)> PostIncident { get; } = [];
    public List<(string Title, string Url)> References { get; } = [];
    public List<ContentSection> Sections { get; } = [];

    /// <summary>Headings whose content was read into structure (contacts, escalation, severities, ...), not kept as sections.</summary>
    public List<string> StructuredHeadings { get; } = [];

    /// <summary>Headings some of whose content was read into structure (the rest is kept as a section).</summary>
    public List<string> RestructuredHeadings { get; } = [];
}

/// <summary>An escalation level with the elapsed time after which it is engaged.</summary>
internal sealed record ImportedEscalationLevel(string Who, TimeSpan After, string? Contact);

/// <summary>A severity level and what it means.</summary>
internal sealed record ImportedSeverity(string Key, string Name, TimeSpan? RespondWithin, TimeSpan? ResolveWithin, List<string> Criteria);

/// <summary>A communication or report template.</summary>
internal sealed record ImportedCommunication(string Name, string Template, string? Channel);

/// <summary>A free-form section: kept as paragraphs, lists, tables and snippets so nothing is dropped.</summary>
internal sealed class ContentSection(string heading)
{
    public string Heading { get; } = heading;
    public List<ContentBlock> Blocks { get; } = [];
    public bool IsEmpty => Blocks.Count == 0;
}

/// <summary>One piece of free-form content.</summary>
internal abstract record ContentBlock;

internal sealed record ParagraphContent(string Text) : ContentBlock;

internal sealed record ListContent(bool Numbered, List<string> Items) : ContentBlock;

internal sealed record TableContent(string[] Headers, List<string[]> Rows) : ContentBlock;

internal sealed record SnippetContent(string Language, string Code) : ContentBlock;

internal sealed record SubsectionContent(ContentSection Section) : ContentBlock;

/// <summary>A playbook or procedure.</summary>
internal sealed class ImportedRunbook(string title)
{
    public string Title { get; } = title;

    /// <summary>The title without "Playbook 1:", for class names and ids.</summary>
    public string? ShortTitle { get; init; }
    public string ClassName { get; set; } = "";
    public string Id { get; set; } = "";
    public string? Severity { get; set; }
    public string? Summary { get; set; }
    public List<string> Symptoms { get; } = [];

    /// <summary>The runbook's own escalation levels (its "Escalation" section); empty when it goes by the handbook's.</summary>
    public List<ImportedEscalationLevel> Escalation { get; } = [];
    public List<ImportedPhase> Phases { get; } = [];
    public ImportedPhase? Rollback { get; set; }
    public ImportedPhase? Verification { get; set; }
    public List<ContentSection> Sections { get; } = [];
    public List<ImportedParameter> Parameters { get; } = [];
    public IEnumerable<ImportedPhase> AllPhases => Phases.Concat(new[] { Rollback, Verification }.OfType<ImportedPhase>());
}

/// <summary>A phase, optionally time-boxed in minutes from the start of the incident.</summary>
internal sealed class ImportedPhase(string name, (int From, int To, bool Hours)? timeBox)
{
    public string Name { get; } = name;
    public (int From, int To, bool Hours)? TimeBox { get; } = timeBox;
    public List<ImportedStep> Steps { get; } = [];
}

/// <summary>A step and its actions, in order.</summary>
internal sealed class ImportedStep(string title)
{
    public string Title { get; set; } = title;
    public List<StepAction> Actions { get; } = [];
    public bool IsEmpty => Actions.Count == 0;

    /// <summary>Started by a bold paragraph (<c>**Rollback**</c>), which a procedure without headings uses as one.</summary>
    public bool TitledByParagraph { get; init; }

    /// <summary>What must hold for the step to run (written as <c>OnlyIf(...)</c>), or null for a step that always runs.</summary>
    public string? Condition { get; set; }

    /// <summary>
    /// The decision this step is an option of (written as <c>OneOf(...)</c> around it and the other options, which are
    /// the steps next to it with the same decision), or null.
    /// </summary>
    public ImportedChoice? Choice { get; set; }
}

/// <summary>
/// Alternatives a document offers to pick from, of which exactly one runs, or none: a <c>OneOf</c> decision. Its
/// options are the consecutive steps that carry this instance.
/// </summary>
internal sealed class ImportedChoice(string title, string? note)
{
    /// <summary>What is decided, after "Choose one:" (the heading or step the alternatives were under).</summary>
    public string Title { get; } = title;

    /// <summary>The document's words before the alternatives ("Common mitigation strategies"), or null.</summary>
    public string? Note { get; } = note;
}

/// <summary>One action of a step.</summary>
internal abstract record StepAction;

/// <summary>A shell command; <see cref="Command"/> may span lines (continuations, heredocs, compound commands).</summary>
internal sealed record RunAction(string Command, string? Comment) : StepAction
{
    /// <summary>The command split into literal text and parameter holes, once parameters are extracted.</summary>
    public List<CommandPart> Parts { get; set; } = [new CommandPart(Command, null)];

    /// <summary>
    /// The document's line the command was written at (its fence's, list item's, paragraph's or table's, as the other
    /// warnings about a block name it), for warnings that send the reader to it; 0 when not known.
    /// </summary>
    public int Line { get; init; }
}

/// <summary>Literal text, or a hole naming a parameter.</summary>
internal sealed record CommandPart(string Text, string? Parameter);

internal sealed record InstructionAction(string Text) : StepAction;

internal sealed record NoteAction(string Text) : StepAction;

internal sealed record SnippetAction(string Language, string Code, string? Caption) : StepAction;

internal sealed record NotifyAction(string Template) : StepAction;

/// <summary>
/// A value lifted out of commands into a <c>[Parameter]</c> property. <paramref name="Required"/>: the document gave no
/// value (a placeholder such as <c>&lt;pod-name&gt;</c>), so a run refuses to start without one.
/// </summary>
internal sealed record ImportedParameter(string Name, string Default, string Description, bool Secret, bool Required = false);

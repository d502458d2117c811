namespace RunbookSdk;

/// <summary>The sections runbooks and handbooks share. Every method returns the builder for chaining.</summary>
/// <typeparam name="TSelf">The concrete builder interface.</typeparam>
public interface IDocumentBuilder<out TSelf> where TSelf : IDocumentBuilder<TSelf>
{
    /// <summary>The document title, shown as the page heading.</summary>
    /// <param name="title">Title text.</param>
    TSelf Title(string title);

    /// <summary>A short summary of what the document is for.</summary>
    /// <param name="summary">Summary text.</param>
    TSelf Summary(string summary);

    /// <summary>The owning team or person.</summary>
    /// <param name="owner">Owner.</param>
    TSelf Owner(string owner);

    /// <summary>A contact: who, and how to reach them.</summary>
    /// <param name="role">Role or name, e.g. "System Administrator".</param>
    /// <param name="reach">Email, phone, pager or channel.</param>
    TSelf Contact(string role, string reach);

    /// <summary>Escalation levels, in increasing order of elapsed time.</summary>
    /// <param name="levels">Adds the levels.</param>
    TSelf Escalation(Action<IEscalationBuilder> levels);

    /// <summary>A communication template (status update, customer notice, ...).</summary>
    /// <param name="name">Template name.</param>
    /// <param name="template">Template text; <c>{placeholders}</c> are filled in when sent.</param>
    /// <param name="channel">Where it is posted.</param>
    TSelf Communication(string name, string template, string? channel = null);

    /// <summary>A stage of the post-incident process and its checklist.</summary>
    /// <param name="stage">Stage, e.g. "Immediate (0-24 hours)".</param>
    /// <param name="items">Checklist items; a null one is refused when the runbook is recorded.</param>
    TSelf PostIncident(string stage, params string[] items);

    /// <summary>A link to a dashboard, console or document.</summary>
    /// <param name="title">Link text.</param>
    /// <param name="url">Address.</param>
    TSelf Reference(string title, string url);

    /// <summary>The date by which the document must be reviewed again.</summary>
    /// <param name="year">Year.</param>
    /// <param name="month">Month, 1-12.</param>
    /// <param name="day">Day of month.</param>
    TSelf ReviewDate(int year, int month, int day);

    /// <summary>The date the content was last updated.</summary>
    /// <param name="year">Year.</param>
    /// <param name="month">Month, 1-12.</param>
    /// <param name="day">Day of month.</param>
    TSelf LastUpdated(int year, int month, int day);

    /// <summary>The environment the document is about, e.g. "Production (eu-central-1)".</summary>
    /// <param name="environment">Environment.</param>
    TSelf Environment(string environment);

    /// <summary>Tags for search and grouping.</summary>
    /// <param name="tags">Tags; a blank one is left out.</param>
    /// <exception cref="ArgumentNullException">The array is null (the message names the call).</exception>
    TSelf Tags(params string[] tags);

    /// <summary>A free-form section: paragraphs, lists, tables, snippets and subsections.</summary>
    /// <param name="heading">Section heading.</param>
    /// <param name="content">Adds the content.</param>
    TSelf Section(string heading, Action<ISectionBuilder> content);
}

/// <summary>Describes a runbook.</summary>
public interface IRunbookBuilder : IDocumentBuilder<IRunbookBuilder>
{
    /// <summary>The severity this runbook is written for; the handbook says what it means.</summary>
    /// <param name="severity">Severity key, e.g. <c>Severity.P1</c>.</param>
    IRunbookBuilder Severity(Severity severity);

    /// <summary>What the on-call engineer sees when this runbook applies (alerts, errors, complaints).</summary>
    /// <param name="symptoms">Symptoms; a blank one is left out.</param>
    /// <exception cref="ArgumentNullException">The array is null (the message names the call).</exception>
    IRunbookBuilder Symptoms(params string[] symptoms);

    /// <summary>A phase without a time box.</summary>
    /// <param name="name">Phase name.</param>
    /// <param name="steps">Adds the steps.</param>
    IRunbookBuilder Phase(string name, Action<IPhaseBuilder> steps);

    /// <summary>A phase that should fit in a time window, e.g. <c>TimeBox.Minutes(0, 5)</c>.</summary>
    /// <param name="name">Phase name.</param>
    /// <param name="within">The time window: it starts at zero or later and does not end before it starts.</param>
    /// <param name="steps">Adds the steps.</param>
    IRunbookBuilder Phase(string name, TimeBox within, Action<IPhaseBuilder> steps);

    /// <summary>How to undo what the phases did. Runs when a step fails.</summary>
    /// <param name="steps">Adds the rollback steps.</param>
    IRunbookBuilder Rollback(Action<IPhaseBuilder> steps);

    /// <summary>States that there is nothing to roll back, and why.</summary>
    /// <param name="reason">Why no rollback is needed (e.g. "read-only diagnostics").</param>
    IRunbookBuilder NoRollback(string reason);

    /// <summary>How to prove the system is healthy again. Runs after every run.</summary>
    /// <param name="steps">Adds the verification steps.</param>
    IRunbookBuilder Verification(Action<IPhaseBuilder> steps);
}

/// <summary>Describes a handbook: the shared parts of an incident-response document.</summary>
public interface IHandbookBuilder : IDocumentBuilder<IHandbookBuilder>
{
    /// <summary>Defines what a severity key means.</summary>
    /// <param name="key">Key runbooks refer to, e.g. "P1".</param>
    /// <param name="name">Human name, e.g. "Critical".</param>
    /// <param name="definition">Response and resolution times and criteria.</param>
    IHandbookBuilder SeverityLevel(string key, string name, Action<ISeverityBuilder> definition);

    /// <summary>A service level objective.</summary>
    /// <param name="name">What is measured, e.g. "API Response Time".</param>
    /// <param name="target">The target, e.g. "&lt; 500ms (95th percentile)".</param>
    /// <param name="description">Optional detail.</param>
    IHandbookBuilder Slo(string name, string target, string? description = null);
}

/// <summary>Defines a severity level.</summary>
public interface ISeverityBuilder
{
    /// <summary>How quickly someone must respond.</summary>
    /// <param name="time">Response time, zero or more; <see cref="TimeSpan.Zero"/> means immediately.</param>
    ISeverityBuilder RespondWithin(TimeSpan time);

    /// <summary>How quickly the incident should be resolved.</summary>
    /// <param name="time">Resolution target, zero or more.</param>
    ISeverityBuilder ResolveWithin(TimeSpan time);

    /// <summary>When an incident has this severity.</summary>
    /// <param name="criteria">Criteria; a null one is refused when the handbook is recorded.</param>
    ISeverityBuilder Criteria(params string[] criteria);
}

/// <summary>Adds escalation levels.</summary>
public interface IEscalationBuilder
{
    /// <summary>An escalation level engaged once the incident has lasted <paramref name="after"/>.</summary>
    /// <param name="who">Who to escalate to.</param>
    /// <param name="after">Elapsed incident time, zero or more (zero: from the start).</param>
    /// <param name="contact">How to reach them.</param>
    IEscalationBuilder Level(string who, TimeSpan after, string? contact = null);
}

/// <summary>Adds steps to a phase, rollback or verification.</summary>
public interface IPhaseBuilder
{
    /// <summary>A numbered step.</summary>
    /// <param name="title">Step title.</param>
    /// <param name="step">Adds the step's actions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> or <paramref name="step"/> is null (the message names the phase).</exception>
    IPhaseBuilder Step(string title, Action<IStepBuilder> step);

    /// <summary>
    /// A decision: several alternative steps of which exactly one runs, or none. The runner asks once, when it reaches
    /// the group, which option to take ("Choose one: Mitigation strategy", the options numbered, and "none of these"),
    /// runs the chosen step and skips the others; a non-interactive run is told with
    /// <c>--choose "Mitigation strategy=Cache clear"</c> (the option's title or number, or <c>none</c>) and refuses to
    /// start without it. The page shows the group as one decision. Each option is an ordinary step: it may be
    /// destructive, or have a condition of its own, which is asked after it is chosen.
    /// <example>
    /// <code>
    /// .OneOf("Mitigation strategy", o => o
    ///     .Note("Pick the cheapest fix that addresses what the diagnosis found.")
    ///     .Step("Restart the service", s => s.Run("kubectl rollout restart deployment/api").RequiresConfirmation())
    ///     .Step("Clear the cache", s => s.Run("redis-cli FLUSHALL").RequiresConfirmation()))
    /// </code>
    /// </example>
    /// </summary>
    /// <param name="title">What is decided, as the operator reads it after "Choose one:" (<c>"Mitigation strategy"</c>); not empty.</param>
    /// <param name="options">Adds the options: at least two steps, with titles that differ.</param>
    /// <exception cref="ArgumentException">
    /// The title is empty, the group has fewer than two options, or two options share a title.
    /// </exception>
    IPhaseBuilder OneOf(string title, Action<IChoiceBuilder> options);
}

/// <summary>Adds the options of a <see cref="IPhaseBuilder.OneOf"/> group: each option is one step.</summary>
public interface IChoiceBuilder
{
    /// <summary>One option: a step that runs only when the operator chooses it.</summary>
    /// <param name="title">The option's title; the operator may choose it by this title (or its number).</param>
    /// <param name="step">Adds the step's actions.</param>
    IChoiceBuilder Step(string title, Action<IStepBuilder> step);

    /// <summary>
    /// Text shown with the decision, before its options, on the page and when the runner asks: what to weigh when
    /// choosing. A second note is added after the first.
    /// </summary>
    /// <param name="text">The note (markdown inline formatting allowed).</param>
    IChoiceBuilder Note(string text);
}

/// <summary>Adds content to a free-form section.</summary>
public interface ISectionBuilder
{
    /// <summary>A paragraph.</summary>
    /// <param name="text">Text (markdown inline formatting allowed).</param>
    ISectionBuilder Paragraph(string text);

    /// <summary>A bulleted list.</summary>
    /// <param name="items">Items; a null one is refused when the runbook is recorded.</param>
    ISectionBuilder Bullets(params string[] items);

    /// <summary>A numbered list.</summary>
    /// <param name="items">Items; a null one is refused when the runbook is recorded.</param>
    ISectionBuilder Numbered(params string[] items);

    /// <summary>A table.</summary>
    /// <param name="headers">Column headers.</param>
    /// <param name="rows">Rows; each row has one cell per header. A null header, row or cell is refused when the runbook is recorded.</param>
    ISectionBuilder Table(string[] headers, params string[][] rows);

    /// <summary>A verbatim code snippet.</summary>
    /// <param name="language">Language, e.g. "yaml".</param>
    /// <param name="code">Code, verbatim.</param>
    ISectionBuilder Snippet(string language, string code);

    /// <summary>A nested section.</summary>
    /// <param name="heading">Heading.</param>
    /// <param name="content">Adds the content.</param>
    ISectionBuilder Subsection(string heading, Action<ISectionBuilder> content);
}

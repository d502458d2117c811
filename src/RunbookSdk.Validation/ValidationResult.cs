namespace RunbookSdk.Validation;

/// <summary>How serious a finding is, after the project's severity configuration.</summary>
public enum FindingLevel
{
    /// <summary>Information (e.g. RB0016).</summary>
    Info,
    /// <summary>A warning: reported, does not fail validation.</summary>
    Warning,
    /// <summary>An error: validation fails.</summary>
    Error,
}

/// <summary>One diagnostic of a runbook project, or one stale docs page (rule <see cref="Finding.StaleDocsRule"/>).</summary>
/// <param name="RuleId">Diagnostic id (RB0001 …, CS…), or validation's own <see cref="StaleDocsRule"/>, <see cref="AnalyzersOffRule"/>, <see cref="MissingRunbookSdkRule"/> or <see cref="RunbookSdkVersionRule"/>.</param>
/// <param name="Level">Effective severity.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Path">File path relative to <see cref="ValidationResult.Root"/> with <c>/</c> separators, or null.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Project">The project's name.</param>
/// <param name="HelpUri">The rule's documentation page, or null.</param>
public sealed record Finding(string RuleId, FindingLevel Level, string Message, string? Path, int Line, int Column, string Project, string? HelpUri)
{
    /// <summary>Validation's own id for a generated docs page that is missing, different or no longer produced.</summary>
    public const string StaleDocsRule = "RBDOCS";

    /// <summary>
    /// Validation's own id for a project whose build runs no analyzers (<c>RunAnalyzers</c> or
    /// <c>RunAnalyzersDuringBuild</c> false): validation still runs them, and this warning says the build does not.
    /// </summary>
    public const string AnalyzersOffRule = "RBANALYZERS";

    /// <summary>
    /// Validation's own id for a runbook project whose build does not reference RunbookSdk (always an error: its
    /// <c>dotnet build</c> fails with CS0246, though validation, which always compiles against RunbookSdk, would not).
    /// </summary>
    public const string MissingRunbookSdkRule = "RBSDK";

    /// <summary>
    /// Validation's own id for a project that references another version of the RunbookSdk package than the one
    /// validation runs (a warning: the generator and analyzers its build runs are not the ones that judged it).
    /// </summary>
    public const string RunbookSdkVersionRule = "RBVERSION";

    /// <summary>1-based line the finding's span ends on, or 0 when its end is not known (a missing docs page, a project setting).</summary>
    public int EndLine { get; init; }

    /// <summary>
    /// 1-based column just past the finding's last character on <see cref="EndLine"/> (as SARIF's <c>endColumn</c>), or 0
    /// when not known. Carried so an annotation underlines what the analyzer flagged, not one character.
    /// </summary>
    public int EndColumn { get; init; }

    /// <summary><c>path(line,column)</c> or the project name when the finding has no file.</summary>
    public string Where => Path is null ? Project : Line > 0 ? $"{Path}({Line},{Column})" : Path;
}

/// <summary>One runbook's completeness, judged on its recorded plan after handbook inheritance.</summary>
/// <param name="Project">The project's name.</param>
/// <param name="Id">Runbook id.</param>
/// <param name="Title">Title.</param>
/// <param name="Severity">Severity key, or null.</param>
/// <param name="Escalation">Whether an escalation path applies (its own, or its handbook's).</param>
/// <param name="EscalationInherited">Whether the escalation comes from the handbook.</param>
/// <param name="Rollback">Whether it has a rollback or an explicit <c>NoRollback</c> waiver.</param>
/// <param name="RollbackWaived">Whether the rollback is waived with <c>NoRollback(reason)</c>.</param>
/// <param name="Verification">Whether it has verification.</param>
/// <param name="FindingsByRule">Findings located in the runbook's class, counted by rule id.</param>
/// <param name="Level">The worst finding in the runbook, or null when it has none.</param>
public sealed record RunbookRow(
    string Project, string Id, string Title, string? Severity,
    bool Escalation, bool EscalationInherited, bool Rollback, bool RollbackWaived, bool Verification,
    IReadOnlyDictionary<string, int> FindingsByRule, FindingLevel? Level)
{
    /// <summary>Whether every required section is there.</summary>
    public bool IsComplete => Escalation && Rollback && Verification;

    /// <summary>
    /// <c>error</c>, <c>warning</c> or <c>ok</c>: the worst finding, so a rule the project configured down (for example
    /// <c>dotnet_diagnostic.RB0002.severity = warning</c>) counts at the severity the project chose.
    /// </summary>
    public string Status => Level == FindingLevel.Error ? "error" : Level == FindingLevel.Warning ? "warning" : "ok";
}

/// <summary>How a project's checked-in docs folder differs from the pages the generator produces.</summary>
/// <param name="Directory">The docs folder, relative to the root.</param>
/// <param name="Checked">False when the project writes no docs (a library without a docs folder).</param>
/// <param name="Missing">Pages with no file.</param>
/// <param name="Stale">Pages whose file content differs.</param>
/// <param name="Extra">Generated files (first line is the marker) that no page produces any more.</param>
public sealed record DocsDrift(string Directory, bool Checked, IReadOnlyList<string> Missing, IReadOnlyList<string> Stale, IReadOnlyList<string> Extra)
{
    /// <summary>Whether the folder matches the generated pages (or was not checked).</summary>
    public bool IsCurrent => Missing.Count == 0 && Stale.Count == 0 && Extra.Count == 0;
}

/// <summary>What validation found in one project.</summary>
/// <param name="Name">Project name.</param>
/// <param name="ProjectFile">Project file, relative to the root.</param>
/// <param name="Runbooks">One row per runbook, ordered by id.</param>
/// <param name="Findings">All findings, including stale docs, ordered by path and line.</param>
/// <param name="Docs">The docs comparison.</param>
public sealed record ProjectResult(string Name, string ProjectFile, IReadOnlyList<RunbookRow> Runbooks, IReadOnlyList<Finding> Findings, DocsDrift Docs);

/// <summary>The outcome of validating a path.</summary>
/// <param name="Root">Paths in findings are relative to this folder (the git work tree, else the validated folder).</param>
/// <param name="Projects">Runbook projects found, ordered by path.</param>
public sealed record ValidationResult(string Root, IReadOnlyList<ProjectResult> Projects)
{
    /// <summary>
    /// Why no project was validated when the cause is not a missing <c>[Runbook]</c>: a solution whose configuration
    /// builds no project (<c>dotnet build</c> of it builds nothing) names that configuration here; otherwise null.
    /// </summary>
    public string? NoProjectReason { get; init; }

    /// <summary>Every runbook row of every project.</summary>
    public IEnumerable<RunbookRow> Runbooks => Projects.SelectMany(p => p.Runbooks);

    /// <summary>Every finding of every project.</summary>
    public IEnumerable<Finding> Findings => Projects.SelectMany(p => p.Findings);

    /// <summary>Whether any finding is an error (stale docs are errors). A missing section is an error through RB0001-RB0003 unless the project configured that rule down.</summary>
    public bool HasErrors => Findings.Any(f => f.Level == FindingLevel.Error);

    /// <summary>Whether any project's docs are stale.</summary>
    public bool HasStaleDocs => Projects.Any(p => !p.Docs.IsCurrent);

    /// <summary>Whether validation passed: no error-level finding, docs current, at least one runbook project found.</summary>
    public bool Passed => !HasErrors && !HasStaleDocs && Projects.Count > 0;

    /// <summary>0 when <see cref="Passed"/>, else 1.</summary>
    public int ExitCode => Passed ? 0 : 1;

    /// <summary>Number of findings at <paramref name="level"/>.</summary>
    /// <param name="level">The level to count.</param>
    public int Count(FindingLevel level) => Findings.Count(f => f.Level == level);
}

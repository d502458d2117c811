using Microsoft.CodeAnalysis;
using RunbookSdk.Execution;
using RunbookSdk.Validation.Compiling;
using RunbookSdk.Validation.Docs;
using RunbookSdk.Validation.Projects;

namespace RunbookSdk.Validation;

/// <summary>
/// <c>runbook validate</c>: finds the runbook projects behind a path, compiles each in memory with the generator and
/// every analyzer, judges each runbook's completeness and compares the checked-in docs with the generated pages.
/// </summary>
public static class RunbookValidator
{
    private static readonly IReadOnlySet<string> NoPages = new HashSet<string>();

    /// <summary>Validates the runbook projects behind <paramref name="path"/>.</summary>
    /// <param name="path">A project file, a solution or a folder.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ValidationInputException">The path does not exist or is not a project, solution or folder.</exception>
    public static Task<ValidationResult> ValidateAsync(string path, CancellationToken cancellationToken = default) =>
        ValidateAsync(path, new ValidationOptions(), cancellationToken);

    /// <summary>Validates the runbook projects behind <paramref name="path"/> as a build with <paramref name="options"/> compiles them.</summary>
    /// <param name="path">A project file, a solution or a folder.</param>
    /// <param name="options">The build validated (its configuration).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ValidationInputException">The path does not exist or is not a project, solution or folder.</exception>
    public static async Task<ValidationResult> ValidateAsync(string path, ValidationOptions options, CancellationToken cancellationToken = default)
    {
        var projects = ProjectDiscovery.Find(path, options.GlobalProperties());
        var root = RootFor(path);
        var results = new List<ProjectResult>();
        // A referenced project validated in its own right reports its own setup findings: once, under its own name.
        var validated = projects.Select(p => p.ProjectFile).ToHashSet(StringComparer.Ordinal);
        foreach (var project in projects)
            results.Add(await ValidateProjectAsync(project, root, validated, options.Added, cancellationToken).ConfigureAwait(false));

        // "No runbook project found" sends an author looking for a [Runbook] attribute; a solution that builds nothing needs another fix.
        return new ValidationResult(root, SharedDocsFolders.Flag(results))
        {
            NoProjectReason = results.Count == 0 ? ProjectDiscovery.WhyNoProject(path, options.GlobalProperties()) : null,
        };
    }

    /// <summary>
    /// One project, compiled once per target framework as a build compiles it (one target: one compilation, as
    /// before), so code behind <c>#if NET8_0</c> or code that fails for one target only is seen.
    /// </summary>
    private static async Task<ProjectResult> ValidateProjectAsync(RunbookProject project, string root, IReadOnlySet<string> validated,
        AddedExtensions added, CancellationToken cancellationToken)
    {
        var targets = project.TargetFrameworks;
        if (targets.Count < 2)
        {
            // <TargetFrameworks>net10.0</TargetFrameworks> is still an inner build with TargetFramework as a global property.
            var single = targets.Count == 1 && project.Properties["TargetFramework"] is null ? ProjectDiscovery.ForTarget(project, targets[0]) : project;
            return Judge(await ProjectCompiler.CompileAsync(single, added, cancellationToken).ConfigureAwait(false), root, validated, NoPages);
        }

        var compiled = new List<CompiledProject>();
        foreach (var target in targets)
            compiled.Add(await ProjectCompiler.CompileAsync(ProjectDiscovery.ForTarget(project, target), added, cancellationToken).ConfigureAwait(false));

        // The docs folder holds one set of pages: it is compared with the first target's, and a page only another
        // target generates (a runbook behind #if NET8_0) is not called extra.
        var otherPages = compiled.Skip(1).SelectMany(c => PageNames(c)).ToHashSet(StringComparer.Ordinal);
        var perTarget = compiled.Select((c, i) => (targets[i], Judge(c, root, validated, otherPages, checkDocs: i == 0))).ToArray();
        return MultiTargetMerge.Merge(perTarget);
    }

    private static IEnumerable<string> PageNames(CompiledProject compiled)
    {
        var generatedTrees = GeneratedTrees(compiled);
        var names = GeneratedPages.Descriptors(compiled.Compilation, generatedTrees).Select(d => d.FileName);
        return GeneratedPages.Index(generatedTrees) is null ? names : names.Append(GeneratedPages.IndexFileName);
    }

    private static SyntaxTree[] GeneratedTrees(CompiledProject compiled) =>
        compiled.Compilation.SyntaxTrees.Where(t => !compiled.Project.Sources.Contains(t.FilePath, StringComparer.Ordinal)).ToArray();

    /// <summary>
    /// The folder findings are relative to: the git work tree holding <paramref name="path"/>; else, in GitHub Actions,
    /// the workspace holding it (<c>GITHUB_WORKSPACE</c>: a checkout without git, which <c>actions/checkout</c> makes as
    /// a tarball on a runner without git, is still the repository); else its folder.
    /// </summary>
    /// <param name="path">The validated path.</param>
    public static string RootFor(string path) => RootFor(path, Environment.GetEnvironmentVariable("GITHUB_WORKSPACE"));

    /// <inheritdoc cref="RootFor(string)"/>
    /// <param name="path">The validated path.</param>
    /// <param name="workspace">The GitHub Actions workspace, or null outside it.</param>
    internal static string RootFor(string path, string? workspace)
    {
        var full = Path.GetFullPath(path);
        var start = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git"))) return directory.FullName;
        // Annotations need paths from the repository's root: relative to the validated folder, `runbook validate
        // services/payments` annotated Payments/x.cs, a file the pull request does not have.
        if (workspace is { Length: > 0 } && Path.GetFullPath(workspace).TrimEnd(Path.DirectorySeparatorChar) is var root
            && (start == root || start.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            return root;
        return start;
    }

    /// <param name="compiled">The compiled project.</param>
    /// <param name="root">The folder paths are relative to.</param>
    /// <param name="validated">Full paths of the projects this run validates.</param>
    /// <param name="pagesOfOtherTargets">Pages another target framework generates: never extra.</param>
    /// <param name="checkDocs">False for the targets after the first, whose docs are not compared.</param>
    private static ProjectResult Judge(CompiledProject compiled, string root, IReadOnlySet<string> validated, IReadOnlySet<string> pagesOfOtherTargets, bool checkDocs = true)
    {
        var project = compiled.Project;
        var generatedTrees = GeneratedTrees(compiled);
        var descriptors = GeneratedPages.Descriptors(compiled.Compilation, generatedTrees);

        var diagnostics = compiled.Diagnostics
            .Where(d => !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden)
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("RB", StringComparison.Ordinal) || ToolFailures.IsFailure(d))
            .Select(d => ToolFailures.AsValidated(GeneratorLocations.InSource(d, compiled.Compilation), compiled.Compilation))
            .Distinct()
            .ToArray();
        var findings = diagnostics.Select(d => ToFinding(d, project.Name, root))
            // RB0106 is about the project's references, which no source line holds: the fix goes in the project file.
            .Select(f => f is { RuleId: "RB0106", Path: null } ? f with { Path = Relative(project.ProjectFile, root), Line = 1, Column = 1 } : f)
            .ToList();
        var referenced = compiled.ReferencedProjects.Where(r => !validated.Contains(r.ProjectFile));
        findings.AddRange(ProjectSetupFindings.For(project, referenced, path => Relative(path, root)));

        // Counted before the docs findings join: these are what fails the project's build, and so `runbook docs` too.
        var buildErrors = findings.Count(f => f.Level == FindingLevel.Error);
        var docs = checkDocs
            ? CheckDocs(project, descriptors, generatedTrees, pagesOfOtherTargets, root, buildErrors, findings)
            : new DocsDrift(Relative(project.DocsDirectory, root), false, [], [], []);

        var plans = RecordedPlans.Record(compiled.Compilation, compiled.References);
        // A runbook the generator refused or failed on has no page, but has a row: the table lists every runbook.
        var rows = descriptors.Where(d => d.Kind == "runbook")
            .Concat(UngeneratedRunbooks.Find(compiled.Compilation, project.Sources, descriptors))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => Row(d, diagnostics, plans, project.Name)).ToArray();
        var ordered = findings.OrderBy(f => f.Path ?? "", StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToArray();
        return new ProjectResult(project.Name, Relative(project.ProjectFile, root), rows, ordered, docs);
    }

    private static RunbookRow Row(GeneratedDescriptor descriptor, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, RequiredSections> plans, string project)
    {
        var spans = descriptor.Type?.DeclaringSyntaxReferences ?? [];
        var own = diagnostics.Where(d => d.Location.IsInSource && spans.Any(s => s.SyntaxTree == d.Location.SourceTree && s.Span.Contains(d.Location.SourceSpan))).ToArray();
        var byRule = own.GroupBy(d => d.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // The recorded plan is the truth; when it cannot be recorded, the section rules' verdict stands in.
        var presence = plans.TryGetValue(descriptor.Id, out var recorded)
            ? recorded
            : new RequiredSections(!byRule.ContainsKey("RB0001"), false, !byRule.ContainsKey("RB0002"), false, !byRule.ContainsKey("RB0003"));
        FindingLevel? level = own.Length == 0 ? null : own.Max(d => Level(d.Severity));
        return new RunbookRow(project, descriptor.Id, descriptor.Title, descriptor.Severity,
            presence.Escalation, presence.EscalationInherited, presence.Rollback, presence.RollbackWaived, presence.Verification, byRule, level);
    }

    private static DocsDrift CheckDocs(RunbookProject project, IReadOnlyList<GeneratedDescriptor> descriptors, IReadOnlyList<SyntaxTree> generatedTrees,
        IReadOnlySet<string> pagesOfOtherTargets, string root, int buildErrors, List<Finding> findings)
    {
        var directory = project.DocsDirectory;
        var relativeDirectory = Relative(directory, root);
        // A project whose build writes no docs (a library, an app with its own Main) has pages only if it keeps a docs
        // folder; only then is there something to compare.
        if (!project.BuildWritesDocs && !Directory.Exists(directory)) return new DocsDrift(relativeDirectory, false, [], [], []);

        var pages = descriptors.Select(d => new DocsPage(d.FileName, d.Documentation)).ToList();
        if (GeneratedPages.Index(generatedTrees) is { } index) pages.Add(new DocsPage(GeneratedPages.IndexFileName, index));

        var (missing, stale, allExtra) = DocsComparison.Compare(pages, directory);
        var extra = allExtra.Where(file => !pagesOfOtherTargets.Contains(file)).ToArray();
        // `runbook docs PROJECT` writes a project's own pages, an app's or a library's (a shared handbook project's). An
        // app's build outside CI writes them too; a library's build writes none. An app's docs command is no fix for a
        // library: it writes the app's pages and removes the library's as no longer generated.
        // A command to paste into a shell: a path with a space or an & is quoted, as a shell needs it.
        var command = $"run `runbook docs {ShellWord(Relative(project.ProjectFile, root))}`";
        var fix = project.BuildWritesDocs ? $"{command} (or build the project outside CI) and commit the docs folder" : $"{command} and commit the docs folder";
        // `runbook docs` builds the project first, and a build with errors writes no page: sent there, the author got
        // the same errors again instead of pages. The errors come first; the pages compared are what the code would
        // generate once they are fixed.
        if (buildErrors > 0)
            fix = $"fix the {buildErrors} error(s) reported for {project.Name} first (it does not build, so no command can write its pages yet), then {fix}";
        foreach (var file in missing)
            findings.Add(new Finding(Finding.StaleDocsRule, FindingLevel.Error, $"Generated page '{file}' is missing from {relativeDirectory}; {fix}.", Relative(Path.Combine(directory, file), root), 0, 0, project.Name, null));
        foreach (var (file, line) in stale)
            findings.Add(new Finding(Finding.StaleDocsRule, FindingLevel.Error, $"'{file}' differs from the generated page from line {line}; {fix}.", Relative(Path.Combine(directory, file), root), line, 1, project.Name, null));
        foreach (var file in extra)
            findings.Add(new Finding(Finding.StaleDocsRule, FindingLevel.Error, $"'{file}' is a generated page no runbook produces any more; delete it or {fix}.", Relative(Path.Combine(directory, file), root), 1, 1, project.Name, null));
        return new DocsDrift(relativeDirectory, true, missing, stale.Select(s => s.File).ToArray(), extra);
    }

    /// <summary><paramref name="word"/> as one word of a POSIX shell: as it is when it holds only safe characters, else in single quotes.</summary>
    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '@' or '%' or ',' or '=')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static Finding ToFinding(Diagnostic diagnostic, string project, string root)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var path = diagnostic.Location.IsInSource && span.Path is { Length: > 0 } file ? Relative(file, root) : null;
        return new Finding(diagnostic.Id, Level(diagnostic.Severity), diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), path,
            path is null ? 0 : span.StartLinePosition.Line + 1, path is null ? 0 : span.StartLinePosition.Character + 1, project,
            string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri) ? null : diagnostic.Descriptor.HelpLinkUri)
        {
            // The analyzer's span end, so an annotation underlines the flagged code rather than its first character.
            EndLine = path is null ? 0 : span.EndLinePosition.Line + 1,
            EndColumn = path is null ? 0 : span.EndLinePosition.Character + 1,
        };
    }

    private static FindingLevel Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => FindingLevel.Error,
        DiagnosticSeverity.Warning => FindingLevel.Warning,
        _ => FindingLevel.Info,
    };

    private static string Relative(string path, string root) =>
        Path.IsPathRooted(path) ? Path.GetRelativePath(root, path).Replace('\\', '/') : path.Replace('\\', '/');
}

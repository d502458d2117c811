using RunbookSdk.Validation.Projects;

namespace RunbookSdk.Validation;

/// <summary>
/// Findings about how a runbook project is set up rather than about its code: where validation's verdict and the
/// project's own <c>dotnet build</c> would part ways, the report says so on the project file.
/// </summary>
internal static class ProjectSetupFindings
{
    /// <summary>The setup findings of <paramref name="project"/>.</summary>
    /// <param name="project">The project as validated.</param>
    /// <param name="referenced">The projects it references, directly or not, as read for its build.</param>
    /// <param name="relative">A full path made relative to the report's root.</param>
    public static IEnumerable<Finding> For(RunbookProject project, IEnumerable<RunbookProject> referenced, Func<string, string> relative)
    {
        var projectFile = relative(project.ProjectFile);
        // The compiler names only the missing file (CSC : error CS2001); the item that names it is what to fix.
        foreach (var (path, item) in project.MissingSources)
            yield return new Finding("CS2001", FindingLevel.Error,
                $"Source file '{relative(path)}' could not be found: <{item.ItemType} {item.Operation}=\"{item.Written}\" /> names a file that "
                + "does not exist, so its dotnet build fails with CS2001; add the file or remove the item.",
                relative(item.File), item.Line, item.Column, project.Name, null);

        // dotnet build of the runbook project builds the projects it references first: one failing with CS2001 fails it.
        foreach (var reference in referenced)
        {
            var how = project.ProjectReferences.Contains(reference.ProjectFile, StringComparer.Ordinal) ? "references" : "references through another project";
            foreach (var (path, item) in reference.MissingSources)
                yield return new Finding("CS2001", FindingLevel.Error,
                    $"Source file '{relative(path)}' could not be found: <{item.ItemType} {item.Operation}=\"{item.Written}\" /> in "
                    + $"{Path.GetFileName(reference.ProjectFile)}, which {project.Name} {how}, names a file that does not exist, so "
                    + $"the dotnet build of {Path.GetFileName(reference.ProjectFile)} fails with CS2001, and {project.Name}'s with it; add the file or remove the item.",
                    relative(item.File), item.Line, item.Column, project.Name, null);
        }

        if (RunbookSdkReference.Of(project) == RunbookSdkReferenceState.Absent)
            yield return new Finding(Finding.MissingRunbookSdkRule, FindingLevel.Error,
                $"{project.Name} does not reference RunbookSdk, so its dotnet build fails with CS0246 (the type or namespace "
                + $"'RunbookSdk' could not be found); add <PackageReference Include=\"RunbookSdk\" Version=\"{SdkVersion}\" /> to "
                + $"{Path.GetFileName(project.ProjectFile)} (dotnet add package RunbookSdk), or a ProjectReference to RunbookSdk.csproj "
                + "when building RunbookSdk from source.",
                projectFile, 1, 1, project.Name, null);

        // validate compiles with the RunbookSdk it ships with: a project on another version is judged by rules its
        // build does not run (a newer package's rules are missing here, its new APIs fail to compile as CS1061).
        if (RunbookSdkPackageVersion.Of(project) is { } referencedVersion && !RunbookSdkPackageVersion.Same(referencedVersion.Version, RunbookSdkPackageVersion.Running))
            yield return new Finding(Finding.RunbookSdkVersionRule, FindingLevel.Warning,
                $"{project.Name} references RunbookSdk {referencedVersion.Version}, but this runbook tool is {RunbookSdkPackageVersion.Running}: "
                + $"its runbooks were judged by the generator and analyzers of RunbookSdk {RunbookSdkPackageVersion.Running}, not by those of "
                + $"{referencedVersion.Version} that its dotnet build runs, so the two may disagree. Install the tool at the package's version "
                + $"(dotnet tool install RunbookSdk.Cli --version {referencedVersion.Version}; RUNBOOK_TOOL_VERSION in the workflow template), or bump both together.",
                relative(referencedVersion.File), referencedVersion.Line, referencedVersion.Column, project.Name, null);

        // The compiler refuses a <Nullable> it does not know (a typo such as "enabled") and the build fails; compiled
        // here with nullable off instead, the project passed validation.
        if (UnknownNullable(project.Properties) is { } nullable)
            yield return new Finding("CS8636", FindingLevel.Error,
                $"Invalid option '{nullable}' for /nullable; must be 'disable', 'enable', 'warnings' or 'annotations': {project.Name} sets "
                + $"<Nullable>{nullable}</Nullable>, so its dotnet build fails with CS8636.",
                projectFile, 1, 1, project.Name, null);

        if (AnalyzersOff(project.Properties) is { } setting)
            yield return new Finding(Finding.AnalyzersOffRule, FindingLevel.Warning,
                $"{project.Name} sets {setting}=false, so its dotnet build reports no RB finding; validate runs every RB analyzer "
                + "anyway, as the CI gate for runbook completeness. Remove the setting to see these findings in the build and the IDE.",
                projectFile, 1, 1, project.Name, null);
    }

    // The version validate itself ships with: the one whose rules it checks.
    private static string SdkVersion => typeof(Runbook).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "*";

    // The values the compiler's /nullable takes, in any case (MSBuild passes the property as written).
    private static string? UnknownNullable(ProjectProperties properties) =>
        properties["Nullable"]?.Trim() is { Length: > 0 } value
        && !new[] { "enable", "disable", "warnings", "annotations" }.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? value
            : null;

    // Either property keeps the analyzers out of the build (RunAnalyzers also out of the IDE); the generator still runs.
    private static string? AnalyzersOff(ProjectProperties properties) =>
        new[] { "RunAnalyzers", "RunAnalyzersDuringBuild" }
            .FirstOrDefault(name => string.Equals(properties[name]?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
}

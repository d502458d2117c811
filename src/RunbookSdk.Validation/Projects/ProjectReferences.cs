namespace RunbookSdk.Validation.Projects;

/// <summary>
/// The projects a project references for their code — <c>&lt;ProjectReference Include="..."/&gt;</c> in the project
/// file or its <c>Directory.Build.*</c> files, such as a handbook project shared by several runbook apps. Like the rest
/// of validation, MSBuild is not evaluated: items with a path made of literals and known properties
/// (<c>$(MSBuildThisFileDirectory)</c>, <c>$(MSBuildProjectDirectory)</c>, properties read here) whose conditions hold
/// (<see cref="ProjectItems"/>) are read; references that bring no code (<c>OutputItemType="Analyzer"</c>,
/// <c>ReferenceOutputAssembly="false"</c>) and RunbookSdk's own projects (validation compiles against RunbookSdk as
/// shipped) are left out.
/// </summary>
internal static class ProjectReferences
{
    /// <summary>Full paths of the projects <paramref name="projectFile"/> references, in the order written.</summary>
    /// <param name="projectFile">Full path of a <c>.csproj</c>.</param>
    /// <param name="items">Its items.</param>
    /// <exception cref="ValidationInputException">A referenced project does not exist.</exception>
    public static IReadOnlyList<string> Read(string projectFile, ProjectItems items)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var references = new List<string>();
        foreach (var item in items.OfType("ProjectReference"))
        {
            if (item.Operation == "Remove")
            {
                references.RemoveAll(reference => MsBuildGlob.Parse(item.Value, directory).Any(g => g.Removes(reference)));
                continue;
            }

            if (item.Operation != "Include") continue;
            if (item.Metadata("OutputItemType") is { } kind && kind.Equals("Analyzer", StringComparison.OrdinalIgnoreCase)) continue;
            if (item.Metadata("ReferenceOutputAssembly") is { } output && output.Equals("false", StringComparison.OrdinalIgnoreCase)) continue;

            foreach (var path in item.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (path.Contains('*')) continue;
                var full = Path.GetFullPath(path.Replace('\\', Path.DirectorySeparatorChar), directory);
                if (IsRunbookSdk(full)) continue;
                if (!File.Exists(full))
                    throw new ValidationInputException($"{item.File}({item.Line}): references '{item.Written}', which does not exist.");
                if (!references.Contains(full, StringComparer.Ordinal)) references.Add(full);
            }
        }

        return references;
    }

    /// <summary>Whether <paramref name="projectFile"/> is RunbookSdk itself (RunbookSdk.csproj), the reference a runbook project needs.</summary>
    /// <param name="projectFile">A project file path.</param>
    public static bool IsRunbookSdkProject(string projectFile) =>
        Path.GetFileName(projectFile.Replace('\\', '/')).Equals("RunbookSdk.csproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="projectFile"/> is one of RunbookSdk's own projects (RunbookSdk, RunbookSdk.Generators, …).</summary>
    /// <param name="projectFile">A project file path.</param>
    public static bool IsRunbookSdk(string projectFile)
    {
        var name = Path.GetFileNameWithoutExtension(projectFile);
        return name.Equals("RunbookSdk", StringComparison.OrdinalIgnoreCase) || name.StartsWith("RunbookSdk.", StringComparison.OrdinalIgnoreCase);
    }
}

using System.Xml.Linq;

namespace RunbookSdk.Validation.Projects;

/// <summary>Whether a project's build references RunbookSdk, as far as can be told without MSBuild.</summary>
internal enum RunbookSdkReferenceState
{
    /// <summary>It does: the package, RunbookSdk.csproj, or either through a project it references.</summary>
    Present,

    /// <summary>Every file and item that could bring it was read, and none does: the build fails with CS0246.</summary>
    Absent,

    /// <summary>A file or item that may bring it was not understood (an import not followed, a custom SDK, a condition or path not read).</summary>
    Unknown,
}

/// <summary>
/// Finds the reference to RunbookSdk a project's build compiles against. Validation always compiles against
/// RunbookSdk, so without this a project whose <c>dotnet build</c> fails with CS0246 passed CI. References flow
/// through <c>ProjectReference</c>s, as NuGet and MSBuild pass them on.
/// </summary>
internal static class RunbookSdkReference
{
    private const string PackageId = "RunbookSdk";

    /// <summary>Whether <paramref name="project"/>'s build references RunbookSdk.</summary>
    /// <param name="project">A project as validated.</param>
    public static RunbookSdkReferenceState Of(RunbookProject project) =>
        Of(project.Properties, project.Items, project.ProjectReferences, project.GlobalProperties, new HashSet<string>(StringComparer.Ordinal) { project.ProjectFile });

    private static RunbookSdkReferenceState Of(ProjectProperties properties, ProjectItems? items, IReadOnlyList<string> references,
        IReadOnlyDictionary<string, string> globalProperties, HashSet<string> seen)
    {
        if (items is null) return RunbookSdkReferenceState.Unknown;
        if (DeclaresOwn(properties, items)) return RunbookSdkReferenceState.Present;

        var state = properties.SkippedImports || !IsPlainSdk(properties.ProjectFile)
            || items.Incomplete("PackageReference") || items.Incomplete("ProjectReference") || items.Incomplete("Reference")
            ? RunbookSdkReferenceState.Unknown
            : RunbookSdkReferenceState.Absent;

        // MSBuild passes a referenced project the same global properties (Configuration), but not TargetFramework.
        var globals = globalProperties.Where(p => !p.Key.Equals("TargetFramework", StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var file in references.Where(seen.Add))
        {
            var referenced = ProjectDiscovery.Load(file, globals);
            var inner = Of(referenced.Properties, referenced.Items, referenced.ProjectReferences, globals, seen);
            if (inner == RunbookSdkReferenceState.Present) return inner;
            if (inner == RunbookSdkReferenceState.Unknown) state = inner;
        }

        return state;
    }

    /// <summary>
    /// Whether <paramref name="project"/> gets the RunbookSdk package only through a project it references: NuGet then
    /// hands it the package's generator in the mode that generates nothing and reports RB0106
    /// (<c>buildTransitive/RunbookSdk.targets</c>), unless it is a test project, which keeps none of it.
    /// </summary>
    /// <param name="project">A project as validated.</param>
    public static bool OnlyThroughAReferencedProject(RunbookProject project) =>
        project.Items is { } items && !DeclaresOwn(project.Properties, items) && !ProjectDiscovery.IsTestProject(project.ProjectFile, project.Properties)
        && PackageThroughReferences(project.ProjectReferences, project.GlobalProperties, new HashSet<string>(StringComparer.Ordinal) { project.ProjectFile });

    // Whether a project referenced, directly or not, has the package: NuGet passes it on (with its buildTransitive targets).
    private static bool PackageThroughReferences(IReadOnlyList<string> references, IReadOnlyDictionary<string, string> globalProperties, HashSet<string> seen)
    {
        var globals = globalProperties.Where(p => !p.Key.Equals("TargetFramework", StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var file in references.Where(seen.Add))
        {
            var referenced = ProjectDiscovery.Load(file, globals);
            if (referenced.Items is { } items && (items.OfType("PackageReference").Any(i => i.Operation == "Include" && Names(i, PackageId)) || CentralGlobalPackageReference(file)))
                return true;
            if (PackageThroughReferences(referenced.ProjectReferences, globals, seen)) return true;
        }

        return false;
    }

    // The package, RunbookSdk.csproj or RunbookSdk.dll named by the project itself (its Directory.Build.* files included).
    private static bool DeclaresOwn(ProjectProperties properties, ProjectItems items) =>
        items.OfType("PackageReference").Any(i => i.Operation == "Include" && Names(i, PackageId))
        || items.OfType("ProjectReference").Any(i => i.Operation == "Include" && Paths(i).Any(ProjectReferences.IsRunbookSdkProject))
        || items.OfType("Reference").Any(i => i.Operation == "Include" && (Names(i, PackageId) || i.Metadata("HintPath") is { } hint && Path.GetFileName(hint.Replace('\\', '/')).Equals(PackageId + ".dll", StringComparison.OrdinalIgnoreCase)))
        || CentralGlobalPackageReference(properties.ProjectFile);

    private static bool Names(ProjectItem item, string id) =>
        item.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(name => name.Split(',')[0].Trim().Equals(id, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Paths(ProjectItem item) =>
        item.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Microsoft.NET.Sdk and its flavours (.Web, .Worker) add no package of ours; another SDK might.
    private static bool IsPlainSdk(string projectFile)
    {
        var root = XDocument.Load(projectFile).Root;
        var sdks = (root?.Attribute("Sdk")?.Value.Split(';') ?? [])
            .Concat(root?.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => e.Attribute("Name")?.Value ?? "") ?? []);
        return sdks.All(sdk => sdk.Trim().Split('/')[0].StartsWith("Microsoft.NET.Sdk", StringComparison.OrdinalIgnoreCase));
    }

    // With central package management, a GlobalPackageReference in Directory.Packages.props reaches every project.
    private static bool CentralGlobalPackageReference(string projectFile)
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(projectFile)!); directory is not null; directory = directory.Parent)
        {
            var file = Path.Combine(directory.FullName, "Directory.Packages.props");
            if (!File.Exists(file)) continue;
            try
            {
                return XDocument.Load(file).Descendants().Any(e => e.Name.LocalName == "GlobalPackageReference"
                    && string.Equals(e.Attribute("Include")?.Value.Trim(), PackageId, StringComparison.OrdinalIgnoreCase));
            }
            catch (System.Xml.XmlException)
            {
                return false;
            }
        }

        return false;
    }
}

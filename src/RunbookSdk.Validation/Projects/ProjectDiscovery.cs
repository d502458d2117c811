namespace RunbookSdk.Validation.Projects;

/// <summary>
/// Finds the runbook projects behind a path: a project file, a solution (<c>.sln</c> or <c>.slnx</c>) or a folder
/// searched recursively; of a solution, the projects its configuration builds (<see cref="SolutionFile"/>). A runbook
/// project is one whose own sources carry <c>[Runbook]</c> or <c>[Handbook]</c>.
/// Test projects found through a solution or a folder are skipped (their fixtures are not the team's runbooks);
/// a test project named directly is validated.
/// </summary>
public static class ProjectDiscovery
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "artifacts"];

    /// <summary>Finds the runbook projects behind <paramref name="path"/>, ordered by path.</summary>
    /// <param name="path">A <c>.csproj</c>, <c>.sln</c>, <c>.slnx</c> or folder.</param>
    /// <exception cref="ValidationInputException">The path does not exist or is not one of those, a solution's configuration
    /// builds a project that does not exist, or a solution or project file is not valid XML.</exception>
    public static IReadOnlyList<RunbookProject> Find(string path) => Find(path, new Dictionary<string, string>());

    /// <summary>Finds the runbook projects behind <paramref name="path"/>, read with MSBuild global properties, ordered by path.</summary>
    /// <param name="path">A <c>.csproj</c>, <c>.sln</c>, <c>.slnx</c> or folder.</param>
    /// <param name="globalProperties">Global properties, such as the <c>Configuration</c> of <c>dotnet build -c Release</c>.</param>
    /// <exception cref="ValidationInputException">The path does not exist or is not one of those, a solution's configuration
    /// builds a project that does not exist, or a solution or project file is not valid XML.</exception>
    public static IReadOnlyList<RunbookProject> Find(string path, IReadOnlyDictionary<string, string> globalProperties)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return Select(ProjectFilesUnder(full).Select(file => new SolutionProject(file, globalProperties)), named: false);
        if (!File.Exists(full)) throw new ValidationInputException($"'{path}' does not exist.");
        return Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".csproj" => Select([new SolutionProject(full, globalProperties)], named: true),
            // dotnet build x.sln passes each project the configuration the solution maps it to (Debug|AnyCPU, or
            // -c's, unless mapped otherwise), so even a Directory.Build.props sees Configuration and Platform.
            ".sln" or ".slnx" => Select(SolutionFile.Read(path, globalProperties).Projects, named: false),
            _ => throw new ValidationInputException($"'{path}' is not a project (.csproj), a solution (.sln, .slnx) or a folder."),
        };
    }

    /// <summary>
    /// Why <see cref="Find(string, IReadOnlyDictionary{string, string})"/> found no project other than a missing
    /// <c>[Runbook]</c>: the solution <paramref name="path"/> names builds no project in the configuration built. Null otherwise.
    /// </summary>
    /// <param name="path">The path validated.</param>
    /// <param name="globalProperties">Global properties, such as the <c>Configuration</c> of <c>-c</c>.</param>
    internal static string? WhyNoProject(string path, IReadOnlyDictionary<string, string> globalProperties) =>
        Path.GetExtension(path).ToLowerInvariant() is ".sln" or ".slnx" && File.Exists(path)
            ? SolutionFile.Read(path, globalProperties).NothingBuiltReason
            : null;

    /// <summary>
    /// The C# sources of a project as a plain <c>dotnet build</c> compiles them: its <c>Compile</c> items (by default
    /// every <c>.cs</c> below its folder, nested projects' too, except its own <c>bin/</c> and <c>obj/</c>, dot-folders and
    /// <c>DefaultItemExcludes</c>; <c>Compile Include</c> and <c>Remove</c> applied).
    /// </summary>
    /// <param name="projectFile">Full path of the project file.</param>
    public static IReadOnlyList<string> SourcesOf(string projectFile)
    {
        var properties = ProjectProperties.Read(projectFile);
        return CompileItems.Of(properties, ProjectItems.Read(properties)).Sources;
    }

    private static IReadOnlyList<RunbookProject> Select(IEnumerable<SolutionProject> projectFiles, bool named)
    {
        var projects = new List<RunbookProject>();
        foreach (var (file, globalProperties) in projectFiles.Select(p => p with { ProjectFile = Path.GetFullPath(p.ProjectFile) })
            .DistinctBy(p => p.ProjectFile, StringComparer.Ordinal).OrderBy(p => p.ProjectFile, StringComparer.Ordinal))
        {
            if (!File.Exists(file)) continue;
            var properties = ProjectProperties.Read(file, globalProperties);
            if (!named && IsTestProject(file, properties)) continue;
            var items = ProjectItems.Read(properties);
            var compile = CompileItems.Of(properties, items);
            if (compile.Sources.Any(DeclaresRunbooks)) projects.Add(Load(properties, items, compile, globalProperties));
        }

        return projects;
    }

    /// <summary>A project as validation compiles it, runbooks or not (a referenced project may hold none).</summary>
    /// <param name="projectFile">Full path of the project file.</param>
    /// <param name="globalProperties">The global properties it is read with.</param>
    internal static RunbookProject Load(string projectFile, IReadOnlyDictionary<string, string> globalProperties)
    {
        var properties = ProjectProperties.Read(projectFile, globalProperties);
        var items = ProjectItems.Read(properties);
        return Load(properties, items, CompileItems.Of(properties, items), globalProperties);
    }

    /// <summary>
    /// <paramref name="project"/> as the inner build for <paramref name="targetFramework"/> of a multi-targeting build
    /// sees it: read again with <c>TargetFramework</c> as a global property.
    /// </summary>
    /// <param name="project">A project with several target frameworks.</param>
    /// <param name="targetFramework">One of them.</param>
    internal static RunbookProject ForTarget(RunbookProject project, string targetFramework) =>
        Load(project.ProjectFile, WithTarget(project.GlobalProperties, targetFramework));

    private static Dictionary<string, string> WithTarget(IReadOnlyDictionary<string, string> globalProperties, string targetFramework) =>
        new(globalProperties, StringComparer.OrdinalIgnoreCase) { ["TargetFramework"] = targetFramework };

    private static RunbookProject Load(ProjectProperties properties, ProjectItems items, CompileItems compile, IReadOnlyDictionary<string, string> globalProperties) =>
        new(properties.ProjectFile, compile.Sources, properties)
        {
            ProjectReferences = Projects.ProjectReferences.Read(properties.ProjectFile, items),
            GlobalProperties = globalProperties,
            Items = items,
            MissingSources = compile.Missing,
        };

    /// <summary>Whether the project is a test project (<c>IsTestProject</c>, or a <c>Microsoft.NET.Test.Sdk</c> reference, whose props set it).</summary>
    internal static bool IsTestProject(string file, ProjectProperties properties) =>
        properties.IsTrue("IsTestProject") || File.ReadAllText(file).Contains("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase);

    private static bool DeclaresRunbooks(string source)
    {
        var text = File.ReadAllText(source);
        // Cheap text test first, then make sure it is an attribute and not text inside a string or comment.
        if (!text.Contains("[Runbook", StringComparison.Ordinal) && !text.Contains("[Handbook", StringComparison.Ordinal)) return false;
        var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text).GetRoot();
        if (HasRunbookAttribute(root)) return true;

        // No symbol is known here, so code behind #if NET8_0 or #if RELEASE is disabled text: the build may well
        // compile it (one target of several, -c Release), so a runbook declared there counts too.
        return root.DescendantTrivia(descendIntoTrivia: true)
            .Where(t => t.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.DisabledTextTrivia)
            .Any(t => HasRunbookAttribute(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(t.ToFullString()).GetRoot()));
    }

    private static bool HasRunbookAttribute(Microsoft.CodeAnalysis.SyntaxNode root) =>
        root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>()
            .Any(a => a.Name.ToString().Split('.')[^1] is "Runbook" or "RunbookAttribute" or "Handbook" or "HandbookAttribute");

    private static IEnumerable<string> ProjectFilesUnder(string root)
    {
        var stack = new Stack<string>([root]);
        while (stack.Count > 0)
        {
            var directory = stack.Pop();
            foreach (var file in Directory.EnumerateFiles(directory, "*.csproj")) yield return file;
            foreach (var child in Directory.EnumerateDirectories(directory))
                if (!IsSkipped(child)) stack.Push(child);
        }
    }

    private static bool IsSkipped(string directory)
    {
        var name = Path.GetFileName(directory);
        return name.StartsWith('.') || SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}

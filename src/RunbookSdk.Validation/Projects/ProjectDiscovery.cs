using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RunbookSdk.Validation.Projects;

/// <summary>
/// Finds the runbook projects behind a path: a project file, a solution (<c>.sln</c> or <c>.slnx</c>) or a folder
/// searched recursively. A runbook project is one whose own sources carry <c>[Runbook]</c> or <c>[Handbook]</c>.
/// Test projects found through a solution or a folder are skipped (their fixtures are not the team's runbooks);
/// a test project named directly is validated.
/// </summary>
public static partial class ProjectDiscovery
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "artifacts"];

    /// <summary>Finds the runbook projects behind <paramref name="path"/>, ordered by path.</summary>
    /// <param name="path">A <c>.csproj</c>, <c>.sln</c>, <c>.slnx</c> or folder.</param>
    /// <exception cref="ValidationInputException">The path does not exist or is not one of those, a solution lists a
    /// project that does not exist, or a solution or project file is not valid XML.</exception>
    public static IReadOnlyList<RunbookProject> Find(string path) => Find(path, new Dictionary<string, string>());

    /// <summary>Finds the runbook projects behind <paramref name="path"/>, read with MSBuild global properties, ordered by path.</summary>
    /// <param name="path">A <c>.csproj</c>, <c>.sln</c>, <c>.slnx</c> or folder.</param>
    /// <param name="globalProperties">Global properties, such as the <c>Configuration</c> of <c>dotnet build -c Release</c>.</param>
    /// <exception cref="ValidationInputException">The path does not exist or is not one of those, a solution lists a
    /// project that does not exist, or a solution or project file is not valid XML.</exception>
    public static IReadOnlyList<RunbookProject> Find(string path, IReadOnlyDictionary<string, string> globalProperties)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return Select(ProjectFilesUnder(full), named: false, globalProperties);
        if (!File.Exists(full)) throw new ValidationInputException($"'{path}' does not exist.");
        return Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".csproj" => Select([full], named: true, globalProperties),
            ".sln" => Select(Listed(path, SolutionProjects(full)), named: false, SolutionBuild(globalProperties)),
            ".slnx" => Select(Listed(path, SlnxProjects(full)), named: false, SolutionBuild(globalProperties)),
            _ => throw new ValidationInputException($"'{path}' is not a project (.csproj), a solution (.sln, .slnx) or a folder."),
        };
    }

    /// <summary>
    /// The global properties of a solution build: <c>dotnet build x.sln</c> passes the solution configuration
    /// (<c>Debug|Any CPU</c>, a project's <c>Debug|AnyCPU</c>) to every project, so even a <c>Directory.Build.props</c>
    /// sees <c>Configuration</c> and <c>Platform</c>, which it does not in a build of the project alone.
    /// </summary>
    private static Dictionary<string, string> SolutionBuild(IReadOnlyDictionary<string, string> globalProperties)
    {
        var solution = new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase);
        solution.TryAdd("Configuration", "Debug");
        solution.TryAdd("Platform", "AnyCPU");
        return solution;
    }

    /// <summary>
    /// The C# sources of a project as a plain <c>dotnet build</c> compiles them: its <c>Compile</c> items (by default
    /// every <c>.cs</c> below its folder, except build output and nested projects; <c>Compile Include</c> and
    /// <c>Remove</c> applied).
    /// </summary>
    /// <param name="projectFile">Full path of the project file.</param>
    public static IReadOnlyList<string> SourcesOf(string projectFile)
    {
        var properties = ProjectProperties.Read(projectFile);
        return CompileItems.Of(properties, ProjectItems.Read(properties));
    }

    /// <summary>The SDK's default compile items: every <c>.cs</c> below the project folder, except build output, dot-folders and nested projects.</summary>
    /// <param name="projectFile">Full path of the project file.</param>
    internal static IReadOnlyList<string> DefaultSources(string projectFile)
    {
        var root = Path.GetDirectoryName(projectFile)!;
        var sources = new List<string>();
        Collect(root, isRoot: true);
        return sources.Order(StringComparer.Ordinal).ToArray();

        void Collect(string directory, bool isRoot)
        {
            if (!isRoot && (IsSkipped(directory) || Directory.EnumerateFiles(directory, "*.csproj").Any())) return;
            sources.AddRange(Directory.EnumerateFiles(directory, "*.cs"));
            foreach (var child in Directory.EnumerateDirectories(directory)) Collect(child, isRoot: false);
        }
    }

    private static IReadOnlyList<RunbookProject> Select(IEnumerable<string> projectFiles, bool named, IReadOnlyDictionary<string, string> globalProperties)
    {
        var projects = new List<RunbookProject>();
        foreach (var file in projectFiles.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(file)) continue;
            var properties = ProjectProperties.Read(file, globalProperties);
            if (!named && IsTestProject(file, properties)) continue;
            var items = ProjectItems.Read(properties);
            var sources = CompileItems.Of(properties, items);
            if (sources.Any(DeclaresRunbooks)) projects.Add(Load(properties, items, sources, globalProperties));
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

    private static RunbookProject Load(ProjectProperties properties, ProjectItems items, IReadOnlyList<string> sources, IReadOnlyDictionary<string, string> globalProperties) =>
        new(properties.ProjectFile, sources, properties) { ProjectReferences = Projects.ProjectReferences.Read(properties.ProjectFile, items), GlobalProperties = globalProperties, Items = items };

    private static bool IsTestProject(string file, ProjectProperties properties) =>
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

    private static IEnumerable<string> SolutionProjects(string solution)
    {
        var directory = Path.GetDirectoryName(solution)!;
        foreach (Match match in SolutionProjectLine().Matches(File.ReadAllText(solution)))
        {
            var relative = match.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar);
            if (relative.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) yield return Path.Combine(directory, relative);
        }
    }

    /// <summary>A solution's projects, each of which must exist: a missing one is a broken solution, not "no runbooks".</summary>
    private static IReadOnlyList<string> Listed(string solution, IEnumerable<string> projects)
    {
        var listed = projects.ToArray();
        if (listed.FirstOrDefault(p => !File.Exists(p)) is { } missing)
            throw new ValidationInputException($"'{solution}' lists '{Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(solution))!, missing)}', which does not exist.");
        return listed;
    }

    private static IEnumerable<string> SlnxProjects(string solution)
    {
        var directory = Path.GetDirectoryName(solution)!;
        XDocument document;
        try
        {
            document = XDocument.Load(solution, LoadOptions.SetLineInfo);
        }
        catch (System.Xml.XmlException e)
        {
            throw new ValidationInputException($"{solution}({e.LineNumber},{e.LinePosition}): not a valid solution file: {e.Message}");
        }
        return document.Descendants()
            .Where(e => e.Name.LocalName == "Project" && e.Attribute("Path")?.Value.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => Path.Combine(directory, e.Attribute("Path")!.Value.Replace('\\', Path.DirectorySeparatorChar)))
            .ToArray();
    }

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*""\s*,\s*""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex SolutionProjectLine();
}

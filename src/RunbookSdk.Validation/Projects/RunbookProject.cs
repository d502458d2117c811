namespace RunbookSdk.Validation.Projects;

/// <summary>A project whose sources declare runbooks or handbooks.</summary>
/// <param name="ProjectFile">Full path of the <c>.csproj</c>.</param>
/// <param name="Sources">Full paths of its C# sources, ordered.</param>
/// <param name="Properties">Its MSBuild properties.</param>
public sealed record RunbookProject(string ProjectFile, IReadOnlyList<string> Sources, ProjectProperties Properties)
{
    /// <summary>
    /// The MSBuild global properties it is read with (<c>Configuration</c> when given, <c>TargetFramework</c> for one
    /// target of several); referenced projects are read with the same, except <c>TargetFramework</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> GlobalProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>Its items (<c>Compile</c>, <c>PackageReference</c>, …) as read for the build validated; null when not read.</summary>
    internal ProjectItems? Items { get; init; }

    /// <summary>Its <c>Compile</c> items naming a file that does not exist: its build fails with CS2001.</summary>
    internal IReadOnlyList<MissingCompileItem> MissingSources { get; init; } = [];

    /// <summary>Full paths of the projects it references for their code (a shared handbook project), as written.</summary>
    public IReadOnlyList<string> ProjectReferences { get; init; } = [];

    /// <summary>
    /// The target frameworks a build compiles: <c>TargetFramework</c> when set (it wins, as in the SDK), else each of
    /// <c>TargetFrameworks</c>; empty when neither is set.
    /// </summary>
    public IReadOnlyList<string> TargetFrameworks => Properties["TargetFramework"] is { } single
        ? [single]
        : (Properties["TargetFrameworks"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>The project's name (file name without extension).</summary>
    public string Name => Path.GetFileNameWithoutExtension(ProjectFile);

    /// <summary>The project's folder.</summary>
    public string Directory => Path.GetDirectoryName(ProjectFile)!;

    /// <summary>Whether the project is a runbook app (an <c>Exe</c>): it compiles to a program, with an entry point.</summary>
    public bool IsApp => string.Equals(Properties["OutputType"], "Exe", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the generator emits the app's <c>Main</c>: <c>RunbookSdkGenerateEntryPoint</c> as the project sets it,
    /// else for an <c>Exe</c>, as <c>build/RunbookSdk.targets</c> defaults it. An app with a <c>Main</c> of its own sets it
    /// to false; compiled with the generated one as well, it failed validation with CS0017.
    /// </summary>
    public bool GeneratesEntryPoint => Properties["RunbookSdkGenerateEntryPoint"] is null ? IsApp : Properties.IsTrue("RunbookSdkGenerateEntryPoint");

    /// <summary>
    /// Whether its build writes the docs folder outside CI: <c>RunbookSdkWriteDocs</c> as the project sets it, else
    /// when the generator emits the entry point the docs target runs (<c>build/RunbookSdk.targets</c>).
    /// </summary>
    public bool BuildWritesDocs => Properties["RunbookSdkWriteDocs"] is null ? GeneratesEntryPoint : Properties.IsTrue("RunbookSdkWriteDocs");

    /// <summary>Where the build writes the generated pages (<c>RunbookSdkDocsDirectory</c>, default <c>docs/</c> beside the project).</summary>
    public string DocsDirectory => Properties["RunbookSdkDocsDirectory"] is { } configured
        ? Path.GetFullPath(configured.Replace("$(MSBuildProjectDirectory)", Directory, StringComparison.OrdinalIgnoreCase), Directory)
        : Path.Combine(Directory, "docs");
}

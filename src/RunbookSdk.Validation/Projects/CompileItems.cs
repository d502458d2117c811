namespace RunbookSdk.Validation.Projects;

/// <summary>
/// The C# files a build compiles — its <c>Compile</c> items — as the SDK makes them: the <c>Compile</c> items of the
/// <c>Directory.Build.props</c> chain, then the default item (<see cref="DefaultCompileItems"/>; none with
/// <c>EnableDefaultItems</c> or <c>EnableDefaultCompileItems</c> false), then the <c>Include</c> and <c>Remove</c>
/// items of the project and the <c>Directory.Build.targets</c> chain, in order. A literal <c>Include</c> of a file
/// that does not exist stays an item, as in MSBuild, and is <see cref="Missing"/>: the compiler fails on it.
/// </summary>
internal sealed class CompileItems
{
    private CompileItems(IReadOnlyList<string> sources, IReadOnlyList<MissingCompileItem> missing)
    {
        Sources = sources;
        Missing = missing;
    }

    /// <summary>Full paths of the C# files compiled, ordered.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The items naming a file that does not exist (CS2001 in the build), in evaluation order.</summary>
    public IReadOnlyList<MissingCompileItem> Missing { get; }

    /// <summary>The <c>Compile</c> items of a project.</summary>
    /// <param name="properties">The project's properties.</param>
    /// <param name="items">The project's items.</param>
    public static CompileItems Of(ProjectProperties properties, ProjectItems items)
    {
        var projectDirectory = Path.GetDirectoryName(properties.ProjectFile)!;
        // Each path with the item that added it (null for the SDK's default item), so a missing one can be pointed at.
        var compiled = new List<(string Path, ProjectItem? Item)>();
        var compile = items.OfType("Compile").ToArray();
        foreach (var item in compile.Where(i => i.BeforeDefaultItems)) Apply(item, compiled, projectDirectory);
        if (!IsFalse(properties, "EnableDefaultItems") && !IsFalse(properties, "EnableDefaultCompileItems"))
            Include(DefaultCompileItems.Include, DefaultCompileItems.Exclude(properties), null, compiled, projectDirectory);
        foreach (var item in compile.Where(i => !i.BeforeDefaultItems)) Apply(item, compiled, projectDirectory);

        var sources = compiled.Select(c => c.Path).Where(path => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var missing = compiled.Where(c => c.Item is not null && !File.Exists(c.Path)).DistinctBy(c => c.Path, StringComparer.Ordinal)
            .Select(c => new MissingCompileItem(c.Path, c.Item!)).ToArray();
        return new CompileItems(sources, missing);
    }

    private static void Apply(ProjectItem item, List<(string Path, ProjectItem? Item)> compiled, string projectDirectory)
    {
        switch (item.Operation)
        {
            case "Include":
                Include(item.Value, item.Exclude, item, compiled, projectDirectory);
                break;
            case "Remove":
                var globs = MsBuildGlob.Parse(item.Value, projectDirectory);
                compiled.RemoveAll(c => globs.Any(g => g.Removes(c.Path)));
                break;
        }
    }

    /// <param name="value">The <c>Include</c>, properties expanded.</param>
    /// <param name="exclude">The <c>Exclude</c>, properties expanded, or null.</param>
    /// <param name="item">The item written, or null for the SDK's default item.</param>
    /// <param name="compiled">The items so far.</param>
    /// <param name="projectDirectory">The folder relative paths start from.</param>
    private static void Include(string value, string? exclude, ProjectItem? item, List<(string Path, ProjectItem? Item)> compiled, string projectDirectory)
    {
        var excluded = exclude is null ? [] : MsBuildGlob.Parse(exclude, projectDirectory);
        // A literal path is an item whether or not the file exists (MSBuild does not look); a wildcard names existing files only.
        var paths = MsBuildGlob.Parse(value, projectDirectory).SelectMany(g => g.LiteralPath is { } literal ? [literal] : g.Files());
        compiled.AddRange(paths.Where(file => !excluded.Any(e => e.Matches(file))).Select(file => (file, item)));
    }

    private static bool IsFalse(ProjectProperties properties, string name) =>
        string.Equals(properties[name]?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}

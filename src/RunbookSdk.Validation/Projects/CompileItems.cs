namespace RunbookSdk.Validation.Projects;

/// <summary>
/// The C# files a build compiles — its <c>Compile</c> items — as the SDK makes them: the <c>Compile</c> items of the
/// <c>Directory.Build.props</c> chain, then the default items (every <c>.cs</c> below the project folder except
/// <c>bin/</c>, <c>obj/</c>, dot-folders and nested projects; none with <c>EnableDefaultItems</c> or
/// <c>EnableDefaultCompileItems</c> false), then the <c>Include</c> and <c>Remove</c> items of the project and the
/// <c>Directory.Build.targets</c> chain, in order.
/// </summary>
internal static class CompileItems
{
    /// <summary>Full paths of the files compiled, ordered.</summary>
    /// <param name="properties">The project's properties.</param>
    /// <param name="items">The project's items.</param>
    public static IReadOnlyList<string> Of(ProjectProperties properties, ProjectItems items)
    {
        var projectDirectory = Path.GetDirectoryName(properties.ProjectFile)!;
        var compiled = new List<string>();
        var compile = items.OfType("Compile").ToArray();
        foreach (var item in compile.Where(i => i.BeforeDefaultItems)) Apply(item, compiled, projectDirectory);
        if (!IsFalse(properties, "EnableDefaultItems") && !IsFalse(properties, "EnableDefaultCompileItems"))
            compiled.AddRange(ProjectDiscovery.DefaultSources(properties.ProjectFile));
        foreach (var item in compile.Where(i => !i.BeforeDefaultItems)) Apply(item, compiled, projectDirectory);
        return compiled.Where(path => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    private static void Apply(ProjectItem item, List<string> compiled, string projectDirectory)
    {
        var globs = MsBuildGlob.Parse(item.Value, projectDirectory);
        switch (item.Operation)
        {
            case "Include":
                var excluded = item.Exclude is { } exclude ? MsBuildGlob.Parse(exclude, projectDirectory) : [];
                compiled.AddRange(globs.SelectMany(g => g.Files()).Where(file => !excluded.Any(e => e.Matches(file))));
                break;
            case "Remove":
                compiled.RemoveAll(file => globs.Any(g => g.Matches(file)));
                break;
        }
    }

    private static bool IsFalse(ProjectProperties properties, string name) =>
        string.Equals(properties[name]?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}

namespace RunbookSdk.Validation.Projects;

/// <summary>
/// The SDK's default <c>Compile</c> item (Microsoft.NET.Sdk.DefaultItems.props):
/// <c>&lt;Compile Include="**/*.cs" Exclude="$(DefaultItemExcludes);$(DefaultExcludesInProjectFolder)" /&gt;</c>.
/// The excludes are only the project's own output folders (<c>bin/</c>, <c>obj/</c>, or where
/// <c>BaseOutputPath</c>, <c>BaseIntermediateOutputPath</c>, <c>OutputPath</c>, <c>IntermediateOutputPath</c> or the
/// artifacts output put them), dot-folders at any depth, and what the project adds to <c>DefaultItemExcludes</c>.
/// A folder holding another project is not one of them: the build compiles its files, and even its <c>obj/</c>
/// (checked with <c>dotnet msbuild -getItem:Compile</c>), unless the project excludes it.
/// </summary>
internal static class DefaultCompileItems
{
    /// <summary>The default item's <c>Include</c>.</summary>
    public const string Include = "**/*.cs";

    /// <summary>The default item's <c>Exclude</c>, as the SDK's targets complete it after the project.</summary>
    /// <param name="properties">The project's properties.</param>
    public static string Exclude(ProjectProperties properties)
    {
        var excludes = new List<string> { properties["DefaultItemExcludes"] ?? "" };
        if (ArtifactsPath(properties) is { } artifacts)
        {
            excludes.Add(artifacts + "/**");
            // The SDK leaves out bin/ and obj/ too, for a project that moved to the artifacts layout.
            excludes.Add("bin/**");
            excludes.Add("obj/**");
        }
        else
        {
            excludes.Add((properties["BaseOutputPath"] ?? "bin/") + "/**");
            excludes.Add((properties["BaseIntermediateOutputPath"] ?? "obj/") + "/**");
            if (properties["OutputPath"] is { } output) excludes.Add(output + "/**");
            if (properties["IntermediateOutputPath"] is { } intermediate) excludes.Add(intermediate + "/**");
        }

        excludes.Add(properties["DefaultExcludesInProjectFolder"] ?? "");
        excludes.Add(properties["DefaultItemExcludesInProjectFolder"] ?? "");
        excludes.Add("**/.*/**");
        return string.Join(';', excludes.Where(e => e.Length > 0));
    }

    /// <summary>
    /// Where the artifacts output layout writes (<c>UseArtifactsOutput</c>, or <c>ArtifactsPath</c> set), or null:
    /// <c>ArtifactsPath</c>, else <c>artifacts/</c> beside the <c>Directory.Build.props</c>, else in the project folder.
    /// </summary>
    private static string? ArtifactsPath(ProjectProperties properties)
    {
        if (properties["ArtifactsPath"] is { } path) return path;
        if (!properties.IsTrue("UseArtifactsOutput")) return null;
        // The first props file read is the nearest Directory.Build.props.
        return Path.Combine(Path.GetDirectoryName(properties.PropsFiles.FirstOrDefault() ?? properties.ProjectFile)!, "artifacts");
    }
}

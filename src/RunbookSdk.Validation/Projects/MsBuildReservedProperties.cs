namespace RunbookSdk.Validation.Projects;

/// <summary>
/// The reserved properties MSBuild sets from where a file is — the ones projects use to write an output folder or a path
/// (<c>&lt;BaseOutputPath&gt;$(MSBuildThisFileDirectory)out/&lt;/BaseOutputPath&gt;</c>). They are known without
/// evaluating MSBuild, and a project cannot set them (MSB4004), so they win over any property read.
/// </summary>
internal static class MsBuildReservedProperties
{
    /// <summary>The value of the reserved property <paramref name="name"/> in <paramref name="file"/>, or null when it is not one of them.</summary>
    /// <param name="name">A property name (case-insensitive).</param>
    /// <param name="file">Full path of the file the reference is written in (the project or a <c>Directory.Build.*</c> file).</param>
    /// <param name="projectFile">Full path of the project being read.</param>
    public static string? Value(string name, string file, string projectFile) => name.ToUpperInvariant() switch
    {
        // MSBuild ends the directory properties of "this file" with a separator and the project's without one.
        "MSBUILDTHISFILEDIRECTORY" => Path.GetDirectoryName(file)! + Path.DirectorySeparatorChar,
        "MSBUILDPROJECTDIRECTORY" => Path.GetDirectoryName(projectFile)!,
        "MSBUILDPROJECTNAME" => Path.GetFileNameWithoutExtension(projectFile),
        _ => null,
    };
}

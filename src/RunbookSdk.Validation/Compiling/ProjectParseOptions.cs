using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Validation.Projects;

namespace RunbookSdk.Validation.Compiling;

/// <summary>
/// The parse options a build of the project uses: its <c>LangVersion</c>, so validation reports what a build at that
/// version refuses (a C# 11 raw string in a C# 10 project) and checks the generated code against the same version.
/// </summary>
internal static class ProjectParseOptions
{
    /// <summary>The project's parse options.</summary>
    /// <exception cref="ValidationInputException"><c>LangVersion</c> is not a version the compiler knows (the build fails with CS1617).</exception>
    public static CSharpParseOptions For(RunbookProject project)
    {
        // No LangVersion: the compiler's default (the latest major version), which is what a net10.0 build gets.
        var configured = project.Properties["LangVersion"];
        if (configured is null) return new CSharpParseOptions(LanguageVersion.Default);
        if (!LanguageVersionFacts.TryParse(configured, out var version))
            throw new ValidationInputException($"{project.ProjectFile}: LangVersion '{configured}' is not a C# language version the compiler knows (a build fails with CS1617).");
        return new CSharpParseOptions(version);
    }
}

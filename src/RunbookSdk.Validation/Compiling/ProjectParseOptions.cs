using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Validation.Projects;

namespace RunbookSdk.Validation.Compiling;

/// <summary>
/// The parse options a build of the project uses (Debug unless another configuration is validated): its <c>LangVersion</c> (or the default for its target
/// framework), so validation reports what a build at that version refuses (a C# 11 raw string in a C# 10 project) and
/// checks the generated code against the same version; and its preprocessor symbols, so code behind <c>#if DEBUG</c>,
/// <c>#if NET10_0_OR_GREATER</c> or a project-defined symbol is validated exactly when the build compiles it.
/// </summary>
internal static class ProjectParseOptions
{
    /// <summary>The project's parse options.</summary>
    /// <exception cref="ValidationInputException"><c>LangVersion</c> is not a version the compiler knows (the build fails with CS1617).</exception>
    public static CSharpParseOptions For(RunbookProject project)
    {
        var framework = TargetFramework.Of(project.Properties);
        return new CSharpParseOptions(LanguageVersionOf(project, framework), preprocessorSymbols: PreprocessorSymbols(project, framework));
    }

    private static LanguageVersion LanguageVersionOf(RunbookProject project, TargetFramework? framework)
    {
        // No LangVersion: the SDK picks the default for the target framework (net8.0 is C# 12, not the latest);
        // a framework validate does not model gets the compiler's default.
        var configured = project.Properties["LangVersion"];
        if (configured is null) return framework?.DefaultLanguageVersion() ?? LanguageVersion.Default;
        if (!LanguageVersionFacts.TryParse(configured, out var version) && !IsNewerThanThisCompiler(configured, out version))
            throw new ValidationInputException($"{project.ProjectFile}: LangVersion '{configured}' is not a C# language version the compiler knows (a build fails with CS1617).");
        return version;
    }

    /// <summary>
    /// C# 14 written out (<c>14</c>, <c>14.0</c>): the .NET 10 SDK builds it, but the compiler validate ships
    /// (Roslyn 4.14) knows it only as <see cref="LanguageVersion.Preview"/>, the closest it has.
    /// </summary>
    private static bool IsNewerThanThisCompiler(string configured, out LanguageVersion version)
    {
        version = LanguageVersion.Preview;
        return configured.Trim() is "14" or "14.0";
    }

    // DefineConstants (with the SDK's TRACE and configuration symbol, see ProjectProperties) then the framework's implicit symbols, which
    // the SDK appends in a target, after the project is read, so a project cannot drop them.
    private static IEnumerable<string> PreprocessorSymbols(RunbookProject project, TargetFramework? framework) =>
        project.Properties.List("DefineConstants")
            .Concat(project.Properties.IsTrue("DisableImplicitFrameworkDefines") ? [] : framework?.ImplicitSymbols() ?? [])
            .Where(SyntaxFacts.IsValidIdentifier)
            .Distinct(StringComparer.Ordinal);
}

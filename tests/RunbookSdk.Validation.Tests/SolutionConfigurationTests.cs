namespace RunbookSdk.Validation.Tests;

/// <summary>
/// A solution maps its configurations to each project's: <c>dotnet build x.sln</c> (or <c>-c Release</c>) builds a
/// project in the configuration the solution maps it to, which may differ from the solution's. Validating a solution
/// uses each project's mapped configuration, so the <c>#if RELEASE</c> code that build compiles is the code judged.
/// </summary>
public sealed class SolutionConfigurationTests
{
    private const string ProjectGuid = "{5D2D7A6E-0B5C-4B7E-9E43-4C3C1D2B1A10}";

    // The runbook without rollback is compiled only by a Release build of the project: RB0002 says Release was validated.
    private static TempProject ReleaseOnlyRunbook() => new TempProject()
        .With("PaymentsHandbook.cs", Runbooks.Handbook)
        .With("QueueStuck.cs", $"#if RELEASE\n{Runbooks.WithoutRollback}\n#endif\n");

    private static string Sln(string debugMapsTo, string releaseMapsTo) => $$"""
        Microsoft Visual Studio Solution File, Format Version 12.00
        Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Payments", "Payments\Payments.csproj", "{{ProjectGuid}}"
        EndProject
        Global
        	GlobalSection(SolutionConfigurationPlatforms) = preSolution
        		Debug|Any CPU = Debug|Any CPU
        		Release|Any CPU = Release|Any CPU
        	EndGlobalSection
        	GlobalSection(ProjectConfigurationPlatforms) = postSolution
        		{{ProjectGuid}}.Debug|Any CPU.ActiveCfg = {{debugMapsTo}}
        		{{ProjectGuid}}.Debug|Any CPU.Build.0 = {{debugMapsTo}}
        		{{ProjectGuid}}.Release|Any CPU.ActiveCfg = {{releaseMapsTo}}
        		{{ProjectGuid}}.Release|Any CPU.Build.0 = {{releaseMapsTo}}
        	EndGlobalSection
        EndGlobal
        """;

    private static async Task<bool> ValidatesReleaseAsync(string solution, string? configuration = null)
    {
        var result = await RunbookValidator.ValidateAsync(solution, new ValidationOptions { Configuration = configuration });
        return result.Findings.Any(f => f.RuleId == "RB0002");
    }

    [Fact]
    public async Task ASlnMappingTheDebugSolutionConfigurationToReleaseValidatesRelease()
    {
        using var project = ReleaseOnlyRunbook();
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Sln("Release|Any CPU", "Release|Any CPU"));

        Assert.True(await ValidatesReleaseAsync(solution));
    }

    [Fact]
    public async Task ASlnMappingTheReleaseSolutionConfigurationToDebugValidatesDebugWithMinusC()
    {
        using var project = ReleaseOnlyRunbook();
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Sln("Debug|Any CPU", "Debug|Any CPU"));

        Assert.False(await ValidatesReleaseAsync(solution, "Release"));
    }

    [Fact]
    public async Task ASlnWithoutAMappingValidatesTheSolutionConfiguration()
    {
        using var project = ReleaseOnlyRunbook();
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Sln("Debug|Any CPU", "Release|Any CPU"));

        Assert.False(await ValidatesReleaseAsync(solution));
        Assert.True(await ValidatesReleaseAsync(solution, "Release"));
    }

    [Theory]
    [InlineData("""<BuildType Solution="Debug|*" Project="Release" />""", null, true)]
    [InlineData("""<BuildType Project="Release" />""", null, true)]
    [InlineData("""<BuildType Solution="Release|*" Project="Debug" />""", "Release", false)]
    [InlineData("""<BuildType Solution="Release|*" Project="Debug" />""", null, false)]
    public async Task AnSlnxBuildTypeMappingIsTheProjectsConfiguration(string mapping, string? configuration, bool release)
    {
        using var project = ReleaseOnlyRunbook();
        var solution = Path.Combine(project.Root, "Payments.slnx");
        File.WriteAllText(solution, $"""
            <Solution>
              <Project Path="Payments/Payments.csproj">
                {mapping}
              </Project>
            </Solution>
            """);

        Assert.Equal(release, await ValidatesReleaseAsync(solution, configuration));
    }
}

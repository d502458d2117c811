namespace RunbookSdk.Validation.Tests;

/// <summary>
/// A solution maps its configurations to each project's: <c>dotnet build x.sln</c> (or <c>-c Release</c>) builds a
/// project in the configuration the solution maps it to, which may differ from the solution's. Validating a solution
/// uses each project's mapped configuration, so the <c>#if RELEASE</c> code that build compiles is the code judged.
/// </summary>
public sealed class SolutionConfigurationTests
{
    // The runbook without rollback is compiled only by a Release build of the project: RB0002 says Release was validated.
    private static TempProject ReleaseOnlyRunbook() => new TempProject()
        .With("PaymentsHandbook.cs", Runbooks.Handbook)
        .With("QueueStuck.cs", $"#if RELEASE\n{Runbooks.WithoutRollback}\n#endif\n");

    private static string Sln(string debugMapsTo, string releaseMapsTo, bool debugBuilds = true) =>
        Solutions.Sln("Payments", "Payments\\Payments.csproj", debugMapsTo, releaseMapsTo, debugBuilds);

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

    [Fact]
    public async Task ASlnProjectTheSolutionConfigurationDoesNotBuildIsNotValidated()
    {
        // dotnet build Payments.sln skips a project with no .Build.0 line for the solution configuration; -c Release builds it.
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Runbooks.WithoutRollback);
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Sln("Debug|Any CPU", "Release|Any CPU", debugBuilds: false));

        Assert.Empty((await RunbookValidator.ValidateAsync(solution)).Projects);
        Assert.Single((await RunbookValidator.ValidateAsync(solution, new ValidationOptions { Configuration = "Release" })).Projects);
    }

    [Fact]
    public async Task ASlnProjectWithoutAnyConfigurationLineIsNotValidated()
    {
        // A solution without ProjectConfigurationPlatforms builds nothing ("Unable to find a project to restore!").
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Runbooks.WithoutRollback);
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, $$"""
            Microsoft Visual Studio Solution File, Format Version 12.00
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Payments", "Payments\Payments.csproj", "{{Solutions.ProjectGuid}}"
            EndProject
            """);

        Assert.Empty((await RunbookValidator.ValidateAsync(solution)).Projects);
    }

    [Fact]
    public async Task AMissingProjectTheSolutionConfigurationDoesNotBuildIsNoUsageError()
    {
        // dotnet build Payments.sln says nothing of a listed project it does not build; -c Release fails with MSB3202.
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Runbooks.WithoutRollback);
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Solutions.Sln("Gone", "Gone\\Gone.csproj", debugBuilds: false));

        Assert.Empty((await RunbookValidator.ValidateAsync(solution)).Projects);
        var error = await Assert.ThrowsAsync<ValidationInputException>(() => RunbookValidator.ValidateAsync(solution, new ValidationOptions { Configuration = "Release" }));
        Assert.Contains("Gone/Gone.csproj", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<Build Project="false" />""", null, false)]
    [InlineData("""<Build Project="false" />""", "Release", false)]
    [InlineData("""<Build Solution="Debug|*" Project="false" />""", null, false)]
    [InlineData("""<Build Solution="Debug|*" Project="false" />""", "Release", true)]
    [InlineData("""<Build Solution="Release|Any CPU" Project="false" />""", null, true)]
    public async Task AnSlnxProjectWhoseBuildIsFalseIsNotValidated(string rule, string? configuration, bool validated)
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Runbooks.WithoutRollback);
        var solution = Path.Combine(project.Root, "Payments.slnx");
        File.WriteAllText(solution, $"""
            <Solution>
              <Project Path="Payments/Payments.csproj">
                {rule}
              </Project>
            </Solution>
            """);

        var result = await RunbookValidator.ValidateAsync(solution, new ValidationOptions { Configuration = configuration });

        Assert.Equal(validated, result.Projects.Count == 1);
    }
    [Fact]
    public async Task ASlnWhoseConfigurationBuildsNoProjectSaysSoAndNamesTheConfiguration()
    {
        // dotnet build Payments.sln builds nothing ("Unable to find a project to restore!"): "no runbook project found"
        // alone sent authors looking for a missing [Runbook] attribute.
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Runbooks.WithoutRollback);
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Sln("Debug|Any CPU", "Release|Any CPU", debugBuilds: false));

        var result = await RunbookValidator.ValidateAsync(solution);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Payments.sln builds no project in its configuration 'Debug|Any CPU'", result.NoProjectReason, StringComparison.Ordinal);
        Assert.Contains(result.NoProjectReason!, Reports.MarkdownReport.Render(result, listCompleteRunbooks: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJsonReportOfASlnThatBuildsNoProjectCarriesTheReason()
    {
        // A script reading --json saw only "projects": [] and could not tell a solution configuration that builds
        // nothing from a folder without runbooks.
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Runbooks.WithoutRollback);
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Sln("Debug|Any CPU", "Release|Any CPU", debugBuilds: false));

        var result = await RunbookValidator.ValidateAsync(solution);
        using var json = System.Text.Json.JsonDocument.Parse(Reports.JsonReport.Render(result));

        Assert.Equal(result.NoProjectReason, json.RootElement.GetProperty("noProjectReason").GetString());
        Assert.Contains("builds no project in its configuration 'Debug|Any CPU'", json.RootElement.GetProperty("noProjectReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSarifReportOfASlnThatBuildsNoProjectCarriesTheReasonAsAToolExecutionNotification()
    {
        // Code scanning showed an empty, successful-looking analysis: no result, and nothing said why.
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Runbooks.WithoutRollback);
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Sln("Debug|Any CPU", "Release|Any CPU", debugBuilds: false));

        var result = await RunbookValidator.ValidateAsync(solution);
        using var sarif = System.Text.Json.JsonDocument.Parse(Reports.SarifReport.Render(result));

        var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = invocation.GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("No runbook project found: " + result.NoProjectReason, notification.GetProperty("message").GetProperty("text").GetString());
        Assert.Contains("builds no project in its configuration 'Debug|Any CPU'", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJsonReportOfASolutionThatBuildsAProjectHasANullReason()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete);
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Sln("Debug|Any CPU", "Release|Any CPU"));

        using var json = System.Text.Json.JsonDocument.Parse(Reports.JsonReport.Render(await RunbookValidator.ValidateAsync(solution)));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("noProjectReason").ValueKind);
    }

    [Theory]
    [InlineData(null, "Debug|Any CPU")]
    [InlineData("Release", "Release|Any CPU")]
    public async Task AnSlnxWhoseProjectsAreAllBuildFalseSaysTheConfigurationBuildsNothing(string? configuration, string named)
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Runbooks.WithoutRollback);
        var solution = Path.Combine(project.Root, "Payments.slnx");
        File.WriteAllText(solution, """
            <Solution>
              <Project Path="Payments/Payments.csproj">
                <Build Project="false" />
              </Project>
            </Solution>
            """);

        var result = await RunbookValidator.ValidateAsync(solution, new ValidationOptions { Configuration = configuration });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Payments.slnx builds no project in its configuration '{named}'", result.NoProjectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASolutionThatBuildsARunbooklessProjectKeepsTheUsualMessage()
    {
        // The configuration builds a project; it just declares no runbook: nothing to say about the configuration.
        using var project = new TempProject().With("Plain.cs", "namespace Payments; public static class Plain { }");
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Sln("Debug|Any CPU", "Release|Any CPU"));

        var result = await RunbookValidator.ValidateAsync(solution);

        Assert.Empty(result.Projects);
        Assert.Null(result.NoProjectReason);
    }
}

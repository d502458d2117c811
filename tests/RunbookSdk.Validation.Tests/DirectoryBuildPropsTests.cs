namespace RunbookSdk.Validation.Tests;

/// <summary>
/// MSBuild imports only the nearest <c>Directory.Build.props</c> above a project; one further up counts only when the
/// nearer one imports it (<c>GetPathOfFileAbove</c>). Validation reads the same files, so its severities are the build's.
/// </summary>
public sealed class DirectoryBuildPropsTests
{
    private const string Strict = """
        <Project>
          <PropertyGroup>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
        </Project>
        """;

    // A runbook whose only finding is RB0005 (a destructive rollback without confirmation), a warning by default.
    private static TempProject ProjectWithAWarning(string folderProps)
    {
        var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete
            .Replace(".RequiresConfirmation()", "", StringComparison.Ordinal)
            .Replace("./rollback.sh", "kubectl delete pod payments-0", StringComparison.Ordinal));
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project.Root, "Directory.Build.props"), Strict);
        project.With("Directory.Build.props", folderProps);
        return project;
    }

    [Fact]
    public async Task APropsFileFurtherUpIsNotReadWhenANearerOneDoesNotImportIt()
    {
        using var project = ProjectWithAWarning("<Project>\n  <PropertyGroup>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n</Project>\n");
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal(FindingLevel.Warning, Assert.Single(result.Findings, f => f.RuleId == "RB0005").Level);
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task APropsFileFurtherUpIsReadWhenTheNearerOneImportsIt()
    {
        using var project = ProjectWithAWarning("""
            <Project>
              <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
              <PropertyGroup>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal(FindingLevel.Error, Assert.Single(result.Findings, f => f.RuleId == "RB0005").Level);
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData("$([MSBuild]::GetDirectoryNameOfFileAbove($(MSBuildThisFileDirectory).., Directory.Build.props))/Directory.Build.props")]
    [InlineData("$([MSBuild]::GetDirectoryNameOfFileAbove('$(MSBuildThisFileDirectory)../', 'Directory.Build.props'))\\Directory.Build.props")]
    public async Task APropsFileFurtherUpIsReadWhenTheNearerOneImportsItByItsDirectory(string import)
    {
        using var project = ProjectWithAWarning($"""
            <Project>
              <Import Project="{import}" />
            </Project>
            """);
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal(FindingLevel.Error, Assert.Single(result.Findings, f => f.RuleId == "RB0005").Level);
    }

    [Fact]
    public async Task APropsFileImportedByRelativePathIsRead()
    {
        using var project = ProjectWithAWarning("<Project>\n  <Import Project=\"../Directory.Build.props\" />\n</Project>\n");
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal(FindingLevel.Error, Assert.Single(result.Findings, f => f.RuleId == "RB0005").Level);
    }

    [Fact]
    public async Task ADirectoryBuildTargetsSettingApplies()
    {
        using var project = ProjectWithAWarning("<Project>\n  <PropertyGroup>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n</Project>\n");
        project.With("Directory.Build.targets", "<Project>\n  <PropertyGroup>\n    <WarningsAsErrors>$(WarningsAsErrors);RB0005</WarningsAsErrors>\n  </PropertyGroup>\n</Project>\n");
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal(FindingLevel.Error, Assert.Single(result.Findings, f => f.RuleId == "RB0005").Level);
        Assert.Equal(1, result.ExitCode);
    }
}

namespace RunbookSdk.Validation.Tests;

/// <summary>
/// <c>RunAnalyzers=false</c> (or <c>RunAnalyzersDuringBuild=false</c>) turns the RB analyzers off in the project's
/// build. Validation is the CI gate for runbook completeness, so it still runs them, and says that the build does not.
/// </summary>
public sealed class AnalyzersOffTests
{
    private static TempProject ProjectWithoutRollback(string setting)
    {
        var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Runbooks.WithoutRollback);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("</Project>", $"""
              <PropertyGroup>
                {setting}
              </PropertyGroup>
            </Project>
            """, StringComparison.Ordinal));
        return project;
    }

    [Theory]
    [InlineData("<RunAnalyzers>false</RunAnalyzers>", "RunAnalyzers")]
    [InlineData("<RunAnalyzersDuringBuild>False</RunAnalyzersDuringBuild>", "RunAnalyzersDuringBuild")]
    public async Task ARunbookIsStillJudgedAndAWarningSaysTheBuildDoesNotRunTheAnalyzers(string setting, string property)
    {
        using var project = ProjectWithoutRollback(setting);
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal(FindingLevel.Error, Assert.Single(result.Findings, f => f.RuleId == "RB0002").Level);
        Assert.Equal(1, result.ExitCode);
        var notice = Assert.Single(result.Findings, f => f.RuleId == "RBANALYZERS");
        Assert.Equal(FindingLevel.Warning, notice.Level);
        Assert.EndsWith("Payments.csproj", notice.Path, StringComparison.Ordinal);
        Assert.Contains($"{property}=false", notice.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build reports no RB finding", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProjectThatRunsTheAnalyzersGetsNoSuchWarning()
    {
        using var project = ProjectWithoutRollback("<RunAnalyzers>true</RunAnalyzers>");
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "RBANALYZERS");
    }
}

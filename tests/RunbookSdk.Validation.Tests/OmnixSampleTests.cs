using RunbookSdk.Validation.Reports;

namespace RunbookSdk.Validation.Tests;

/// <summary>The Omnix sample validates clean: five complete runbooks, the deliberate RB0010 and RB0012 warnings, docs current.</summary>
public sealed class OmnixSampleTests
{
    private static readonly Lazy<Task<ValidationResult>> Result = new(() => RunbookValidator.ValidateAsync(Repository.Path("samples/Omnix/Omnix.csproj")));

    [Fact]
    public async Task HasOneCompleteRowPerRunbookWithInheritedEscalation()
    {
        var result = await Result.Value;

        var rows = result.Runbooks.ToArray();
        Assert.Equal(
            ["omnix-api-lambda-failure", "omnix-data-accuracy", "omnix-database-performance", "omnix-full-system-recovery", "omnix-performance-degradation"],
            rows.Select(r => r.Id));
        Assert.All(rows, row => Assert.True(row.IsComplete, row.Id));
        Assert.All(rows, row => Assert.True(row.EscalationInherited, row.Id));
        Assert.All(rows, row => Assert.NotEqual("error", row.Status));
        Assert.Equal("P1", rows.Single(r => r.Id == "omnix-api-lambda-failure").Severity);
    }

    [Fact]
    public async Task ReportsThePassedReviewDateAsAWarningBecauseTheProjectKeepsItOutOfWarningsAsErrors()
    {
        var result = await Result.Value;

        var reviewDate = Assert.Single(result.Findings, f => f.RuleId == "RB0010");
        Assert.Equal(FindingLevel.Warning, reviewDate.Level);
        Assert.Equal("samples/Omnix/OmnixHandbook.cs", reviewDate.Path);
        Assert.Equal(15, reviewDate.Line);
        Assert.Empty(result.Findings.Where(f => f.Level == FindingLevel.Error).Select(f => f.Where + " " + f.RuleId + " " + f.Message));
    }

    [Fact]
    public async Task ReportsTheDevResourcesTheSeedRunsAtTheParametersDefaultsAsWarnings()
    {
        var result = await Result.Value;

        var devResources = result.Findings.Where(f => f.RuleId == "RB0012").ToArray();
        Assert.Equal(7, devResources.Length);
        Assert.All(devResources, f => Assert.Equal(FindingLevel.Warning, f.Level));
        Assert.Contains(devResources, f => f.Path == "samples/Omnix/OmnixRunbook.cs" && f.Line == 15 && f.Message.Contains("'omnix-ai-backend-dev'", StringComparison.Ordinal));
        Assert.Contains(devResources, f => f.Path == "samples/Omnix/FullSystemRecovery.cs" && f.Message.Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChecksInDocsAreCurrentAndValidationPasses()
    {
        var result = await Result.Value;

        var project = Assert.Single(result.Projects);
        Assert.True(project.Docs.Checked);
        Assert.True(project.Docs.IsCurrent, string.Join(", ", project.Docs.Missing.Concat(project.Docs.Stale).Concat(project.Docs.Extra)));
        Assert.Equal("samples/Omnix/docs", project.Docs.Directory);
        Assert.True(result.Passed);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task MarkdownReportHasTheTableAndTheWarning()
    {
        var markdown = MarkdownReport.Render(await Result.Value);

        Assert.StartsWith("## Runbook validation: passed", markdown, StringComparison.Ordinal);
        Assert.Contains("| `omnix-data-accuracy` | Omnix | P1 | ✅ inherited | ✅ | ✅ |", markdown, StringComparison.Ordinal);
        Assert.Contains("[RB0010](", markdown, StringComparison.Ordinal);
        Assert.Contains("`samples/Omnix/OmnixHandbook.cs(15,", markdown, StringComparison.Ordinal);
        Assert.Contains("Docs of **Omnix** (`samples/Omnix/docs`): current.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderOfSamplesFindsEverySampleAndNoTestProject()
    {
        var result = await RunbookValidator.ValidateAsync(Repository.Path("samples"));

        Assert.Contains(result.Projects, p => p.Name == "Omnix");
        Assert.DoesNotContain(result.Projects, p => p.ProjectFile.StartsWith("tests/", StringComparison.Ordinal));
        Assert.All(result.Projects, p => Assert.NotEmpty(p.Runbooks));
    }
}

internal static class Repository
{
    public static string Path(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Directory.Packages.props")))
                return System.IO.Path.Combine(directory.FullName, relative);
        }

        throw new DirectoryNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }
}

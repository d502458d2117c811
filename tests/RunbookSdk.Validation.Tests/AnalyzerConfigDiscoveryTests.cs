namespace RunbookSdk.Validation.Tests;

/// <summary>
/// The analyzer config files a build applies are the ones validate applies: MSBuild passes the compiler every
/// <c>.editorconfig</c> and <c>.globalconfig</c> in the folder of each compiled file and every folder above it, so a
/// rule configured in a subfolder or a global config must be configured the same way here.
/// </summary>
public sealed class AnalyzerConfigDiscoveryTests
{
    [Fact]
    public async Task AnEditorConfigInTheRunbooksSubfolderAppliesToItsFiles()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook)
            .With("Runbooks/QueueStuck.cs", Runbooks.WithoutRollback)
            .With("Runbooks/.editorconfig", "[*.cs]\ndotnet_diagnostic.RB0002.severity = none\n");
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "RB0002");
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task AGlobalConfigAboveTheProjectApplies()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Runbooks.WithoutRollback);
        File.WriteAllText(Path.Combine(project.Root, ".globalconfig"), "dotnet_diagnostic.RB0002.severity = none\n");
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "RB0002");
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task AGlobalConfigCanMakeARuleAnError()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete.Replace(
                ".RequiresConfirmation()", "", StringComparison.Ordinal).Replace("./rollback.sh", "kubectl delete pod payments-0", StringComparison.Ordinal))
            .With(".globalconfig", "is_global = true\ndotnet_diagnostic.RB0005.severity = error\n");
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("<TreatWarningsAsErrors>true", "<TreatWarningsAsErrors>false", StringComparison.Ordinal));
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal(FindingLevel.Error, Assert.Single(result.Findings, f => f.RuleId == "RB0005").Level);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task ARootEditorConfigInASubfolderHidesTheOnesAbove()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook)
            .With("Runbooks/QueueStuck.cs", Runbooks.WithoutRollback)
            .With(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.RB0002.severity = none\n")
            .With("Runbooks/.editorconfig", "root = true\n[*.cs]\nindent_style = space\n");
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal(FindingLevel.Error, Assert.Single(result.Findings, f => f.RuleId == "RB0002").Level);
    }
}

namespace RunbookSdk.Validation.Tests;

/// <summary>
/// <c>&lt;Nullable&gt;</c> is read as the compiler reads it: case-insensitively, and each of its values, so with
/// <c>TreatWarningsAsErrors</c> the nullable warnings a build fails on fail validation too.
/// </summary>
public sealed class NullableSettingTests
{
    private const string Holder = """
        namespace Payments;

        public sealed class Holder
        {
            public string Name { get; set; }
        }
        """;

    [Theory]
    [InlineData("Enable")]
    [InlineData("ENABLE")]
    public async Task ANullableValueInAnyCaseIsTheBuildsSetting(string value)
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete).With("Holder.cs", Holder);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("<Nullable>enable</Nullable>", $"<Nullable>{value}</Nullable>", StringComparison.Ordinal));
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Contains(result.Findings, f => f.RuleId == "CS8618" && f.Level == FindingLevel.Error);
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData("enabled")]
    [InlineData("true")]
    public async Task ANullableValueTheCompilerRefusesFailsValidationAsItFailsTheBuild(string value)
    {
        // dotnet build: "error CS8636: Invalid option 'enabled' for /nullable; must be 'disable', 'enable', 'warnings'
        // or 'annotations'". Read as nullable off, the project passed validation.
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("<Nullable>enable</Nullable>", $"<Nullable>{value}</Nullable>", StringComparison.Ordinal));
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CS8636");
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.EndsWith("Payments.csproj", finding.Path, StringComparison.Ordinal);
        Assert.Contains($"Invalid option '{value}' for /nullable", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task NullableAnnotationsAllowTheQuestionMarkWithoutWarnings()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete)
            .With("Holder.cs", Holder.Replace("string Name", "string? Name", StringComparison.Ordinal));
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("<Nullable>enable</Nullable>", "<Nullable>annotations</Nullable>", StringComparison.Ordinal));
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("CS", StringComparison.Ordinal));
        Assert.True(result.Passed);
    }
}

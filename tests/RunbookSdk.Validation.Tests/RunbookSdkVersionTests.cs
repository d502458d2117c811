using RunbookSdk.Validation.Projects;

namespace RunbookSdk.Validation.Tests;

/// <summary>
/// validate judges a project with the generator and analyzers of the RunbookSdk it ships with. A project on another
/// package version (a team bumped the package but not the tool CI pins) was judged by rules its build does not run,
/// silently; now one <c>RBVERSION</c> warning names both versions, where the version is written.
/// </summary>
public sealed class RunbookSdkVersionTests
{
    private static string Project(string reference) => TempProject.AppProject.Replace(
        """<PackageReference Include="RunbookSdk" Version="0.1.0" />""", reference, StringComparison.Ordinal);

    private static async Task<TempProject> CompleteProjectAsync(string projectXml)
    {
        var project = new TempProject().With("Payments.csproj", projectXml).With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete);
        await project.WriteCurrentDocsAsync();
        return project;
    }

    [Fact]
    public async Task A_project_on_another_RunbookSdk_version_gets_a_warning_naming_both_versions_on_its_reference()
    {
        using var project = await CompleteProjectAsync(Project("""<PackageReference Include="RunbookSdk" Version="9.4.0" />"""));

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("RBVERSION", finding.RuleId);
        Assert.Equal(FindingLevel.Warning, finding.Level);
        Assert.Equal("Payments.csproj", finding.Path);
        Assert.Equal(File.ReadAllLines(project.ProjectFile).ToList().FindIndex(l => l.Contains("9.4.0", StringComparison.Ordinal)) + 1, finding.Line);
        Assert.Contains($"references RunbookSdk 9.4.0, but this runbook tool is {RunbookSdkPackageVersion.Running}", finding.Message, StringComparison.Ordinal);
        Assert.Contains("--version 9.4.0", finding.Message, StringComparison.Ordinal);
        Assert.True(result.Passed, "a warning: the verdict is still the runbooks'");
    }

    [Fact]
    public async Task Central_package_management_names_the_version_in_Directory_Packages_props()
    {
        using var project = await CompleteProjectAsync(Project("""<PackageReference Include="RunbookSdk" />"""));
        File.WriteAllText(Path.Combine(project.Root, "Directory.Packages.props"), """
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="RunbookSdk" Version="9.4.0" />
              </ItemGroup>
            </Project>
            """);

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("RBVERSION", finding.RuleId);
        Assert.Equal("Directory.Packages.props", Path.GetFileName(finding.Path));
        Assert.Equal(4, finding.Line);
    }

    [Theory]
    [InlineData("""<PackageReference Include="RunbookSdk" Version="{0}" />""")]
    [InlineData("""<PackageReference Include="RunbookSdk" Version="[{0}]" />""")]
    [InlineData("""<PackageReference Include="RunbookSdk" Version="9.*" />""")]
    [InlineData("""<PackageReference Include="RunbookSdk" Version="[9.0,10.0)" />""")]
    [InlineData("""<PackageReference Include="RunbookSdk" Version="$(NotSetAnywhere)" />""")]
    [InlineData("""<PackageReference Include="RunbookSdk"><Version>{0}</Version></PackageReference>""")]
    public async Task The_same_version_or_one_not_read_for_sure_is_no_warning(string reference)
    {
        using var project = await CompleteProjectAsync(Project(string.Format(System.Globalization.CultureInfo.InvariantCulture, reference, RunbookSdkPackageVersion.Running)));

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "RBVERSION");
    }

    [Fact]
    public async Task A_version_from_a_property_is_read()
    {
        using var project = await CompleteProjectAsync(Project("""<PackageReference Include="RunbookSdk" Version="$(RunbookSdkVersion)" />""")
            .Replace("<OutputType>", "<RunbookSdkVersion>9.4.0</RunbookSdkVersion><OutputType>", StringComparison.Ordinal));

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Contains("references RunbookSdk 9.4.0", Assert.Single(result.Findings, f => f.RuleId == "RBVERSION").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.1", "0.1.0", true)]
    [InlineData("0.1.0+abc", "0.1.0", true)]
    [InlineData("0.2.0-Preview.1", "0.2.0-preview.1", true)]
    [InlineData("0.2.0-preview.1", "0.2.0", false)]
    [InlineData("0.2.0", "0.1.0", false)]
    public void Versions_are_compared_as_NuGet_reads_them(string a, string b, bool same) =>
        Assert.Equal(same, RunbookSdkPackageVersion.Same(a, b));
}

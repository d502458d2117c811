namespace RunbookSdk.Validation.Tests;

/// <summary>
/// Validation compiles every project against RunbookSdk, but a project's own build has RunbookSdk only when it
/// references it (the package, or RunbookSdk.csproj from source, itself or through a project it references): without
/// it <c>dotnet build</c> fails with CS0246, so validation fails it too, naming the project file.
/// </summary>
public sealed class RunbookSdkReferenceTests
{
    private const string NoReference = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    private static async Task<TempProject> CompleteProjectAsync(string projectXml, string? sharedProjectXml = null)
    {
        var project = new TempProject().With("Payments.csproj", projectXml).With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete);
        if (sharedProjectXml is not null)
        {
            Directory.CreateDirectory(Path.Combine(project.Root, "Shared"));
            File.WriteAllText(Path.Combine(project.Root, "Shared", "Shared.csproj"), sharedProjectXml);
        }

        await project.WriteCurrentDocsAsync();
        return project;
    }

    [Fact]
    public async Task AProjectWithoutAReferenceToRunbookSdkFailsWithAFindingNamingItsProjectFile()
    {
        using var project = await CompleteProjectAsync(NoReference);

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "RBSDK");
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Equal("Payments.csproj", finding.Path);
        Assert.Contains("does not reference RunbookSdk", finding.Message, StringComparison.Ordinal);
        Assert.Contains("CS0246", finding.Message, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"RunbookSdk\"", finding.Message, StringComparison.Ordinal);
        Assert.False(result.Passed);
    }

    [Theory]
    [InlineData("""<ItemGroup><PackageReference Include="RunbookSdk" Version="0.1.0" /></ItemGroup>""")]
    [InlineData("""<ItemGroup><PackageReference Include="runbooksdk" /></ItemGroup>""")]
    [InlineData("""<ItemGroup><ProjectReference Include="..\sdk\src\RunbookSdk\RunbookSdk.csproj" /></ItemGroup>""")]
    [InlineData("""<ItemGroup Condition="'$(Configuration)' == 'Debug'"><PackageReference Include="RunbookSdk" Version="0.1.0" /></ItemGroup>""")]
    public async Task AProjectReferencingRunbookSdkPasses(string items)
    {
        using var project = await CompleteProjectAsync(NoReference.Replace("</Project>", items + "\n</Project>", StringComparison.Ordinal));

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Empty(result.Findings);
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task AReferenceOnlyForAnotherConfigurationIsNoReference()
    {
        using var project = await CompleteProjectAsync(NoReference.Replace("</Project>", """
              <ItemGroup Condition="'$(Configuration)' == 'Release'"><PackageReference Include="RunbookSdk" Version="0.1.0" /></ItemGroup>
            </Project>
            """, StringComparison.Ordinal));

        Assert.Contains((await RunbookValidator.ValidateAsync(project.ProjectFile)).Findings, f => f.RuleId == "RBSDK");
        Assert.DoesNotContain((await RunbookValidator.ValidateAsync(project.ProjectFile, new ValidationOptions { Configuration = "Release" })).Findings, f => f.RuleId == "RBSDK");
    }

    [Fact]
    public async Task AReferenceInDirectoryBuildTargetsCounts()
    {
        // The samples' layout: Directory.Build.targets wires every project to RunbookSdk from source.
        using var project = await CompleteProjectAsync(NoReference);
        File.WriteAllText(Path.Combine(project.Root, "Directory.Build.targets"), """
            <Project>
              <ItemGroup>
                <ProjectReference Include="$(MSBuildThisFileDirectory)sdk/src/RunbookSdk/RunbookSdk.csproj" />
              </ItemGroup>
            </Project>
            """);

        Assert.DoesNotContain((await RunbookValidator.ValidateAsync(project.ProjectFile)).Findings, f => f.RuleId == "RBSDK");
    }

    [Fact]
    public async Task AReferenceThroughAReferencedProjectCounts()
    {
        // ProjectReferences are transitive: the shared project's RunbookSdk package reaches the app's compilation.
        using var project = await CompleteProjectAsync(NoReference.Replace("</Project>", """
              <ItemGroup><ProjectReference Include="..\Shared\Shared.csproj" /></ItemGroup>
            </Project>
            """, StringComparison.Ordinal), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="RunbookSdk" Version="0.1.0" /></ItemGroup>
            </Project>
            """);

        Assert.DoesNotContain((await RunbookValidator.ValidateAsync(project.ProjectFile)).Findings, f => f.RuleId == "RBSDK");
    }

    [Theory]
    [InlineData("""<Import Project="$(RepoRoot)/build/Runbooks.targets" />""")]
    [InlineData("""<Sdk Name="Contoso.Runbooks.Sdk" Version="1.0.0" />""")]
    [InlineData("""<Choose><When Condition="'$(Configuration)' == 'Debug'"><ItemGroup><PackageReference Include="RunbookSdk" Version="0.1.0" /></ItemGroup></When></Choose>""")]
    [InlineData("""<ItemGroup><PackageReference Include="RunbookSdk" Version="0.1.0" Condition="Exists('packages.lock.json')" /></ItemGroup>""")]
    [InlineData("""<ItemGroup><ProjectReference Include="$(RunbookSdkSource)/RunbookSdk.csproj" /></ItemGroup>""")]
    public async Task WhatMayBringTheReferenceButIsNotReadHereReportsNothing(string xml)
    {
        using var project = await CompleteProjectAsync(NoReference.Replace("</Project>", xml + "\n</Project>", StringComparison.Ordinal));

        Assert.DoesNotContain((await RunbookValidator.ValidateAsync(project.ProjectFile)).Findings, f => f.RuleId == "RBSDK");
    }
}

using RunbookSdk.Validation.Projects;

namespace RunbookSdk.Validation.Tests;

/// <summary>
/// Property groups and properties under a <c>Configuration</c>, <c>Platform</c> or <c>TargetFramework</c> condition
/// count when the build validated (Debug unless <see cref="ValidationOptions.Configuration"/> says otherwise) meets
/// them, as MSBuild evaluates them; the SDK's configuration symbol (<c>DEBUG</c>, <c>RELEASE</c>) is added after the project.
/// </summary>
public sealed class ConfigurationConditionTests
{
    private static string Behind(string condition) => $"#if {condition}\n{Runbooks.WithoutRollback}\n#endif\n";

    private static TempProject ProjectWith(string condition, string projectXml, string targetFramework = "<TargetFramework>net10.0</TargetFramework>")
    {
        var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Behind(condition));
        File.WriteAllText(project.ProjectFile, TempProject.AppProject
            .Replace("<TargetFramework>net10.0</TargetFramework>", targetFramework, StringComparison.Ordinal)
            .Replace("</Project>", projectXml + "\n</Project>", StringComparison.Ordinal));
        return project;
    }

    private static async Task<bool> ValidatesTheRunbookAsync(TempProject project, string? configuration = null)
    {
        var result = await RunbookValidator.ValidateAsync(project.ProjectFile, new ValidationOptions { Configuration = configuration });
        return result.Runbooks.Any(r => r.Id == "payments-queue-stuck") && result.Findings.Any(f => f.RuleId == "RB0002");
    }

    private const string ReleaseGroup = """
          <PropertyGroup Condition=" '$(Configuration)' == 'Release' ">
            <DefineConstants>$(DefineConstants);CANARY</DefineConstants>
          </PropertyGroup>
        """;

    [Fact]
    public async Task AReleaseOnlyGroupIsNotReadForTheDebugBuild()
    {
        using var project = ProjectWith("CANARY", ReleaseGroup);

        Assert.False(await ValidatesTheRunbookAsync(project));
    }

    [Fact]
    public async Task AReleaseOnlyGroupIsReadWhenReleaseIsValidated()
    {
        using var project = ProjectWith("CANARY && RELEASE && !DEBUG && TRACE", ReleaseGroup);

        Assert.True(await ValidatesTheRunbookAsync(project, "Release"));
    }

    [Theory]
    [InlineData("Debug|AnyCPU", true)]
    [InlineData("Release|AnyCPU", false)]
    [InlineData("Debug|x64", false)]
    public async Task TheConfigurationAndPlatformPairIsEvaluated(string pair, bool read)
    {
        using var project = ProjectWith("CANARY", $"""
              <PropertyGroup Condition="'$(Configuration)|$(Platform)'=='{pair}'">
                <DefineConstants>$(DefineConstants);CANARY</DefineConstants>
              </PropertyGroup>
            """);

        Assert.Equal(read, await ValidatesTheRunbookAsync(project));
    }

    [Fact]
    public async Task AConditionOnThePropertyItselfIsEvaluated()
    {
        using var project = ProjectWith("CANARY", """
              <PropertyGroup>
                <DefineConstants Condition="'$(Configuration)' == 'Debug'">$(DefineConstants);CANARY</DefineConstants>
              </PropertyGroup>
            """);

        Assert.True(await ValidatesTheRunbookAsync(project));
    }

    [Fact]
    public async Task ATargetFrameworkConditionIsEvaluatedForEachTarget()
    {
        using var project = ProjectWith("LEGACY && NET8_0", """
              <PropertyGroup Condition="'$(TargetFramework)' == 'net8.0'">
                <DefineConstants>$(DefineConstants);LEGACY</DefineConstants>
              </PropertyGroup>
            """, "<TargetFrameworks>net10.0;net8.0</TargetFrameworks>");

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.EndsWith("(net8.0 only)", Assert.Single(result.Findings, f => f.RuleId == "RB0002").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATargetFrameworkConditionHoldsForASingleEntryOfTargetFrameworks()
    {
        using var project = ProjectWith("LEGACY", """
              <PropertyGroup Condition="'$(TargetFramework)' == 'net10.0'">
                <DefineConstants>$(DefineConstants);LEGACY</DefineConstants>
              </PropertyGroup>
            """, "<TargetFrameworks>net10.0</TargetFrameworks>");

        Assert.True(await ValidatesTheRunbookAsync(project));
    }

    [Fact]
    public async Task ADirectoryBuildPropsSeesNoConfigurationInAPlainBuild()
    {
        // dotnet build without -c: Configuration is only defaulted to Debug by the SDK after Directory.Build.props.
        using var project = ProjectWith("CANARY", "");
        File.WriteAllText(Path.Combine(project.Root, "Directory.Build.props"), """
            <Project>
              <PropertyGroup Condition="'$(Configuration)' == 'Debug'">
                <DefineConstants>CANARY</DefineConstants>
              </PropertyGroup>
            </Project>
            """);

        Assert.False(await ValidatesTheRunbookAsync(project));
        Assert.True(await ValidatesTheRunbookAsync(project, "Debug"));
    }

    [Fact]
    public async Task ThroughASolutionTheConfigurationIsGlobalAsInASolutionBuild()
    {
        // dotnet build x.sln passes the solution configuration (Debug|AnyCPU) to each project as global properties.
        using var project = ProjectWith("CANARY", "");
        File.WriteAllText(Path.Combine(project.Root, "Directory.Build.props"), """
            <Project>
              <PropertyGroup Condition="'$(Configuration)|$(Platform)' == 'Debug|AnyCPU'">
                <DefineConstants>CANARY</DefineConstants>
              </PropertyGroup>
            </Project>
            """);
        var solution = Path.Combine(project.Root, "Payments.sln");
        File.WriteAllText(solution, Solutions.Sln("Payments", "Payments\\Payments.csproj"));

        var result = await RunbookValidator.ValidateAsync(solution);

        Assert.Equal("payments-queue-stuck", Assert.Single(result.Runbooks).Id);
        Assert.False(await ValidatesTheRunbookAsync(project));
    }

    [Theory]
    [InlineData("'$(Configuration)' == 'Debug'", true)]
    [InlineData("'$(Configuration)' != 'Debug'", false)]
    [InlineData(" '$(CONFIGURATION)' == 'debug' ", true)]
    [InlineData("'$(Configuration)|$(Platform)' == 'Debug|AnyCPU'", true)]
    [InlineData("'$(Configuration)' == 'Release' Or '$(Platform)' == 'AnyCPU'", true)]
    [InlineData("'$(Configuration)' == 'Debug' and !('$(Platform)' == 'AnyCPU')", false)]
    [InlineData("$(Configuration) == Debug", true)]
    [InlineData("'$(Unknown)' == ''", null)]
    [InlineData("Exists('Directory.Build.props')", null)]
    [InlineData("$([MSBuild]::IsOSPlatform('Windows'))", null)]
    [InlineData("'$(Configuration)' == 'Debug' and '@(Foo)' != ''", null)]
    [InlineData("'$(Configuration)' > 'Debug'", null)]
    public void CommonConditionFormsAreEvaluatedAndOthersAreNotGuessed(string condition, bool? expected)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Configuration"] = "Debug", ["Platform"] = "AnyCPU" };

        Assert.Equal(expected, MsBuildCondition.Evaluate(condition, name => properties.TryGetValue(name, out var value) ? value : null));
    }
}

namespace RunbookSdk.Validation.Tests;

/// <summary>
/// The sources validation compiles are the build's <c>Compile</c> items: the SDK's default <c>**/*.cs</c>, then the
/// <c>Compile Include</c> and <c>Remove</c> items of the project (and its <c>Directory.Build.*</c> files), with the
/// conditions on items and item groups evaluated for the build validated.
/// </summary>
public sealed class CompileItemTests
{
    // A complete runbook at the top and one without rollback (RB0002) in Legacy/: RB0002 says Legacy/ was compiled.
    private static TempProject ProjectWithLegacy(string items)
    {
        var project = new TempProject()
            .With("PaymentsHandbook.cs", Runbooks.Handbook)
            .With("ApiDown.cs", Runbooks.Complete)
            .With("Legacy/QueueStuck.cs", Runbooks.WithoutRollback);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("</Project>", items + "\n</Project>", StringComparison.Ordinal));
        return project;
    }

    private static async Task<bool> CompilesLegacyAsync(TempProject project, string? configuration = null)
    {
        var result = await RunbookValidator.ValidateAsync(project.ProjectFile, new ValidationOptions { Configuration = configuration });
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("CS", StringComparison.Ordinal));
        return result.Findings.Any(f => f.RuleId == "RB0002");
    }

    [Fact]
    public async Task ACompileRemoveGlobLeavesTheFilesOut()
    {
        using var project = ProjectWithLegacy("""<ItemGroup><Compile Remove="Legacy/**" /></ItemGroup>""");

        Assert.False(await CompilesLegacyAsync(project));
    }

    [Fact]
    public async Task ACompileRemoveUnderAConfigurationConditionCountsOnlyForThatConfiguration()
    {
        using var project = ProjectWithLegacy("""<ItemGroup><Compile Remove="Legacy/**" Condition="'$(Configuration)' == 'Release'" /></ItemGroup>""");

        Assert.True(await CompilesLegacyAsync(project));
        Assert.False(await CompilesLegacyAsync(project, "Release"));
    }

    [Fact]
    public async Task AnItemGroupConditionIsEvaluated()
    {
        using var project = ProjectWithLegacy("""
              <ItemGroup Condition="'$(Configuration)|$(Platform)' == 'Debug|AnyCPU'">
                <Compile Remove="Legacy\**\*.cs" />
              </ItemGroup>
            """);

        Assert.False(await CompilesLegacyAsync(project));
        Assert.True(await CompilesLegacyAsync(project, "Release"));
    }

    [Fact]
    public async Task WithoutDefaultCompileItemsOnlyTheIncludedFilesAreCompiled()
    {
        using var project = ProjectWithLegacy("""
              <PropertyGroup><EnableDefaultCompileItems>false</EnableDefaultCompileItems></PropertyGroup>
              <ItemGroup>
                <Compile Include="*.cs" />
                <Compile Include="Legacy/*.cs" Condition="'$(Configuration)' == 'Debug'" />
              </ItemGroup>
            """);

        Assert.True(await CompilesLegacyAsync(project));
        Assert.False(await CompilesLegacyAsync(project, "Release"));
    }

    [Fact]
    public async Task AFileIncludedFromOutsideTheProjectFolderIsCompiled()
    {
        using var project = ProjectWithLegacy("""<ItemGroup><Compile Include="../Extra/*.cs" /></ItemGroup>""");
        Directory.CreateDirectory(Path.Combine(project.Root, "Extra"));
        File.Move(Path.Combine(project.Directory, "Legacy", "QueueStuck.cs"), Path.Combine(project.Root, "Extra", "QueueStuck.cs"));

        Assert.True(await CompilesLegacyAsync(project));
    }

    [Theory]
    [InlineData("Legacy/QueueStuc?.cs", false)]
    [InlineData("Legacy/Queue?.cs", true)]
    [InlineData("Legacy/?/QueueStuck.cs", true)]
    public async Task AQuestionMarkInACompileRemoveIsOneCharacterAsInMSBuild(string remove, bool compiled)
    {
        // The reason MsBuildGlob is not FileSystemGlobbing, which has no '?'.
        using var project = ProjectWithLegacy($"""<ItemGroup><Compile Remove="{remove}" /></ItemGroup>""");

        Assert.Equal(compiled, await CompilesLegacyAsync(project));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task AnArtifactsFolderIsLeftOutOnlyWithTheArtifactsOutputLayout(bool useArtifactsOutput, bool compiled)
    {
        // dotnet msbuild -getItem:Compile: artifacts/x.cs is compiled unless a Directory.Build.props beside the project
        // sets UseArtifactsOutput, which puts the build's output there and leaves the folder out.
        using var project = ProjectWithLegacy("");
        Directory.CreateDirectory(Path.Combine(project.Directory, "artifacts"));
        File.Move(Path.Combine(project.Directory, "Legacy", "QueueStuck.cs"), Path.Combine(project.Directory, "artifacts", "QueueStuck.cs"));
        File.WriteAllText(Path.Combine(project.Directory, "Directory.Build.props"),
            $"<Project><PropertyGroup><UseArtifactsOutput>{(useArtifactsOutput ? "true" : "false")}</UseArtifactsOutput></PropertyGroup></Project>");

        Assert.Equal(compiled, await CompilesLegacyAsync(project));
    }

    [Theory]
    [InlineData("legacy/**")]
    [InlineData("LEGACY/QUEUESTUCK.CS")]
    [InlineData("Legacy/*.CS")]
    public async Task ACompileRemoveMatchesPathsInAnyCaseAsMSBuildDoes(string remove)
    {
        // dotnet msbuild -getItem:Compile on Linux: Remove compares item paths ignoring case.
        using var project = ProjectWithLegacy($"""<ItemGroup><Compile Remove="{remove}" /></ItemGroup>""");

        Assert.False(await CompilesLegacyAsync(project));
    }

    [Theory]
    [InlineData("""<Compile Include="*.cs;Legacy/*.CS" />""", true)]
    [InlineData("""<Compile Include="*.cs;LEG*/*.cs" />""", true)]
    [InlineData("""<Compile Include="**/*.cs" Exclude="Legacy/*.CS" />""", false)]
    public async Task WildcardsMatchNamesInAnyCaseAsMSBuildDoes(string items, bool compiled)
    {
        using var project = ProjectWithLegacy($"""
              <PropertyGroup><EnableDefaultCompileItems>false</EnableDefaultCompileItems></PropertyGroup>
              <ItemGroup>{items}</ItemGroup>
            """);

        Assert.Equal(compiled, await CompilesLegacyAsync(project));
    }

    [Fact]
    public async Task AnExcludesFolderBeforeItsWildcardIsComparedAsTheFileSystemDoes()
    {
        // MSBuild on Linux: Exclude="legacy/**" leaves Legacy/ included (the folder part is a path on a case-sensitive disk).
        using var project = ProjectWithLegacy("""
              <PropertyGroup><EnableDefaultCompileItems>false</EnableDefaultCompileItems></PropertyGroup>
              <ItemGroup><Compile Include="**/*.cs" Exclude="legacy/**" /></ItemGroup>
            """);

        Assert.Equal(!OperatingSystem.IsWindows(), await CompilesLegacyAsync(project));
    }

    [Fact]
    public async Task ACompileRemoveInDirectoryBuildTargetsApplies()
    {
        using var project = ProjectWithLegacy("");
        File.WriteAllText(Path.Combine(project.Root, "Directory.Build.targets"), """
            <Project>
              <ItemGroup><Compile Remove="Legacy/**" /></ItemGroup>
            </Project>
            """);

        Assert.False(await CompilesLegacyAsync(project));
    }

    [Fact]
    public async Task ACompileRemoveUnderAConditionNotUnderstoodIsNotApplied()
    {
        // Exists(...) is not evaluated: as before item conditions were read, every file stays compiled.
        using var project = ProjectWithLegacy("""<ItemGroup><Compile Remove="Legacy/**" Condition="Exists('Legacy')" /></ItemGroup>""");

        Assert.True(await CompilesLegacyAsync(project));
    }

    [Fact]
    public async Task ALiteralCompileIncludeOfAMissingFileIsAnErrorOnTheItemsLine()
    {
        // dotnet build: "CSC : error CS2001: Source file '.../Missing.cs' could not be found." A project that passes
        // otherwise (complete runbook, current docs) fails for it alone.
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete);
        await project.WriteCurrentDocsAsync();
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("</Project>", """
              <ItemGroup>
                <Compile Include="Missing.cs" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("CS2001", finding.RuleId);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Equal("Payments.csproj", finding.Path);
        Assert.Equal(13, finding.Line);
        Assert.Contains("'Missing.cs'", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData("""<Compile Include="Missing.cs" /><Compile Remove="Missing.cs" />""")]
    [InlineData("""<Compile Include="Missing.cs" Exclude="Missing.cs" />""")]
    [InlineData("""<Compile Include="Gone/*.cs" />""")]
    public async Task AMissingFileTheBuildDoesNotCompileIsNoError(string items)
    {
        using var project = ProjectWithLegacy($"<ItemGroup>{items}</ItemGroup>");

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CS2001");
    }

    [Fact]
    public async Task FilesUnderANestedProjectAreCompiledAsTheSdkCompilesThem()
    {
        // The SDK's **/*.cs does not stop at a folder holding another project: dotnet build compiles Legacy/QueueStuck.cs.
        using var project = ProjectWithLegacy("");
        File.WriteAllText(Path.Combine(project.Directory, "Legacy", "Legacy.csproj"), TempProject.AppProject);

        Assert.True(await CompilesLegacyAsync(project));
    }

    [Theory]
    [InlineData("""<PropertyGroup><DefaultItemExcludes>$(DefaultItemExcludes);Legacy/**</DefaultItemExcludes></PropertyGroup>""")]
    [InlineData("""<ItemGroup><Compile Remove="Legacy/**" /></ItemGroup>""")]
    public async Task ANestedProjectExcludedAsTheSdkExcludesItIsNotCompiled(string exclusion)
    {
        using var project = ProjectWithLegacy(exclusion);
        File.WriteAllText(Path.Combine(project.Directory, "Legacy", "Legacy.csproj"), TempProject.AppProject);

        Assert.False(await CompilesLegacyAsync(project));
    }

    [Theory]
    [InlineData("obj/Debug/QueueStuck.cs", false)]
    [InlineData("bin/QueueStuck.cs", false)]
    [InlineData(".cache/QueueStuck.cs", false)]
    [InlineData("Nested/.cache/QueueStuck.cs", false)]
    [InlineData("Nested/obj/QueueStuck.cs", true)]
    [InlineData("node_modules/pkg/QueueStuck.cs", true)]
    public async Task TheSdksDefaultExcludesAreTheProjectsOwnOutputFoldersAndDotFolders(string path, bool compiled)
    {
        // dotnet msbuild -getItem:Compile: bin/** and obj/** of the project itself and **/.*/** are left out; a
        // nested project's obj/ and node_modules/ are not.
        using var project = ProjectWithLegacy("");
        var target = Path.Combine(project.Directory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(Path.Combine(project.Directory, "Legacy", "QueueStuck.cs"), target);

        Assert.Equal(compiled, await CompilesLegacyAsync(project));
    }

    [Fact]
    public async Task AProjectReferenceUnderAConfigurationConditionIsReadForThatConfiguration()
    {
        using var project = new TempProject("App").With("App.csproj", TempProject.AppProject.Replace("</Project>", """
              <ItemGroup>
                <ProjectReference Include="..\Shared\Shared.csproj" Condition="'$(Configuration)' == 'Debug'" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal)).With("ApiDown.cs", Runbooks.Complete);
        var shared = Path.Combine(project.Root, "Shared");
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(shared, "Shared.csproj"), TempProject.AppProject.Replace("<OutputType>Exe</OutputType>", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(shared, "PaymentsHandbook.cs"), Runbooks.Handbook);

        var debug = await RunbookValidator.ValidateAsync(project.ProjectFile);
        var release = await RunbookValidator.ValidateAsync(project.ProjectFile, new ValidationOptions { Configuration = "Release" });

        Assert.DoesNotContain(debug.Findings, f => f.RuleId == "CS0246");
        Assert.Contains(release.Findings, f => f.RuleId == "CS0246");
    }
}

namespace RunbookSdk.Validation.Tests;

/// <summary>
/// A handbook project shared by runbook apps through a <c>ProjectReference</c>, as big repositories lay them out:
/// validation compiles the referenced project too (it failed with CS0246 before), and judges the escalation the
/// runbook inherits from it as the runner does.
/// </summary>
public sealed class SharedHandbookProjectTests
{
    private const string SharedProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    // The SDK wiring a repository that builds RunbookSdk from source has (the samples' Directory.Build.targets):
    // none of it is code to compile here.
    private const string AppProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="..\Shared\Shared.csproj" />
            <ProjectReference Include="..\sdk\src\RunbookSdk\RunbookSdk.csproj" />
            <ProjectReference Include="..\sdk\src\Tools\Tools.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          </ItemGroup>
        </Project>
        """;

    private const string Handbook = """
        using RunbookSdk;

        namespace Shared;

        [Handbook("ops")]
        public sealed class OpsHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Title("Ops handbook")
                .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.Zero))
                .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"));
        }
        """;

    private const string Runbook = """
        using RunbookSdk;

        namespace App;

        [Runbook("restart-api")]
        public sealed class RestartApi : Runbook<Shared.OpsHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Restart the API")
                .Severity(Severity.P1)
                .Phase("Act", p => p.Step("Restart", s => s.Run("systemctl restart api").RequiresConfirmation()))
                .Rollback(r => r.Step("Undo", s => s.Run("systemctl restart api-previous").RequiresConfirmation()))
                .Verification(v => v.Step("Check", s => s.Run("curl --fail http://127.0.0.1/health")));
        }
        """;

    [Fact]
    public async Task A_runbook_app_compiles_with_the_handbook_project_it_references_and_inherits_its_escalation()
    {
        using var app = new TempProject("App").With("App.csproj", AppProject).With("RestartApi.cs", Runbook);
        var shared = Path.Combine(app.Root, "Shared");
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(shared, "Shared.csproj"), SharedProject);
        File.WriteAllText(Path.Combine(shared, "OpsHandbook.cs"), Handbook);
        await app.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(app.ProjectFile);

        Assert.Empty(result.Findings);
        var row = Assert.Single(result.Runbooks);
        Assert.Equal("restart-api", row.Id);
        Assert.True(row.Escalation);
        Assert.True(row.EscalationInherited);
        Assert.True(result.Passed);
    }

    [Theory]
    [InlineData("public")]
    [InlineData("internal")] // the app's catalog then loads the library by name: the load context must find it
    public async Task An_app_that_references_a_project_of_runbooks_is_judged_by_its_own_runbooks(string accessibility)
    {
        const string sharedRunbook = """
            using RunbookSdk;

            namespace Shared;

            [Runbook("flush-cache")]
            ACCESS sealed class FlushCache : Runbook<OpsHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Flush the cache")
                    .Severity(Severity.P1)
                    .Phase("Act", p => p.Step("Flush", s => s.Run("redis-cli FLUSHALL").RequiresConfirmation()))
                    .NoRollback("A flushed cache refills from the database.")
                    .Verification(v => v.Step("Check", s => s.Run("redis-cli PING")));
            }
            """;
        using var app = new TempProject("App").With("App.csproj", AppProject).With("RestartApi.cs", Runbook);
        var shared = Path.Combine(app.Root, "Shared");
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(shared, "Shared.csproj"), SharedProject);
        File.WriteAllText(Path.Combine(shared, "OpsHandbook.cs"), Handbook);
        File.WriteAllText(Path.Combine(shared, "FlushCache.cs"), sharedRunbook.Replace("ACCESS", accessibility));
        await app.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(app.ProjectFile);

        Assert.Empty(result.Findings);
        var row = Assert.Single(result.Runbooks);
        Assert.Equal("restart-api", row.Id);
        Assert.True(row.Escalation);
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task A_reference_to_a_project_that_does_not_exist_is_a_usage_error_naming_the_project_file()
    {
        using var app = new TempProject("App").With("App.csproj", AppProject).With("RestartApi.cs", Runbook);

        var error = await Assert.ThrowsAsync<ValidationInputException>(() => RunbookValidator.ValidateAsync(app.ProjectFile));

        Assert.Contains("App.csproj(", error.Message);
        Assert.Contains(@"references '..\Shared\Shared.csproj', which does not exist", error.Message);
    }
    [Fact]
    public async Task A_missing_compile_item_of_a_referenced_project_is_an_error_on_that_projects_line()
    {
        // dotnet build App.csproj: "CSC : error CS2001: Source file '.../Shared/Missing.cs' could not be found.
        // [.../Shared/Shared.csproj]" and the build fails, though the app's own files are all there.
        using var app = new TempProject("App").With("App.csproj", AppProject).With("RestartApi.cs", Runbook);
        var shared = Path.Combine(app.Root, "Shared");
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(shared, "Shared.csproj"), SharedProject.Replace("</Project>", """
              <ItemGroup>
                <Compile Include="Missing.cs" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(shared, "OpsHandbook.cs"), Handbook);
        await app.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(app.ProjectFile);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("CS2001", finding.RuleId);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Equal("../Shared/Shared.csproj", finding.Path);
        Assert.Equal(7, finding.Line);
        Assert.Contains("'../Shared/Missing.cs'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Shared.csproj, which App references", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task A_missing_compile_item_of_a_project_referenced_through_another_is_reported_too()
    {
        // App -> Shared -> Deep: the build of Deep fails, and with it Shared's and App's.
        using var app = new TempProject("App").With("App.csproj", AppProject).With("RestartApi.cs", Runbook);
        var shared = Path.Combine(app.Root, "Shared");
        var deep = Path.Combine(app.Root, "Deep");
        Directory.CreateDirectory(shared);
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(shared, "Shared.csproj"), SharedProject.Replace("</Project>", """
              <ItemGroup><ProjectReference Include="../Deep/Deep.csproj" /></ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(shared, "OpsHandbook.cs"), Handbook);
        File.WriteAllText(Path.Combine(deep, "Deep.csproj"), SharedProject.Replace("</Project>", """
              <ItemGroup><Compile Include="Gone\Missing.cs" /></ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        await app.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(app.ProjectFile);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("CS2001", finding.RuleId);
        Assert.Equal("../Deep/Deep.csproj", finding.Path);
        Assert.Equal(6, finding.Line);
        Assert.False(result.Passed);
    }
    [Fact]
    public async Task A_missing_compile_item_of_a_referenced_project_validated_too_is_reported_once()
    {
        // The folder holds both: Shared declares a handbook, so it is validated in its own right and reports its item.
        using var app = new TempProject("App").With("App.csproj", AppProject).With("RestartApi.cs", Runbook);
        var shared = Path.Combine(app.Root, "Shared");
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(shared, "Shared.csproj"), SharedProject.Replace("</Project>", """
              <ItemGroup>
                <Compile Include="Missing.cs" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(shared, "OpsHandbook.cs"), Handbook);

        var result = await RunbookValidator.ValidateAsync(app.Root);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CS2001");
        Assert.Equal("Shared/Shared.csproj", finding.Path);
        Assert.Equal("Shared", finding.Project);
    }
}

namespace RunbookSdk.Validation.Tests;

/// <summary>
/// A runbook app that gets the RunbookSdk package only through the shared handbook library it references. Its build
/// gets the generator in the mode that generates nothing and reports RB0106 (the package's buildTransitive targets);
/// validation compiled it with the full generator, passed it, and sent the author to `runbook docs`, whose build failed
/// with CS5001.
/// </summary>
public sealed class TransitiveReferenceTests
{
    private const string LibraryProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="RunbookSdk" Version="0.1.0" />
          </ItemGroup>
        </Project>
        """;

    private static string App(string ownReference) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../Handbook/Handbook.csproj" />
            {ownReference}
          </ItemGroup>
        </Project>
        """;

    private const string Runbook = """
        using RunbookSdk;

        namespace Checkout;

        [Runbook("cart-down")]
        public sealed class CartDown : Runbook<Payments.PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Cart down")
                .Severity(Severity.P1)
                .Phase("Assess", p => p.Step("Check", s => s.Http("GET", "https://cart.example.com/health").ExpectStatus(200)))
                .NoRollback("Read-only checks")
                .Verification(v => v.Step("Healthy", s => s.Http("GET", "https://cart.example.com/health").ExpectStatus(200)));
        }
        """;

    [Fact]
    public async Task An_app_that_gets_RunbookSdk_only_through_the_handbook_library_is_told_which_reference_to_add()
    {
        using var app = new TempProject("Checkout").With("Checkout.csproj", App("")).With("CartDown.cs", Runbook);
        WriteLibrary(app.Root);

        var result = await RunbookValidator.ValidateAsync(app.ProjectFile);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "RB0106");
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Equal("Checkout.csproj", finding.Path);
        Assert.Contains("add <PackageReference Include=\"RunbookSdk\" /> to Checkout's project file", finding.Message, StringComparison.Ordinal);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task An_app_with_its_own_reference_beside_the_library_is_not_told_anything()
    {
        using var app = new TempProject("Checkout")
            .With("Checkout.csproj", App("<PackageReference Include=\"RunbookSdk\" Version=\"0.1.0\" />"))
            .With("CartDown.cs", Runbook);
        WriteLibrary(app.Root);
        await app.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(app.ProjectFile);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "RB0106");
        Assert.True(result.Passed, string.Join("\n", result.Findings.Select(f => f.Message)));
    }

    private static void WriteLibrary(string root)
    {
        var library = Directory.CreateDirectory(Path.Combine(root, "Handbook")).FullName;
        File.WriteAllText(Path.Combine(library, "Handbook.csproj"), LibraryProject);
        File.WriteAllText(Path.Combine(library, "PaymentsHandbook.cs"), Runbooks.Handbook);
    }
}

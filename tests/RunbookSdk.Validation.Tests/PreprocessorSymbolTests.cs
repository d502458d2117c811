namespace RunbookSdk.Validation.Tests;

/// <summary>
/// Validation parses with the preprocessor symbols a Debug build defines: the project's <c>DefineConstants</c>, the
/// SDK's <c>DEBUG</c>/<c>TRACE</c> and the target framework's symbols, so a runbook behind <c>#if</c> is validated when the build includes it.
/// </summary>
public sealed class PreprocessorSymbolTests
{
    private static string Behind(string condition) => $"#if {condition}\n{Runbooks.WithoutRollback}\n#endif\n";

    private static TempProject ProjectWith(string condition, string? defineConstants = null)
    {
        var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", Behind(condition));
        if (defineConstants is not null)
            File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("</PropertyGroup>", $"  <DefineConstants>{defineConstants}</DefineConstants>\n  </PropertyGroup>", StringComparison.Ordinal));
        return project;
    }

    [Theory]
    [InlineData("DEBUG")]
    [InlineData("TRACE")]
    [InlineData("NET")]
    [InlineData("NETCOREAPP")]
    [InlineData("NET10_0")]
    [InlineData("NET10_0_OR_GREATER")]
    [InlineData("NET8_0_OR_GREATER")]
    [InlineData("NETCOREAPP3_1_OR_GREATER")]
    public async Task ARunbookBehindASymbolTheBuildDefinesIsValidated(string symbol)
    {
        using var project = ProjectWith(symbol);

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal("payments-queue-stuck", Assert.Single(result.Runbooks).Id);
        Assert.Single(result.Findings, f => f.RuleId == "RB0002");
    }

    [Theory]
    [InlineData("RELEASE")]
    [InlineData("NET9_0")]
    [InlineData("NET11_0_OR_GREATER")]
    [InlineData("NETSTANDARD")]
    public async Task ARunbookBehindASymbolTheBuildDoesNotDefineIsNotValidated(string symbol)
    {
        using var project = ProjectWith(symbol);

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Empty(result.Runbooks);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "RB0002");
    }

    [Fact]
    public async Task AProjectSymbolAddedToDefineConstantsKeepsTheSdkOnes()
    {
        using var project = ProjectWith("CANARY && DEBUG && NET10_0", "$(DefineConstants);CANARY");

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Single(result.Findings, f => f.RuleId == "RB0002");
    }

    [Fact]
    public async Task DefineConstantsWithoutItsOwnReferenceDropsTraceButNotDebugNorTheFrameworkSymbols()
    {
        // As in MSBuild: the project's value replaces the SDK props' TRACE; the configuration symbol (DEBUG) and the
        // framework symbols are added by the SDK's targets, after the project.
        using var project = ProjectWith("CANARY && !TRACE && DEBUG && NET10_0", "CANARY");

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Single(result.Findings, f => f.RuleId == "RB0002");
    }
}

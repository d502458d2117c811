namespace RunbookSdk.Benchmarks.Tests;

/// <summary>
/// A measured build in which the generator or a rule failed is refused (<see cref="BuildReport.FailedWork"/>): the
/// compiler reports a generator or rule that threw as a warning and goes on (and RB0104, the generator's own failure,
/// when a project lowers it to one), and the failed work costs next to nothing, so the build would measure as a win.
/// The eighteenth session's kept driver failed every runbook and did.
/// </summary>
public sealed class BuildReportTests
{
    [Theory]
    [InlineData("CSC : error RB0104: The runbook generator failed on the runbook 'corpus-runbook-5' (Corpus.Runbook5) (it has no runner and no page; the rest of the project was still generated): this is a bug in RunbookSdk, please report it with this message: InvalidOperationException: mutant [/tmp/corpus/Corpus.csproj]")]
    [InlineData("/tmp/corpus/Runbook5.cs(12,9): warning RB0104: The runbook generator failed on the class 'Runbook5' (nothing is generated for it; the rest of the project was still generated): this is a bug in RunbookSdk, please report it with this message: InvalidOperationException: mutant [/tmp/corpus/Corpus.csproj]")]
    [InlineData("CSC : warning CS8785: Generator 'RunbookGenerator' failed to generate source. It will not contribute to the output and compilation errors may occur as a result. Exception was of type 'InvalidOperationException' with message 'mutant'. [/tmp/corpus/Corpus.csproj]")]
    [InlineData("CSC : warning AD0001: Analyzer 'RunbookSdk.Analyzers.Escalation.EscalationAnalyzer' threw an exception of type 'System.InvalidOperationException' with message 'mutant'. [/tmp/corpus/Corpus.csproj]")]
    public void A_build_whose_generator_or_rule_failed_is_named_by_its_line(string failureLine)
    {
        var output = $"Build started.\n  Corpus -> /tmp/corpus/bin/Corpus.dll\n{failureLine}\n    1 Warning(s)\n    0 Error(s)\n";

        Assert.Equal(failureLine, BuildReport.FailedWork(output));
    }

    [Theory]
    [InlineData("/tmp/corpus/Runbook5.cs(12,9): warning CS0168: The variable 'x' is declared but never used")]
    [InlineData("/tmp/corpus/Runbook5.cs(12,9): warning RB0005: 'kubectl delete' runs without confirmation")]
    [InlineData("  RunbookSdk.Generators.RunbookGenerator: 2.85 s, help: https://example.test/docs/rules/RB0104.md")]
    public void A_build_whose_warnings_are_the_projects_own_is_measured(string line)
    {
        Assert.Null(BuildReport.FailedWork($"Build started.\n{line}\nBuild succeeded.\n"));
    }

    /// <summary>The compiler's command line as a detailed build prints it, with the analyzers given.</summary>
    private static string CompilerCommandLine(params string[] analyzers) =>
        "  /usr/share/dotnet/dotnet exec \"/usr/share/dotnet/sdk/10.0.401/Roslyn/bincore/csc.dll\" /noconfig /unsafe- /checked- " +
        string.Concat(analyzers.Select(a => $"/analyzer:{a} ")) +
        "/analyzer:/usr/share/dotnet/packs/Microsoft.NETCore.App.Ref/10.0.12/analyzers/dotnet/cs/System.Text.RegularExpressions.Generator.dll Runbook0.cs Handbook.cs\n";

    private const string Generator = "/work/main/src/RunbookSdk.Generators/bin/Release/netstandard2.0/RunbookSdk.Generators.dll";
    private const string Rules = "/work/main/src/RunbookSdk.Analyzers/bin/Release/netstandard2.0/RunbookSdk.Analyzers.dll";

    [Fact]
    public void A_build_compiled_as_its_configuration_says_is_measured()
    {
        Assert.Null(BuildReport.MismatchedAnalyzers(CompilerCommandLine(Generator, Rules), new BuildReport.Configuration("both", Generator: true, Analyzers: true)));
        Assert.Null(BuildReport.MismatchedAnalyzers(CompilerCommandLine(), BuildReport.s_baseline));
        Assert.Null(BuildReport.MismatchedAnalyzers(CompilerCommandLine("\"/tmp/other checkout/NoOpGenerator.dll\""), new BuildReport.Configuration("no-op", Generator: false, Analyzers: false, NoOpGenerator: true)));
    }

    [Fact]
    public void A_build_that_compiled_something_else_than_its_configuration_says_is_refused()
    {
        // A baseline that carried the generator, and a configuration with the generator whose property was not honoured:
        // either would time two builds of the same thing.
        Assert.Equal("RunbookSdk.Generators.dll was among its analyzers (RunbookSdk.Generators.dll, System.Text.RegularExpressions.Generator.dll)",
            BuildReport.MismatchedAnalyzers(CompilerCommandLine(Generator), BuildReport.s_baseline));
        Assert.Equal("RunbookSdk.Analyzers.dll was not among its analyzers (RunbookSdk.Generators.dll, System.Text.RegularExpressions.Generator.dll)",
            BuildReport.MismatchedAnalyzers(CompilerCommandLine(Generator), new BuildReport.Configuration("both", Generator: true, Analyzers: true)));
        Assert.Equal("no compiler command line with its analyzers in the build's output",
            BuildReport.MismatchedAnalyzers("Build succeeded.\n", BuildReport.s_baseline));
    }
}

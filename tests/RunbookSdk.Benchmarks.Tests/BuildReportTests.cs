namespace RunbookSdk.Benchmarks.Tests;

/// <summary>
/// A measured build in which the generator or a rule failed is refused (<see cref="BuildReport.FailedWork"/>): the
/// compiler reports each failure as a warning and goes on, and the failed work costs next to nothing, so the build
/// would measure as a win. The eighteenth session's kept driver failed every runbook and did.
/// </summary>
public sealed class BuildReportTests
{
    [Theory]
    [InlineData("/tmp/corpus/Runbook5.cs(12,9): warning RB0104: The runbook generator failed while producing the runbook, the rest of the project was still generated; please report this: InvalidOperationException: mutant [/tmp/corpus/Corpus.csproj]")]
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
}

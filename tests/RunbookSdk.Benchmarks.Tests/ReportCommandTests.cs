using System.Text;
using Xunit.Abstractions;

namespace RunbookSdk.Benchmarks.Tests;

/// <summary>
/// The in-process report commands that docs/performance.md gives to reproduce its figures, each run over 20 runbooks
/// and one round: a command that broke would leave the page naming a way to measure that no longer works. Each
/// checks that it measured real work (a generator that failed, a rule that threw), and the work counts `report`
/// prints are the caching budget itself, so they are asserted as the page states them. The build commands compile
/// real projects for minutes and are left to the packaging tests' real builds.
/// </summary>
[Collection(RunsAloneCollection.Name)]
public sealed class ReportCommandTests(ITestOutputHelper output)
{
    private const int Runbooks = 20;

    [Fact]
    public async Task Report_prints_that_an_edit_regenerates_only_its_runbook_and_an_unrelated_edit_nothing()
    {
        var printed = await Printed(() => WorkReport.PrintAsync(Runbooks));

        Assert.Contains("edit inside one runbook: outputs re-generated: RunbookSources=1, HandbookSources=0, CatalogSource=0", printed, StringComparison.Ordinal);
        Assert.Contains("edit in an unrelated file: outputs re-generated: RunbookSources=0, HandbookSources=0, CatalogSource=0", printed, StringComparison.Ordinal);
        Assert.Contains("SectionCompletenessAnalyzer", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keystroke_prints_that_only_the_edited_runbook_is_read_again()
    {
        var printed = await Printed(() => WorkReport.PrintKeystrokeCost(Runbooks, CorpusCompilation.Analyzers()));

        Assert.Contains("1 runbook read again", printed, StringComparison.Ordinal);
        Assert.Contains("a file that declares no runbook: ", printed, StringComparison.Ordinal);
        Assert.Contains("0 runbooks read again", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kept", "RunbookSdk generator's driver:")]
    [InlineData("pages", "+ the parts, pages as embedded")]
    [InlineData("allocs", "MB (build)")]
    [InlineData("rules-timeline", "round 1: analysis")]
    [InlineData("team-base", "team ÷ corpus")]
    public async Task A_report_runs_over_a_small_corpus(string command, string line)
    {
        Action print = command switch
        {
            "kept" => () => KeptStateReport.Print(Runbooks, 1),
            "pages" => () => PageCostReport.Print(Runbooks, 1),
            "allocs" => () => AllocationReport.Print(Runbooks, 1),
            "rules-timeline" => () => RuleTimeline.Print(Runbooks, 1),
            "team-base" => () => TeamBaseReport.Print(Runbooks, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };

        var printed = await Printed(print);

        Assert.Contains(line, printed, StringComparison.Ordinal);
    }

    /// <summary>What <paramref name="report"/> wrote to the console, also handed to the test's output.</summary>
    private async Task<string> Printed(Func<Task> report)
    {
        var original = Console.Out;
        var captured = new StringWriter(new StringBuilder());
        Console.SetOut(captured);
        try
        {
            await report();
        }
        finally
        {
            Console.SetOut(original);
            output.WriteLine(captured.ToString());
        }

        return captured.ToString();
    }

    private Task<string> Printed(Action report) => Printed(() => Task.Run(report));
}

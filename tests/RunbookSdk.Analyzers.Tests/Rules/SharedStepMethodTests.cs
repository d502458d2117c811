using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Steps;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A step method of another class that several runbooks give their steps (<c>Step("Ask", Team.Steps.Ask)</c>) is read
/// for each of them. RB0029 skipped its reads (only reads written in the runbook's own class were reported), so a read
/// of a renamed step there threw at 3 a.m. with no warning; reporting it per runbook would list it once per runbook at
/// the same line. It is reported once per place.
/// </summary>
public sealed class SharedStepMethodTests
{
    private static string Runbook(string name) => $$"""
        [Runbook("{{name.ToLowerInvariant()}}")]
        public sealed class {{name}} : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("{{name}}")
                .Phase("Act", p => p
                    .Step("Check status", s => s.Run("uptime"))
                    .Step("Ask", Team.Steps.Ask)
                    .Step("Again", s => Team.Steps.Ask(s)))
                .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                .NoRollback("read-only")
                .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://api.example.com/health")));
        }
        """;

    [Fact]
    public async Task A_read_in_a_step_method_of_another_class_that_several_runbooks_give_is_reported_once_where_it_is_written()
    {
        var source = "using System;\nusing System.Threading.Tasks;\nusing RunbookSdk;\n\n" + Runbook("First") + "\n" + Runbook("Second") + """

            namespace Team
            {
                public static class Steps
                {
                    public static void Ask(IStepBuilder s) => s.Execute("Decide", ctx => Task.FromResult(
                        ctx.Outputs["Check the status"] +
                        ctx.Outputs["Check status"]));
                }
            }
            """;

        var reads = (await TestReferences.Compile(source).WithAnalyzers([new OutputReadAnalyzer()]).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == "RB0029").ToList();

        var read = Assert.Single(reads);
        Assert.Contains("\"Check the status\"", read.Location.SourceTree!.GetText().GetSubText(read.Location.SourceSpan).ToString(), StringComparison.Ordinal);
        Assert.Contains("names no step's title", read.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}

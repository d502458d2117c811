using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A phase's time box written with named arguments (<c>TimeBox.Minutes(to: 15, from: 5)</c>) is the window the
/// runtime makes of it, 5 to 15 minutes: read by position, the page told the on-call engineer 15 to 5.
/// </summary>
public sealed class NamedTimeBoxTests
{
    [Theory]
    [InlineData("TimeBox.Minutes(to: 15, from: 5)", "TimeBox.Minutes(5, 15)")]
    [InlineData("TimeBox.Minutes(from: 5, to: 15)", "TimeBox.Minutes(5, 15)")]
    [InlineData("TimeBox.Minutes(5, to: 15)", "TimeBox.Minutes(5, 15)")]
    [InlineData("TimeBox.Minutes(from: 5, 15)", "TimeBox.Minutes(5, 15)")]
    [InlineData("TimeBox.Hours(to: 4, from: 1)", "TimeBox.Hours(1, 4)")]
    [InlineData("TimeBox.Minutes(to: 30)", "TimeBox.Minutes(30)")]
    public void A_time_box_with_named_bounds_is_documented_as_the_window_it_makes(string named, string positional)
    {
        Assert.Equal(Page(positional), Page(named).Replace(named, positional, StringComparison.Ordinal));
    }

    [Fact]
    public void The_page_shows_the_window_from_its_start_to_its_end()
    {
        var page = Page("TimeBox.Minutes(to: 15, from: 5)");

        Assert.Contains("## Phase 1: P (5-15 minutes)", page, StringComparison.Ordinal);
    }

    private static string Page(string timeBox)
    {
        var source = $$"""
            using System;
            using RunbookSdk;

            [Runbook("g")]
            public sealed class G : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("G")
                    .Phase("P", {{timeBox}}, p => p.Step("Look", s => s.Instruction("Look at the dashboard")));
            }
            """;
        var (run, _) = GeneratorHarness.Run(source);

        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "RB0104");
        return GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "G.Runbook.g.cs"));
    }
}

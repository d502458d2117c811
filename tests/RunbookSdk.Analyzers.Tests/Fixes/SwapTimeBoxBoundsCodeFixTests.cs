using RunbookSdk.Analyzers.Arguments;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Arguments;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>RB0021's fix for a time box written the wrong way round: the bounds change places.</summary>
public sealed class SwapTimeBoxBoundsCodeFixTests
{
    private static string Runbook(string timeBox) =>
        Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""")
            .Replace("TimeBox.Minutes(0, 5)", timeBox, StringComparison.Ordinal);

    [Theory]
    [InlineData("TimeBox.Minutes(15, 5)", "TimeBox.Minutes(5, 15)")]
    [InlineData("TimeBox.Hours(4, /* the first hour */ 1)", "TimeBox.Hours(1, /* the first hour */ 4)")]
    [InlineData("new TimeBox(TimeSpan.FromMinutes(30), TimeSpan.Zero)", "new TimeBox(TimeSpan.Zero, TimeSpan.FromMinutes(30))")]
    [InlineData("TimeBox.Minutes(to: 5, from: 15)", "TimeBox.Minutes(to: 15, from: 5)")] // the names stay: now 5 to 15
    [InlineData("TimeBox.Minutes(15, to: 5)", "TimeBox.Minutes(5, to: 15)")]
    [InlineData("new TimeBox(To: TimeSpan.Zero, From: TimeSpan.FromMinutes(30))", "new TimeBox(To: TimeSpan.FromMinutes(30), From: TimeSpan.Zero)")]
    public Task A_backwards_time_box_gets_its_bounds_swapped(string before, string after) =>
        Verify<RefusedArgumentAnalyzer>.FixAsync<SwapTimeBoxBoundsCodeFix>(Runbook("{|RB0021:" + before + "|}"), Runbook(after));

    [Theory]
    [InlineData("TimeBox.Minutes(5, -15)")] // swapped, it would start before the incident
    [InlineData("TimeBox.Minutes(-5, 15)")]
    [InlineData("TimeBox.Hours(-1)")]
    public Task A_time_box_that_swapping_does_not_mend_gets_no_fix(string timeBox) =>
        Verify<RefusedArgumentAnalyzer>.FixAsync<SwapTimeBoxBoundsCodeFix>(Runbook("{|RB0021:" + timeBox + "|}"), Runbook("{|RB0021:" + timeBox + "|}"));
}

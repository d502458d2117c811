using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// A duration the compiler accepts but that is no <c>TimeSpan</c> (it throws at run time) is documented as written:
/// reading it must not make the generator throw, which would lose every page of the project.
/// </summary>
public sealed class DurationRangeTests
{
    public static TheoryData<string> OutOfRange => new()
    {
        "new TimeSpan(int.MaxValue, 0, 0)",
        "new TimeSpan(int.MaxValue, 0, 0, 0)",
        "new TimeSpan(0, int.MaxValue, int.MaxValue, int.MaxValue)",
        "TimeSpan.FromDays(1e9)",
        "TimeSpan.FromDays(-1e9)",
        "TimeSpan.FromHours(double.NaN)",
        "TimeSpan.FromMilliseconds(double.PositiveInfinity)",
        "TimeSpan.FromMinutes(long.MaxValue)",
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_wait_out_of_TimeSpan_range_is_documented_as_written(string duration)
    {
        var page = Page($".Step(\"Hold\", s => s.Wait({duration}, \"let it settle\"))", "TimeBox.Minutes(0, 5)");

        Assert.Contains($"**Wait** {duration}: let it settle", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TimeBox.Hours(int.MaxValue)", "0 - TimeBox.Hours(int.MaxValue)")]
    [InlineData("TimeBox.Hours(1, int.MaxValue)", "0 - TimeBox.Hours(1, int.MaxValue)")]
    public void A_time_box_out_of_TimeSpan_range_is_documented_as_written(string timeBox, string shown)
    {
        var page = Page(".Step(\"Hold\", s => s.Instruction(\"Look\"))", timeBox);

        Assert.Contains(shown, page, StringComparison.Ordinal);
    }

    private static string Page(string step, string timeBox)
    {
        var source = $$"""
            using System;
            using RunbookSdk;

            [Runbook("g")]
            public sealed class G : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("G")
                    .Phase("P", {{timeBox}}, p => p{{step}});
            }
            """;
        var (run, _) = GeneratorHarness.Run(source);

        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "RB0104");
        return GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "G.Runbook.g.cs"));
    }
}

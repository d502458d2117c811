using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// The .NET 9 <c>TimeSpan</c> factories that take several units (<c>TimeSpan.FromMinutes(1, 30)</c>) and the
/// constructors are documented by their value, as the runtime computes it (named arguments bound by name), not as
/// source text.
/// </summary>
public sealed class DurationOverloadTests
{
    [Theory]
    [InlineData("TimeSpan.FromMinutes(1, 30)", "90 seconds")]
    [InlineData("TimeSpan.FromHours(1, 30)", "90 minutes")]
    [InlineData("TimeSpan.FromHours(2, minutes: 0)", "2 hours")]
    [InlineData("TimeSpan.FromHours(1, seconds: 60)", "61 minutes")]
    [InlineData("TimeSpan.FromDays(1, 12)", "36 hours")]
    [InlineData("TimeSpan.FromDays(0, 0, 0, 0, 0, 0)", "0 minutes")]
    [InlineData("TimeSpan.FromSeconds(30L, 0L)", "30 seconds")]
    [InlineData("TimeSpan.FromMinutes(2, -60)", "1 minute")]
    [InlineData("TimeSpan.FromMinutes(15)", "15 minutes")]
    [InlineData("TimeSpan.FromMinutes(1.5)", "90 seconds")]
    [InlineData("TimeSpan.FromMilliseconds(500)", "500 milliseconds")]
    [InlineData("TimeSpan.FromSeconds(1.5)", "1.5 seconds")]
    [InlineData("new TimeSpan(0, 0, 1, 30, 0)", "90 seconds")]
    [InlineData("new TimeSpan(0, 1, 30)", "90 seconds")]
    [InlineData("new TimeSpan(minutes: 5, hours: 1, seconds: 0)", "65 minutes")] // by name: by position it read 5 hours
    [InlineData("new TimeSpan(seconds: 30, minutes: 1, hours: 0)", "90 seconds")]
    [InlineData("new TimeSpan(0, 1, 0, seconds: 0)", "1 hour")]
    [InlineData("new TimeSpan(0, 0, 0, 1, 500, 0)", "1.5 seconds")] // .NET 7's microseconds overload
    public void A_constant_duration_is_documented_by_its_value(string duration, string shown)
    {
        var page = WaitPage(duration);

        Assert.Contains($"**Wait** {shown}: let it settle", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TimeSpan.FromDays(int.MaxValue, int.MaxValue)")]
    [InlineData("TimeSpan.FromMinutes(long.MaxValue, long.MaxValue)")]
    [InlineData("TimeSpan.FromSeconds(long.MaxValue / 1000000, 0)")]
    public void A_sum_out_of_range_is_documented_as_written(string duration)
    {
        var page = WaitPage(duration);

        Assert.Contains($"**Wait** {duration}: let it settle", page, StringComparison.Ordinal);
    }

    private static string WaitPage(string duration)
    {
        var source = $$"""
            using System;
            using RunbookSdk;

            [Runbook("g")]
            public sealed class G : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("G")
                    .Phase("P", p => p.Step("Hold", s => s.Wait({{duration}}, "let it settle")));
            }
            """;
        var (run, _) = GeneratorHarness.Run(source);

        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "RB0104");
        return GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "G.Runbook.g.cs"));
    }
}

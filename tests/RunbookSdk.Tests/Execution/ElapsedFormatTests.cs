using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Execution;

/// <summary>
/// Incident time as the console shows it. An incident resumed the next day is more than 24 hours old: it must read
/// 25:00:00, not 1:00:00 (the hours of the day), which would hide a whole day from the engineer.
/// </summary>
public sealed class ElapsedFormatTests
{
    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(2_500, "2.5 s")]
    [InlineData(90_000, "1:30")]
    [InlineData(3_600_000, "1:00:00")]
    [InlineData(90_000_000, "25:00:00")]
    [InlineData(180_125_000, "50:02:05")]
    public void Elapsed_time_counts_hours_past_a_day(long milliseconds, string expected) =>
        Assert.Equal(expected, LiveRun.FormatElapsed(TimeSpan.FromMilliseconds(milliseconds)));
}

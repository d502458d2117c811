namespace RunbookSdk.Tests.Dsl;

/// <summary>
/// The one duration wording the page, the dry run and the runner's messages share: a time limit of half a second
/// read "0 seconds" everywhere, which tells the on-call engineer the step has no time at all.
/// </summary>
public sealed class DurationsTests
{
    [Theory]
    [InlineData(0, "0 minutes")]
    [InlineData(500, "500 milliseconds")]
    [InlineData(1, "1 millisecond")]
    [InlineData(999, "999 milliseconds")]
    [InlineData(1_000, "1 second")]
    [InlineData(1_500, "1.5 seconds")]
    [InlineData(2_250, "2.25 seconds")]
    [InlineData(90_000, "90 seconds")]
    [InlineData(90_500, "90.5 seconds")]
    [InlineData(120_000, "2 minutes")]
    [InlineData(3_600_000, "1 hour")]
    [InlineData(86_400_000, "1 day")]
    public void Formats_in_the_largest_whole_unit_and_keeps_fractions_of_a_second(long milliseconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void A_fraction_of_a_millisecond_is_not_zero() =>
        Assert.Equal("0.25 milliseconds", Durations.Format(TimeSpan.FromTicks(2_500)));

    [Fact]
    public void A_long_duration_in_minutes_or_seconds_does_not_wrap_around()
    {
        // 3,000,000,001 minutes is a valid TimeSpan (5,700 years) past int's range.
        Assert.Equal("3000000001 minutes", Durations.Format(TimeSpan.FromMinutes(3_000_000_001)));
        Assert.Equal("900000000001 seconds", Durations.Format(TimeSpan.FromSeconds(900_000_000_001)));
    }

    [Fact]
    public void A_window_under_a_second_names_its_unit_once() =>
        Assert.Equal("0-500 milliseconds", Durations.FormatRange(TimeSpan.Zero, TimeSpan.FromMilliseconds(500)));
}

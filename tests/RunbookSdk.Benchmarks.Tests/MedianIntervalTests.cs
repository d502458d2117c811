namespace RunbookSdk.Benchmarks.Tests;

/// <summary>
/// The interval every build report prints beside a paired ratio, and from which the budget's verdict is read: the
/// k-th smallest to the k-th largest figure, with the binomial probability that it holds the true median.
/// </summary>
public class MedianIntervalTests
{
    [Fact]
    public void Six_rounds_give_their_whole_range_at_one_minus_two_in_sixty_four()
    {
        var interval = MedianInterval.Of([1.10, 1.31, 0.97, 1.20, 1.05, 1.14]);

        Assert.Equal(0.97, interval.Low);
        Assert.Equal(1.31, interval.High);
        Assert.Equal(1 - 2.0 / 64, interval.Confidence, precision: 12);
    }

    [Fact]
    public void Twelve_rounds_drop_two_figures_at_each_end_as_a_third_would_fall_under_95_percent()
    {
        // 1 − 2·P(B ≤ 2) for B ~ Binomial(12, ½) = 1 − 2·(1 + 12 + 66)/4096; with k = 4 it would be 1 − 2·299/4096 ≈ 0.85.
        double[] figures = [1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 1.07, 1.08, 1.09, 1.10, 1.11, 1.12];

        var interval = MedianInterval.Of(figures.Reverse());

        Assert.Equal(1.03, interval.Low);
        Assert.Equal(1.10, interval.High);
        Assert.Equal(1 - 2.0 * 79 / 4096, interval.Confidence, precision: 12);
    }

    [Fact]
    public void Twenty_four_rounds_give_the_seventh_from_each_end_at_98_percent()
    {
        // P(B ≤ 6) for B ~ Binomial(24, ½) = (1 + 24 + 276 + 2024 + 10626 + 42504 + 134596) / 2^24.
        var figures = Enumerable.Range(1, 24).Select(i => (double)i).ToArray();

        var interval = MedianInterval.Of(figures);

        Assert.Equal(7, interval.Low);
        Assert.Equal(18, interval.High);
        Assert.Equal(1 - 2.0 * 190051 / 16777216, interval.Confidence, precision: 12);
    }

    [Fact]
    public void Fewer_than_six_rounds_cannot_reach_95_percent_and_say_so()
    {
        var interval = MedianInterval.Of([1.2, 0.9, 1.0, 1.1, 1.3]);

        Assert.Equal(0.9, interval.Low);
        Assert.Equal(1.3, interval.High);
        Assert.Equal(1 - 2.0 / 32, interval.Confidence, precision: 12);
        Assert.True(interval.Confidence < 0.95);
    }

    [Fact]
    public void No_rounds_give_no_interval()
    {
        var interval = MedianInterval.Of([]);

        Assert.True(double.IsNaN(interval.Low) && double.IsNaN(interval.High));
        Assert.Equal(0, interval.Confidence);
    }

    [Theory]
    [InlineData(1.02, 1.14, "under")]
    [InlineData(1.16, 1.30, "over")]
    [InlineData(1.08, 1.24, "cannot tell")]
    [InlineData(1.00, 1.15, "cannot tell")] // an interval that reaches the line does not lie under it
    public void The_verdict_needs_the_whole_interval_on_one_side_of_the_line(double low, double high, string verdict) =>
        Assert.Equal(verdict, new MedianInterval(low, high, 0.96).Against(1.15));
}

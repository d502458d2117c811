namespace RunbookSdk.Benchmarks;

/// <summary>
/// A confidence interval for the median of a run's figures that assumes nothing about their distribution: with n
/// figures sorted, the k-th smallest and the k-th largest hold the true median with probability
/// 1 − 2·P(Binomial(n, ½) ≤ k − 1). A build run's rounds on this VM spread by ±10–20 %, far from normal and with
/// outliers, so a figure's distance from a budget's line says nothing until the interval says which side it is on.
/// </summary>
/// <param name="Low">The k-th smallest figure.</param>
/// <param name="High">The k-th largest figure.</param>
/// <param name="Confidence">The probability that the interval holds the true median (at least 95 % when the run
/// has six figures or more; fewer cannot reach it, and the interval is then their whole range).</param>
internal readonly record struct MedianInterval(double Low, double High, double Confidence)
{
    /// <summary>The narrowest interval of the figures whose confidence is at least <paramref name="wanted"/>.</summary>
    public static MedianInterval Of(IEnumerable<double> figures, double wanted = 0.95)
    {
        var sorted = figures.Order().ToArray();
        var n = sorted.Length;
        if (n == 0) return new(double.NaN, double.NaN, 0);

        // Grow k while the interval from the k-th smallest to the k-th largest still reaches the confidence wanted;
        // k = 1 (the whole range) is the widest there is, kept even when it falls short.
        var k = 1;
        while (k < (n + 1) / 2 && Coverage(n, k + 1) >= wanted) k++;
        return new(sorted[k - 1], sorted[n - k], Coverage(n, k));
    }

    /// <summary>Whether the whole interval lies below <paramref name="line"/> (under it), above it, or holds it.</summary>
    public string Against(double line) => High < line ? "under" : Low > line ? "over" : "cannot tell";

    // 1 − 2·P(B ≤ k − 1) for B ~ Binomial(n, ½): the chance that fewer than k figures fall on either side of the median.
    private static double Coverage(int n, int k)
    {
        double tail = 0, term = Math.Pow(0.5, n); // C(n, 0) / 2^n
        for (var i = 0; i < k; i++)
        {
            tail += term;
            term = term * (n - i) / (i + 1);
        }

        return Math.Max(0, 1 - 2 * tail);
    }
}

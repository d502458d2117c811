using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A <see cref="RunnerOptions"/> time limit or count the runner cannot use is refused when it is set, naming the
/// option. Before, a zero <see cref="RunnerOptions.DefaultHttpTimeout"/> failed every request of the run ("no response
/// within 0 minutes"), and a negative <see cref="RunnerOptions.ObserverTimeout"/> threw from the end of the run, after
/// its steps, rollback and verification, leaving the journal without <c>run-finished</c>.
/// </summary>
public sealed class RunnerOptionsTests
{
    public static TheoryData<string, Func<RunnerOptions>> Refused => new()
    {
        { "DefaultHttpTimeout", () => new RunnerOptions { DefaultHttpTimeout = TimeSpan.Zero } },
        { "DefaultHttpTimeout", () => new RunnerOptions { DefaultHttpTimeout = TimeSpan.FromSeconds(-5) } },
        { "DefaultHttpTimeout", () => new RunnerOptions { DefaultHttpTimeout = TimeSpan.FromDays(60) } },
        { "ObserverTimeout", () => new RunnerOptions { ObserverTimeout = TimeSpan.FromSeconds(-1) } },
        { "ObserverTimeout", () => new RunnerOptions { ObserverTimeout = TimeSpan.MaxValue } },
        { "BackgroundStopGrace", () => new RunnerOptions { BackgroundStopGrace = TimeSpan.FromSeconds(-1) } },
        { "JournalOutputTail", () => new RunnerOptions { JournalOutputTail = -1 } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_value_the_runner_cannot_use_is_refused_when_set(string option, Func<RunnerOptions> create)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(create);

        Assert.Equal(option, refused.ParamName);
        Assert.StartsWith($"{option} must ", refused.Message);
    }

    [Fact]
    public void Null_masked_values_are_refused_when_set_rather_than_when_the_run_starts()
    {
        var refused = Assert.Throws<ArgumentNullException>(() => new RunnerOptions { MaskedValues = null! });

        Assert.Equal("MaskedValues", refused.ParamName);
        Assert.Empty(new RunnerOptions().MaskedValues);
    }

    [Fact]
    public void Defaults_zero_where_it_means_something_and_no_limit_are_taken()
    {
        var defaults = new RunnerOptions();
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), 10),
            (defaults.DefaultHttpTimeout, defaults.ObserverTimeout, defaults.BackgroundStopGrace, defaults.JournalOutputTail));

        var options = new RunnerOptions
        {
            DefaultHttpTimeout = Timeout.InfiniteTimeSpan,
            ObserverTimeout = TimeSpan.Zero,
            BackgroundStopGrace = TimeSpan.Zero,
            JournalOutputTail = 0,
        };
        Assert.Equal((Timeout.InfiniteTimeSpan, TimeSpan.Zero, TimeSpan.Zero, 0),
            (options.DefaultHttpTimeout, options.ObserverTimeout, options.BackgroundStopGrace, options.JournalOutputTail));
        Assert.Equal(Timeout.InfiniteTimeSpan, new RunnerOptions { ObserverTimeout = Timeout.InfiniteTimeSpan }.ObserverTimeout);
    }
}

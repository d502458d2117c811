using RunbookSdk.Hosting;

namespace RunbookSdk.Tests.Hosting;

/// <summary>Command-line text to typed parameter values: what a 3 a.m. typo must not silently become.</summary>
public sealed class ParameterValuesTests
{
    public enum Target { Staging, Production }

    [Flags]
    public enum Checks { None = 0, Health = 1, Version = 2 }

    [Theory]
    [InlineData("production", Target.Production)]
    [InlineData(" Staging ", Target.Staging)]
    public void An_enum_takes_its_names_in_any_case(string text, Target expected) =>
        Assert.Equal(expected, ParameterValues.Parse<Target>("Target", text));

    [Theory]
    [InlineData("1")] // the number of Production: a typo must not pick the production target
    [InlineData("7")] // no member at all: every switch over the enum would fall through
    [InlineData("-1")]
    [InlineData("Staging,Production")] // not a [Flags] enum: Enum.Parse ORed them into Production
    public void An_enum_refuses_numbers_and_lists_naming_its_members(string text)
    {
        var error = Assert.Throws<ParameterBindingException>(() => ParameterValues.Parse<Target>("Target", text));
        Assert.Equal("Target", error.Parameter);
        Assert.Equal($"Parameter 'Target' expects one of Staging, Production, but got '{text}'.", error.Message);
    }

    [Fact]
    public void A_flags_enum_takes_a_list_of_its_names() =>
        Assert.Equal(Checks.Health | Checks.Version, ParameterValues.Parse<Checks>("Checks", "health, Version"));

    [Fact]
    public void A_flags_enum_refuses_a_number() =>
        Assert.Equal("Checks", Assert.Throws<ParameterBindingException>(() => ParameterValues.Parse<Checks>("Checks", "3")).Parameter);

    [Theory]
    [InlineData("00:15:00", 15 * 60)]
    [InlineData("0:15", 15 * 60)]
    [InlineData("1.00:00:00", 24 * 3600)]
    public void A_duration_is_hours_minutes_seconds(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ParameterValues.Parse<TimeSpan>("Window", text));

    [Fact]
    public void A_bare_number_is_not_taken_as_days()
    {
        // TimeSpan.Parse("15") is 15 days: an engineer who meant 15 minutes got a two-week wait.
        var error = Assert.Throws<ParameterBindingException>(() => ParameterValues.Parse<TimeSpan>("Window", "15"));
        Assert.Equal("Window", error.Parameter);
        Assert.Equal("Parameter 'Window' expects a duration like 00:15:00 (hours:minutes:seconds), but got '15', which would be read as days: write 00:15:00 for minutes or 15.00:00:00 for days.", error.Message);
        Assert.Contains("write 01:30:00 for minutes", Assert.Throws<ParameterBindingException>(() => ParameterValues.Parse<TimeSpan>("Window", "90")).Message);
        Assert.Equal("Parameter 'Window' expects a duration like 00:15:00 (hours:minutes:seconds), but got '15m'.",
            Assert.Throws<ParameterBindingException>(() => ParameterValues.Parse<TimeSpan>("Window", "15m")).Message);
    }

    [Fact]
    public void A_duration_formats_to_text_it_reads_back() =>
        Assert.Equal(TimeSpan.FromDays(2), ParameterValues.Parse<TimeSpan>("Window", ParameterValues.Format(TimeSpan.FromDays(2))));

    [Theory]
    [InlineData("https://api.example.com/health")]
    [InlineData("http://localhost:5099")]
    [InlineData("file:///var/run/health")]
    [InlineData("s3://bucket/key")]
    public void A_url_with_its_scheme_is_taken(string text) =>
        Assert.Equal(new Uri(text), ParameterValues.Parse<Uri>("HealthUrl", text));

    [Theory]
    [InlineData("/health", "a local path")] // on Linux new Uri(..., Absolute) made it file:///health
    [InlineData("localhost:5099", "a host and port: write http://localhost:5099 or https://localhost:5099")] // scheme "localhost"
    [InlineData("db-1:8080/health", "a host and port: write http://db-1:8080/health or https://db-1:8080/health")]
    public void A_url_without_its_scheme_is_refused_before_the_run(string text, string why)
    {
        var error = Assert.Throws<ParameterBindingException>(() => ParameterValues.Parse<Uri>("HealthUrl", text));
        Assert.Equal("HealthUrl", error.Parameter);
        Assert.Equal($"Parameter 'HealthUrl' expects an absolute URL with its scheme (https://host/path), but got '{text}', {why}.", error.Message);
    }
}

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

    [Theory]
    [InlineData("06.12.2026")] // German for 6 December: the invariant culture read it as month.day, 12 June
    [InlineData("12/06/2026")] // Turkish and British for 12 June: read as 6 December
    [InlineData("13.12.2026")]
    public void A_date_is_year_month_day_and_one_that_puts_the_day_and_month_in_some_order_is_refused(string text)
    {
        var error = Assert.Throws<ParameterBindingException>(() => ParameterValues.Parse<DateOnly>("Since", text));
        Assert.Equal($"Parameter 'Since' expects a date like 2026-12-06 (year-month-day), but got '{text}'.", error.Message);
        Assert.Equal(new DateOnly(2026, 12, 6), ParameterValues.Parse<DateOnly>("Since", "2026-12-06"));
    }

    [Fact]
    public void A_point_in_time_is_year_month_day_first_and_formats_to_text_that_reads_the_same_everywhere()
    {
        var error = Assert.Throws<ParameterBindingException>(() => ParameterValues.Parse<DateTimeOffset>("From", "06.12.2026 14:00"));
        Assert.Equal("Parameter 'From' expects a date and time like 2026-12-06T14:00:00+01:00 (year-month-day), but got '06.12.2026 14:00'.", error.Message);
        var at = new DateTimeOffset(2026, 12, 6, 14, 0, 0, TimeSpan.FromHours(3));
        Assert.Equal(at, ParameterValues.Parse<DateTimeOffset>("From", "2026-12-06T14:00:00+03:00"));
        Assert.Equal(at, ParameterValues.Parse<DateTimeOffset>("From", "2026-12-06 14:00+03:00"));
        Assert.Equal("2026-12-06T14:00:00+03:00", ParameterValues.Format(at));
        Assert.Equal("2026-12-06", ParameterValues.Format(new DateOnly(2026, 12, 6)));
        Assert.Equal(at, ParameterValues.Parse<DateTimeOffset>("From", ParameterValues.Format(at)));
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

using RunbookSdk.Dsl.Recording;

namespace RunbookSdk.Tests.Dsl;

/// <summary>
/// Every refusal of a DSL argument names the call and the value written, in the words RB0021 quotes at build time.
/// Three were the framework's own: "attempts ('0') must be greater than or equal to '1'", "timeout ('00:00:00') must
/// be greater than '00:00:00'" and "Year, Month, and Day parameters describe an un-representable DateOnly" — the
/// last without saying which call, in a "could not be prepared" line at 3 a.m.
/// </summary>
public sealed class RefusalWordingTests
{
    [Fact]
    public void Retry_with_no_attempt_says_so()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => StepRecorder.Record("step", s => s.Run("x").Retry(0, TimeSpan.FromSeconds(1))));

        Assert.StartsWith("Retry(attempts, backoff) needs at least 1 attempt (the first run counts); it is 0.", refused.Message);
    }

    [Fact]
    public void A_time_limit_of_no_time_on_code_says_so()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() =>
            StepRecorder.Record("step", s => s.Execute("warm the cache", _ => Task.CompletedTask).Timeout(TimeSpan.Zero)));

        Assert.StartsWith("Timeout(timeout) of C# code must be more than zero; it is 0 minutes. Leave Timeout out for the default (5 minutes).", refused.Message);
    }

    [Theory]
    [InlineData(2027, 2, 30, "ReviewDate")]
    [InlineData(2027, 13, 1, "ReviewDate")]
    [InlineData(0, 1, 1, "LastUpdated")]
    public void A_day_the_calendar_does_not_have_names_the_call_and_the_day(int year, int month, int day, string call)
    {
        var runbook = new Dated(call, year, month, day);

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => RunbookRecorder.Record("dated", runbook));

        Assert.StartsWith($"{call}(year, month, day) must be a day of the calendar; it is {call}({year}, {month}, {day}).", refused.Message);
    }

    [Fact]
    public void A_day_the_calendar_has_is_kept() =>
        Assert.Equal(new DateOnly(2028, 2, 29), RunbookRecorder.Record("dated", new Dated("ReviewDate", 2028, 2, 29)).Document.ReviewDate);

    private sealed class Dated(string call, int year, int month, int day) : Runbook
    {
        public override void Define(IRunbookBuilder rb)
        {
            rb.Title("Dated");
            if (call == "ReviewDate") rb.ReviewDate(year, month, day);
            else rb.LastUpdated(year, month, day);
        }
    }
}

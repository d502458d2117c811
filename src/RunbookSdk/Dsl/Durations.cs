using System;
using System.Globalization;

namespace RunbookSdk;

/// <summary>Formats durations the way incident documents write them ("15 minutes", "2 hours").</summary>
public static class Durations
{
    /// <summary>
    /// Formats a duration in the largest whole unit, e.g. <c>15 minutes</c>, <c>2 hours</c>, <c>1 day</c>; one that
    /// is no whole number of seconds in seconds with their fraction (<c>1.5 seconds</c>, to the millisecond), and one
    /// under a second in milliseconds (<c>500 milliseconds</c>), never as <c>0 seconds</c>. A negative one the same way
    /// with its sign (<c>-5 minutes</c>, not <c>-300 seconds</c>).
    /// </summary>
    /// <param name="value">The duration.</param>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0 minutes";
        // The magnitude in its own unit: whole units are found on positive ticks. MinValue has no positive twin; a tick
        // less is the same text.
        if (value < TimeSpan.Zero) return "-" + Format(value == TimeSpan.MinValue ? TimeSpan.MaxValue : value.Negate());
        var ticks = value.Ticks;
        // Whole units from the ticks, exactly, and counted in long: 3,000,000,001 minutes is a TimeSpan past int.
        if (ticks >= TimeSpan.TicksPerDay && ticks % TimeSpan.TicksPerDay == 0) return Plural(ticks / TimeSpan.TicksPerDay, "day");
        if (ticks >= TimeSpan.TicksPerHour && ticks % TimeSpan.TicksPerHour == 0) return Plural(ticks / TimeSpan.TicksPerHour, "hour");
        if (ticks >= TimeSpan.TicksPerMinute && ticks % TimeSpan.TicksPerMinute == 0) return Plural(ticks / TimeSpan.TicksPerMinute, "minute");
        if (ticks % TimeSpan.TicksPerSecond == 0) return Plural(ticks / TimeSpan.TicksPerSecond, "second");
        // Half a second read "0 seconds" (a time limit of nothing at all); a tick is a ten-thousandth of a millisecond.
        if (value.Duration() < TimeSpan.FromSeconds(1)) return Fraction(value.TotalMilliseconds, "0.####", "millisecond");
        return Fraction(value.TotalSeconds, "0.###", "second");
    }

    /// <summary>Formats a window, e.g. <c>0-5 minutes</c>, <c>5-15 minutes</c>, <c>1-4 hours</c>.</summary>
    /// <param name="from">Start of the window.</param>
    /// <param name="to">End of the window.</param>
    public static string FormatRange(TimeSpan from, TimeSpan to)
    {
        var end = Format(to);
        var unit = end[(end.IndexOf(' ') + 1)..];
        var start = Format(from);
        var startNumber = start[..start.IndexOf(' ')];
        var startUnit = start[(start.IndexOf(' ') + 1)..];
        // "0-5 minutes" reads better than "0 minutes-5 minutes"; mixed units keep both.
        return from == TimeSpan.Zero || startUnit.TrimEnd('s') == unit.TrimEnd('s')
            ? $"{startNumber}-{end}"
            : $"{start} - {end}";
    }

    private static string Plural(long n, string unit) => n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";

    /// <summary>A number with a fraction, in the invariant culture whatever the machine's (the page is built anywhere).</summary>
    private static string Fraction(double n, string format, string unit)
    {
        var text = n.ToString(format, CultureInfo.InvariantCulture);
        return text == "1" ? $"1 {unit}" : $"{text} {unit}s";
    }
}

using System;

namespace RunbookSdk;

/// <summary>Formats durations the way incident documents write them ("15 minutes", "2 hours").</summary>
public static class Durations
{
    /// <summary>Formats a duration in the largest whole unit, e.g. <c>15 minutes</c>, <c>2 hours</c>, <c>1 day</c>.</summary>
    /// <param name="value">The duration.</param>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0 minutes";
        if (value.TotalDays >= 1 && value.TotalDays == Math.Floor(value.TotalDays)) return Plural((int)value.TotalDays, "day");
        if (value.TotalHours >= 1 && value.TotalHours == Math.Floor(value.TotalHours)) return Plural((int)value.TotalHours, "hour");
        if (value.TotalMinutes >= 1 && value.TotalMinutes == Math.Floor(value.TotalMinutes)) return Plural((int)value.TotalMinutes, "minute");
        return Plural((int)Math.Round(value.TotalSeconds), "second");
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

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}

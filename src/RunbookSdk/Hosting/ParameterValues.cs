using System.Globalization;
using System.Text.RegularExpressions;

namespace RunbookSdk.Hosting;

/// <summary>
/// Converts parameter text from the command line to typed values and back: every parameter type a runbook may
/// declare is handled here.
/// </summary>
public static partial class ParameterValues
{
    /// <summary>Parses <paramref name="text"/> as <typeparamref name="T"/>, or throws <see cref="ParameterBindingException"/> naming the parameter.</summary>
    /// <typeparam name="T">string, bool, int, long, double, decimal, TimeSpan, DateOnly, DateTimeOffset, Uri, Guid, an enum, or a nullable of one of those.</typeparam>
    /// <param name="name">Parameter name, for the error message.</param>
    /// <param name="text">The text given on the command line.</param>
    public static T Parse<T>(string name, string text) => (T)Parse(typeof(T), name, text)!;

    /// <summary>Parses <paramref name="text"/> as a value of <paramref name="type"/>, or throws <see cref="ParameterBindingException"/> naming the parameter.</summary>
    /// <param name="type">string, bool, int, long, double, decimal, TimeSpan, DateOnly, DateTimeOffset, Uri, Guid, an enum, or a nullable of one of those.</param>
    /// <param name="name">Parameter name, for the error message.</param>
    /// <param name="text">The text given on the command line.</param>
    public static object? Parse(Type type, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(type);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying != type && text.Length == 0) return null;
        try
        {
            return underlying switch
            {
                _ when underlying == typeof(string) => text,
                _ when underlying == typeof(bool) => ParseBool(text),
                _ when underlying == typeof(int) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                _ when underlying == typeof(long) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                _ when underlying == typeof(double) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ when underlying == typeof(decimal) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
                _ when underlying == typeof(TimeSpan) => ParseDuration(name, text),
                _ when underlying == typeof(DateOnly) => ParseDate(text),
                _ when underlying == typeof(DateTimeOffset) => ParsePointInTime(text),
                _ when underlying == typeof(Guid) => Guid.Parse(text),
                _ when underlying == typeof(Uri) => ParseUrl(name, text),
                _ when underlying.IsEnum => ParseEnum(underlying, text),
                _ => throw new ParameterBindingException(name, $"Parameter '{name}' has type {underlying.Name}, which runbook parameters do not support."),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or UriFormatException)
        {
            throw new ParameterBindingException(name, $"Parameter '{name}' expects {Describe(underlying)}, but got '{text}'.");
        }
    }

    /// <summary>Formats a parameter value as text, the way <see cref="Parse{T}"/> reads it back.</summary>
    /// <typeparam name="T">Parameter type.</typeparam>
    /// <param name="value">The value.</param>
    public static string Format<T>(T value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy'-'MM'-'dd'T'HH':'mm':'sszzz" : "O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" or "on" => true,
        "false" or "no" or "0" or "off" => false,
        _ => throw new FormatException(),
    };

    /// <summary>
    /// A duration as <c>[d.]hh:mm[:ss]</c>. TimeSpan.Parse reads a bare number as days: <c>Window=15</c>, meant as 15
    /// minutes, became 15 days (a wait of two weeks, logs since a fortnight ago), with nothing on screen saying so.
    /// Such text is refused with the two ways to write what was meant.
    /// </summary>
    private static TimeSpan ParseDuration(string name, string text)
    {
        if (!text.Contains(':'))
        {
            var meant = int.TryParse(text, NumberStyles.None | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var number) && number <= 10_000
                ? $", which would be read as days: write {TimeSpan.FromMinutes(number).ToString("c", CultureInfo.InvariantCulture)} for minutes or {TimeSpan.FromDays(number).ToString("c", CultureInfo.InvariantCulture)} for days"
                : "";
            throw new ParameterBindingException(name, $"Parameter '{name}' expects a duration like 00:15:00 (hours:minutes:seconds), but got '{text}'{meant}.");
        }
        return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A date as <c>yyyy-MM-dd</c> only. The invariant culture reads a date month first: <c>Since=06.12.2026</c>, which
    /// a German engineer writes for 6 December, became 12 June, and <c>12/06/2026</c>, a Turkish 12 June, became 6
    /// December — logs read from the wrong week, with nothing on screen saying so. Year first has one reading.
    /// </summary>
    private static DateOnly ParseDate(string text) =>
        DateOnly.ParseExact(text.Trim(), "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>A date and time in ISO 8601 order (<c>2026-12-06T14:00:00+01:00</c>, a blank for the <c>T</c> too), for the reason <see cref="ParseDate"/> gives.</summary>
    private static DateTimeOffset ParsePointInTime(string text) => YearFirst().IsMatch(text)
        ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)
        : throw new FormatException();

    [GeneratedRegex(@"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([T ]|\s*$)")]
    private static partial Regex YearFirst();

    /// <summary>
    /// An absolute URL with its scheme written out. <c>new Uri(text, UriKind.Absolute)</c> also takes, on Linux and
    /// macOS, a path as a file URL (<c>/health</c> is <c>file:///health</c>), and a host and port as a URL whose scheme
    /// is the host (<c>localhost:5099</c>): both bound without a word and failed half-way through the run, at the first
    /// request, after the steps before it had changed things.
    /// </summary>
    private static Uri ParseUrl(string name, string text)
    {
        var url = new Uri(text, UriKind.Absolute);
        var written = text.Trim();
        if (url.IsFile && !written.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            throw new ParameterBindingException(name, $"Parameter '{name}' expects an absolute URL with its scheme (https://host/path), but got '{text}', a local path.");
        if (HostAndPort().IsMatch(written))
            throw new ParameterBindingException(name, $"Parameter '{name}' expects an absolute URL with its scheme (https://host/path), but got '{text}', a host and port: write http://{written} or https://{written}.");
        return url;
    }

    // "localhost:5099", "db-1:8080/health": a scheme-like word followed by a port, not by "//".
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:[0-9]+(/|$)")]
    private static partial Regex HostAndPort();

    /// <summary>
    /// An enum member by its name, in any case (several names separated by commas for a <c>[Flags]</c> enum). Not
    /// <see cref="Enum.Parse(Type, string, bool)"/> alone: it also takes a number — <c>Target=1</c> is
    /// <c>Production</c>, <c>Target=7</c> a value no member has, which every <c>switch</c> of the runbook falls
    /// through — and ORs a comma list of any enum into one value (<c>Staging,Production</c> is <c>Production</c>),
    /// while the error message promises "one of" the names.
    /// </summary>
    private static object ParseEnum(Type type, string text)
    {
        var names = Enum.GetNames(type);
        var words = type.IsDefined(typeof(FlagsAttribute), inherit: false) ? text.Split(',') : [text];
        foreach (var word in words)
        {
            if (!names.Contains(word.Trim(), StringComparer.OrdinalIgnoreCase)) throw new FormatException();
        }
        return Enum.Parse(type, text, ignoreCase: true);
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type == typeof(TimeSpan) => "a duration like 00:15:00",
        _ when type == typeof(DateOnly) => "a date like 2026-12-06 (year-month-day)",
        _ when type == typeof(DateTimeOffset) => "a date and time like 2026-12-06T14:00:00+01:00 (year-month-day)",
        _ when type == typeof(Uri) => "an absolute URL",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => "a " + type.Name,
    };
}

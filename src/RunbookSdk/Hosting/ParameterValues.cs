using System.Globalization;

namespace RunbookSdk.Hosting;

/// <summary>
/// Converts parameter text from the command line to typed values. Called by generated binding code,
/// so every parameter type a runbook may declare is handled here without reflection.
/// </summary>
public static class ParameterValues
{
    /// <summary>Parses <paramref name="text"/> as <typeparamref name="T"/>, or throws <see cref="ParameterBindingException"/> naming the parameter.</summary>
    /// <typeparam name="T">string, bool, int, long, double, decimal, TimeSpan, DateOnly, DateTimeOffset, Uri, Guid, an enum, or a nullable of one of those.</typeparam>
    /// <param name="name">Parameter name, for the error message.</param>
    /// <param name="text">The text given on the command line.</param>
    public static T Parse<T>(string name, string text)
    {
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (type != typeof(T) && text.Length == 0) return default!;
        try
        {
            object value = type switch
            {
                _ when type == typeof(string) => text,
                _ when type == typeof(bool) => ParseBool(text),
                _ when type == typeof(int) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                _ when type == typeof(long) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                _ when type == typeof(double) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ when type == typeof(decimal) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
                _ when type == typeof(TimeSpan) => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
                _ when type == typeof(DateOnly) => DateOnly.Parse(text, CultureInfo.InvariantCulture),
                _ when type == typeof(DateTimeOffset) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
                _ when type == typeof(Guid) => Guid.Parse(text),
                _ when type == typeof(Uri) => new Uri(text, UriKind.Absolute),
                _ when type.IsEnum => Enum.Parse(type, text, ignoreCase: true),
                _ => throw new ParameterBindingException(name, $"Parameter '{name}' has type {type.Name}, which runbook parameters do not support."),
            };
            return (T)value;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or UriFormatException)
        {
            throw new ParameterBindingException(name, $"Parameter '{name}' expects {Describe(type)}, but got '{text}'.");
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
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" or "on" => true,
        "false" or "no" or "0" or "off" => false,
        _ => throw new FormatException(),
    };

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type == typeof(TimeSpan) => "a duration like 00:15:00",
        _ when type == typeof(Uri) => "an absolute URL",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => "a " + type.Name,
    };
}

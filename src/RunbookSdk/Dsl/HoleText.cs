using System.Globalization;

namespace RunbookSdk;

/// <summary>
/// The text of an interpolated-string hole's value, as every handler of the DSL writes it (a command's, a URL's):
/// formatted invariantly, so a runbook sends <c>0.5</c> on a German machine too, and empty for null.
/// </summary>
internal static class HoleText
{
    /// <summary>The text of <paramref name="value"/>, with the hole's <paramref name="format"/> (<c>{Since:O}</c>) if any.</summary>
    public static string Of(object? value, string? format) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

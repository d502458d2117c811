using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RunbookSdk.Requests;

/// <summary>
/// What a hole of a JSON body writes: inside a string, its text JSON-escaped; outside one, one JSON value. Either way a
/// value holding <c>"</c>, <c>\</c>, <c>,</c> or <c>}</c> stays one value instead of ending the string or adding a field.
/// </summary>
internal static class JsonHoleText
{
    // As HttpClient's PostAsJsonAsync writes an object (web defaults: camelCase names), enums by name rather than by a
    // number no reader of the page would recognise, and non-ASCII text as it is, which JSON allows.
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The value's text for the inside of a JSON string: formatted invariantly, then JSON-escaped.</summary>
    public static string InString(object? value, string? format) => JsonText.Escaped(HoleText.Of(value, format));

    /// <summary>
    /// The value as one JSON value: <c>null</c>, a number, <c>true</c>/<c>false</c>, a string in quotes, an array for
    /// a sequence, an object for an object; a <see cref="JsonNode"/> or <see cref="JsonElement"/> as the JSON it holds.
    /// With a format (<c>{Since:O}</c>, <c>{Ratio:F2}</c>), the formatted text: a number when it reads as one, else a string.
    /// </summary>
    /// <exception cref="ArgumentException">The value cannot be written as JSON (NaN, a cycle).</exception>
    public static string AsValue(object? value, string? format)
    {
        switch (value)
        {
            case null:
                return "null";
            case JsonNode node:
                return node.ToJsonString(s_options);
            case JsonElement element:
                return element.GetRawText();
            case JsonDocument document:
                return document.RootElement.GetRawText();
            case string or char:
                return JsonText.Quoted(value.ToString()!);
        }

        if (format is not null)
        {
            var text = HoleText.Of(value, format);
            return IsNumber(value) && JsonText.IsNumber(text) ? text : JsonText.Quoted(text);
        }

        try
        {
            return JsonSerializer.Serialize(value, value.GetType(), s_options);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or ArgumentException or InvalidOperationException)
        {
            throw new ArgumentException($"A JSON body's hole holds a value ({value.GetType().Name}) that cannot be written as JSON: {e.Message}", nameof(value), e);
        }
    }

    /// <summary>Whether <paramref name="value"/> is a sequence, which only a hole outside a JSON string can write (as an array).</summary>
    public static bool IsSequence(object? value) => value is IEnumerable and not string;

    private static bool IsNumber(object value) => value is byte or sbyte or short or ushort or int or uint or long or ulong
        or float or double or decimal or Int128 or UInt128 or System.Numerics.BigInteger;
}

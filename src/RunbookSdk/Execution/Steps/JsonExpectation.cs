using System.Globalization;
using System.Text.Json;

namespace RunbookSdk.Execution;

/// <summary>
/// The rule of <c>ExpectJson(path, value)</c>: the value, written as text in the runbook, is compared with what the
/// JSON holds at the path by its kind, as a person reading the response would. Numbers by value (<c>3</c> meets
/// <c>3.0</c> and <c>3e0</c>); <c>true</c>, <c>false</c> and <c>null</c> as JSON literals (in any case: C# writes a
/// bool as <c>True</c>); strings by their text, exactly; objects and arrays by their JSON, with the same rules inside.
/// A value written as a JSON string literal (<c>"\"3\""</c>) asks for a string: the number 3 does not meet it.
/// </summary>
internal static class JsonExpectation
{
    private const int ShownLength = 200;

    /// <summary>Null when <paramref name="actual"/> meets <paramref name="expected"/>, else the failure, naming the kind found.</summary>
    public static string? Mismatch(string path, JsonElement? actual, string expected)
    {
        if (actual is not { } found) return $"JSON has no {path}";
        var wantsString = TryParse(expected) is { ValueKind: JsonValueKind.String };
        var meets = wantsString
            ? found.ValueKind == JsonValueKind.String && found.GetString() == TryParse(expected)!.Value.GetString()
            : Meets(found, expected);
        if (meets) return null;
        var shown = wantsString ? $"the string {expected.Trim()}" : expected.Length == 0 ? "\"\"" : expected;
        return $"JSON {path} is {Describe(found)}, expected {shown}";
    }

    private static bool Meets(JsonElement actual, string expected) => actual.ValueKind switch
    {
        JsonValueKind.String => actual.GetString() == expected,
        JsonValueKind.Number => SameNumber(actual.GetRawText(), expected),
        JsonValueKind.True => string.Equals(expected.Trim(), "true", StringComparison.OrdinalIgnoreCase),
        JsonValueKind.False => string.Equals(expected.Trim(), "false", StringComparison.OrdinalIgnoreCase),
        JsonValueKind.Null => string.Equals(expected.Trim(), "null", StringComparison.OrdinalIgnoreCase),
        _ => TryParse(expected) is { } parsed && Same(actual, parsed),
    };

    /// <summary>Deep equality of objects and arrays: numbers by value, strings exactly, property names exactly and in any order.</summary>
    private static bool Same(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number) return SameNumber(a.GetRawText(), b.GetRawText());
        if (a.ValueKind != b.ValueKind) return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => Same(p.First, p.Second));
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToList();
                var right = b.EnumerateObject().ToList();
                return left.Count == right.Count
                    && left.All(p => right.Count(q => q.Name == p.Name) == 1 && Same(p.Value, right.Single(q => q.Name == p.Name).Value));
            default:
                return true; // true, false, null: the kind is the value
        }
    }

    /// <summary>Two numbers written as text, by value: exactly as decimals where they fit, else as doubles.</summary>
    private static bool SameNumber(string actual, string expected)
    {
        const NumberStyles Style = NumberStyles.Float;
        var culture = CultureInfo.InvariantCulture;
        if (decimal.TryParse(actual, Style, culture, out var a) && decimal.TryParse(expected, Style, culture, out var b)) return a == b;
        return double.TryParse(actual, Style, culture, out var x) && double.TryParse(expected, Style, culture, out var y)
            && double.IsFinite(x) && double.IsFinite(y) && x == y;
    }

    private static JsonElement? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What was found, with its kind: <c>the number 3.0</c>, <c>the string "3"</c>, <c>the boolean true</c>, <c>null</c>.</summary>
    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {Cut(JsonSerializer.Serialize(value.GetString()))}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True => "the boolean true",
        JsonValueKind.False => "the boolean false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => $"an array {Cut(Compact(value))}",
        _ => $"an object {Cut(Compact(value))}",
    };

    private static string Compact(JsonElement value) => JsonSerializer.Serialize(value);

    private static string Cut(string text) => text.Length <= ShownLength ? text : text[..ShownLength] + "…";
}

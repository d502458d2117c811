using System.Globalization;
using System.Text.Json;

namespace RunbookSdk.Execution;

/// <summary>Reads a dotted path (<c>status</c>, <c>data.total</c>, <c>items.0.name</c>) from a JSON document.</summary>
internal static class JsonPath
{
    /// <summary>The value at <paramref name="path"/> as text (strings unquoted, <c>true</c>/<c>false</c>/<c>null</c>, numbers as written), or null when absent.</summary>
    public static string? Read(JsonElement root, string path) => Find(root, path) is { } current
        ? current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => current.GetRawText(),
        }
        : null;

    /// <summary>The element at <paramref name="path"/> (property names matched exactly, else ignoring case), or null when absent.</summary>
    public static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.ValueKind == JsonValueKind.Object)
            {
                if (!current.TryGetProperty(part, out var next))
                {
                    var match = current.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase));
                    if (match.Value.ValueKind == JsonValueKind.Undefined) return null;
                    next = match.Value;
                }
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }
        return current;
    }
}

using System.Globalization;
using System.Text.Json;

namespace RunbookSdk.Execution;

/// <summary>
/// Reads a dotted path (<c>status</c>, <c>data.total</c>, <c>items.0.name</c>) from a JSON document. A key holding dots
/// is found too: written as it is (<c>metadata.labels.app.kubernetes.io/name</c>: the path's parts are joined again
/// when no key has the single part's name) or in brackets (<c>metadata.labels['app.kubernetes.io/name']</c>); an index
/// may be written <c>items[0]</c>, and a JSONPath root (<c>$.status</c>) is read as the document.
/// </summary>
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
    public static JsonElement? Find(JsonElement root, string path) => Walk(root, JsonPathParts.Of(path), 0);

    private static JsonElement? Walk(JsonElement current, IReadOnlyList<JsonPathPart> parts, int at)
    {
        if (at == parts.Count) return current;
        if (current.ValueKind == JsonValueKind.Array)
        {
            return int.TryParse(parts[at].Name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength()
                ? Walk(current[index], parts, at + 1)
                : null;
        }
        if (current.ValueKind != JsonValueKind.Object) return null;

        // The single part first (data.total is data, then total); then, for parts written without brackets, the part
        // joined with the ones after it: Kubernetes labels and annotations are keys with dots (app.kubernetes.io/name),
        // which a dotted path could not name before.
        var name = parts[at].Name;
        for (var end = at; ; end++)
        {
            if (Property(current, name) is { } next && Walk(next, parts, end + 1) is { } found) return found;
            if (parts[at].Bracketed || end + 1 == parts.Count || parts[end + 1].Bracketed) return null;
            name += "." + parts[end + 1].Name;
        }
    }

    private static JsonElement? Property(JsonElement obj, string name)
    {
        if (obj.TryGetProperty(name, out var exact)) return exact;
        var match = obj.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return match.Value.ValueKind == JsonValueKind.Undefined ? null : match.Value;
    }
}

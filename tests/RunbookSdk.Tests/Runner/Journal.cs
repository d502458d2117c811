using System.Text.Json;

namespace RunbookSdk.Tests.Runner;

/// <summary>Reads a journal back for assertions: every line must be a JSON object with a time and an event.</summary>
internal static class Journal
{
    public static IReadOnlyList<JournalEvent> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var events = new List<JournalEvent>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var document = JsonDocument.Parse(line);
            Assert.True(document.RootElement.TryGetProperty("time", out _), $"journal line without time: {line}");
            events.Add(new JournalEvent(document.RootElement.GetProperty("event").GetString()!, document.RootElement.Clone(), line));
        }
        return events;
    }
}

internal sealed record JournalEvent(string Name, JsonElement Fields, string Line)
{
    public string? this[string field] => Fields.TryGetProperty(field, out var value)
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;
}

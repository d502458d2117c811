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

/// <summary>
/// Reads the journal of a run that is still going on, for a test that waits for an event: only the lines written
/// whole. The runner appends each line with one write, but a reader can still see part of it — the kernel copies a
/// line that crosses a page of the file one page at a time and makes each part visible as it goes — and a machine
/// under load stretches that moment; <see cref="Journal.Read"/>, which insists on whole lines, then failed the test.
/// </summary>
internal static class LiveJournal
{
    public static bool Shows(string path, Func<JournalEvent, bool> match)
    {
        if (!File.Exists(path)) return false;
        string text;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
            text = reader.ReadToEnd();
        // What follows the last line break is a line still being written.
        foreach (var line in text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            if (match(new JournalEvent(document.RootElement.GetProperty("event").GetString()!, document.RootElement.Clone(), line))) return true;
        }
        return false;
    }

    /// <summary>The id of the runner process writing the journal, from its <c>run-started</c>'s process mark (pid.start time).</summary>
    public static int RunnerPid(string path)
    {
        var mark = Journal.Read(path).First(e => e.Name == "run-started")["processMark"]!;
        return int.Parse(mark.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal sealed record JournalEvent(string Name, JsonElement Fields, string Line)
{
    public string? this[string field] => Fields.TryGetProperty(field, out var value)
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;

    /// <summary>The steps a field of step records names (<c>notReached</c>), each as (key, number, title); the field must be there.</summary>
    public (string?, string?, string?)[] Steps(string field)
    {
        Assert.True(Fields.TryGetProperty(field, out var steps), Line);
        Assert.Equal(JsonValueKind.Array, steps.ValueKind);
        return steps.EnumerateArray()
            .Select(s => (s.GetProperty("key").GetString(), s.GetProperty("number").GetString(), s.GetProperty("title").GetString()))
            .ToArray();
    }
}

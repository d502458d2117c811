using System.Globalization;
using System.Text.Json;

namespace RunbookSdk.Execution;

/// <summary>
/// The runner that last started on a journal, as its latest <c>run-started</c> records it: its process mark
/// (<c>&lt;pid&gt;.&lt;start&gt;</c>), machine, user and time. What tells, when the lock cannot be tried, whether the run that
/// holds a journal's lock still goes on: its process, looked up by pid with its start time, on the machine it ran on.
/// </summary>
/// <param name="ProcessMark">Its <c>processMark</c>; null where shells start unmarked (not Linux) or a journal older than it.</param>
/// <param name="Host">The machine it ran on; null when not recorded.</param>
/// <param name="Operator">The user it ran as; null when not recorded.</param>
/// <param name="Started">When it started; null when not recorded.</param>
internal sealed record LastRunner(string? ProcessMark, string? Host, string? Operator, DateTimeOffset? Started)
{
    /// <summary>The latest runner of <paramref name="journal"/>; null when the journal cannot be read or records none.</summary>
    public static LastRunner? Of(string journal)
    {
        try
        {
            LastRunner? last = null;
            foreach (var line in File.ReadLines(journal))
            {
                if (!line.Contains("\"run-started\"", StringComparison.Ordinal)) continue;
                try
                {
                    using var e = JsonDocument.Parse(line);
                    var root = e.RootElement;
                    last = new LastRunner(Text(root, "processMark"), Text(root, "host"), Text(root, "operator"),
                        DateTimeOffset.TryParse(Text(root, "time"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null);
                }
                catch (JsonException)
                {
                    // A line a crash cut short, or damage: the resume reports it; here it names no runner.
                }
            }
            return last;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when it ran on this machine: only there can its process be looked up.</summary>
    public bool RanHere => Host is null || string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Its pid while it still runs on this machine (its pid with its start time), else null.</summary>
    public int? LivePid => ProcessMark is { } mark && RanHere ? StepProcesses.RunnerPid(mark) : null;

    /// <summary>Its pid as recorded, whether or not it still runs; null when no mark names one.</summary>
    public int? RecordedPid
    {
        get
        {
            var dot = ProcessMark?.IndexOf('.') ?? -1;
            return dot > 0 && int.TryParse(ProcessMark.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

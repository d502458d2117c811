using System.Globalization;
using System.Text.RegularExpressions;
using RunbookSdk.Execution;

namespace RunbookSdk.Hosting;

/// <summary>
/// The journals of a folder and where each run stands, newest first: what the engineer taking over at shift change
/// needs to find the run to resume, where before they had to read <c>.runbook-journals/*.jsonl</c> by hand.
/// </summary>
internal static partial class RunListing
{
    /// <summary>
    /// Every journal among the <c>*.jsonl</c> files of <paramref name="folder"/> (or the one file it names), newest first.
    /// A file that records no run is no journal and is left out; one this user may not read is listed with whose it is.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The folder may not be listed.</exception>
    /// <exception cref="IOException">The folder cannot be read.</exception>
    public static IReadOnlyList<ListedRun> Read(string folder)
    {
        var files = File.Exists(folder)
            ? [new FileInfo(folder)]
            : new DirectoryInfo(folder).EnumerateFiles("*.jsonl").ToArray();
        var runs = files.Select(Describe).OfType<ListedRun>().ToList();

        // A resume given --journal went on in another file, whose run-started names this one: resuming this one again
        // would repeat what the other records.
        var continuedIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var run in runs.Where(r => r.Journal is not null).OrderBy(r => r.Started))
            foreach (var from in run.Journal!.ResumedFrom)
                if (from != run.Path) continuedIn[from] = run.Path;
        return runs
            .Select(r => r.State is ListedRunState.Resumable or ListedRunState.Finished && continuedIn.TryGetValue(r.Path, out var next)
                ? r with { State = ListedRunState.Continued, ContinuedIn = next }
                : r)
            .OrderByDescending(r => r.Started)
            .ThenByDescending(r => r.Path, StringComparer.Ordinal)
            .ToArray();
    }

    private static ListedRun? Describe(FileInfo file)
    {
        ResumeState journal;
        try
        {
            journal = ResumeState.Read(file.FullName);
        }
        catch (UnauthorizedAccessException)
        {
            // Whose it is, on its line; the ways on (UnreadableJournal) once, under the list.
            var whose = FileOwner.Of(file.FullName) is { } owner ? $"it is {owner.Owner}'s (mode {owner.Mode}), and " : "";
            return new ListedRun(file.FullName, ListedRunState.Unreadable, null, StartedByName(file) ?? file.LastWriteTimeUtc,
                Problem: $"{whose}you ({Environment.UserName}) may not read it");
        }
        catch (InvalidDataException)
        {
            return null; // not a journal: a file someone else keeps in the folder
        }
        catch (IOException e)
        {
            return new ListedRun(file.FullName, ListedRunState.Unreadable, null, StartedByName(file) ?? file.LastWriteTimeUtc, Problem: e.Message);
        }

        var started = journal.StartedAt ?? StartedByName(file) ?? file.LastWriteTimeUtc;
        // The lock tells whether a run goes on now, as it does to a resume that it refuses. Another user's lock (0600) in a
        // folder shared with the team cannot be asked: the journal's last runner still running tells it then.
        var held = JournalClaim.IsHeld(file.FullName);
        var holder = held == false ? null : JournalHeldException.HolderPid(file.FullName);
        if (held == true || holder is not null)
            return new ListedRun(file.FullName, ListedRunState.Running, journal, started, holder);
        var state = journal.LastStatus == nameof(RunStatus.Succeeded) ? ListedRunState.Finished : ListedRunState.Resumable;
        return new ListedRun(file.FullName, state, journal, started);
    }

    /// <summary>The runbook's id as a journal's default name gives it (<c>&lt;id&gt;-&lt;UTC time&gt;.jsonl</c>), else null.</summary>
    public static string? RunbookIdByName(string path) => DefaultName().Match(System.IO.Path.GetFileName(path)) is { Success: true } m ? m.Groups["id"].Value : null;

    /// <summary>When a journal's default name says its run started, else null.</summary>
    public static DateTimeOffset? StartedByName(FileInfo file) =>
        DefaultName().Match(file.Name) is { Success: true } m
        && DateTime.TryParseExact(m.Groups["time"].Value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;

    // RunJournal.OpenNew's name: <id>-<UTC time>.jsonl, or <id>-<UTC time>-2.jsonl for a second run in that second.
    [GeneratedRegex(@"^(?<id>.+)-(?<time>\d{8}T\d{6}Z)(-\d+)?\.jsonl$", RegexOptions.CultureInvariant)]
    private static partial Regex DefaultName();
}

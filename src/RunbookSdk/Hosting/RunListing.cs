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
        // would repeat what the other records. Told by the file, not the path as written (ContinuedIn).
        var identities = runs.ToDictionary(r => r.Path, r => FileIdentity.Of(r.Path), StringComparer.Ordinal);
        var continuing = runs.Where(r => r.Journal is not null).OrderByDescending(r => r.Started).ToArray();
        return runs
            .Select(r => r.State is ListedRunState.Resumable or ListedRunState.Finished && ContinuedIn(r, continuing, identities) is { } next
                ? r with { State = ListedRunState.Continued, ContinuedIn = next }
                : r)
            .OrderByDescending(r => r.Started)
            .ThenByDescending(r => r.Path, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The newest other journal of the folder whose resume continued <paramref name="run"/>'s, or null. The resume names
    /// the journal by the path it was given, which may reach the folder through a symbolic link or name where the file
    /// was before it was moved: it is matched by the file's identity the resume journaled, or, in a journal written
    /// before that was, by the file its path names now.
    /// </summary>
    private static string? ContinuedIn(ListedRun run, IReadOnlyList<ListedRun> continuing, IReadOnlyDictionary<string, string?> identities)
    {
        var identity = identities[run.Path];
        foreach (var other in continuing)
        {
            // A resume that went on in the same file, by another path, continued nothing elsewhere.
            if (other.Path == run.Path || identity is not null && identities[other.Path] == identity) continue;
            if (other.Journal!.ResumedFrom.Any(from => Continues(from, run, identity))) return other.Path;
        }
        return null;
    }

    private static bool Continues(ResumedJournal from, ListedRun run, string? identity)
    {
        if (from.Path == run.Path) return true;
        if (identity is null || (from.File ?? FileIdentity.Of(from.Path)) != identity) return false;
        // An inode the system gave again to a journal made after that resume is not the journal it continued.
        return run.Journal?.StartedAt is not { } started || from.At is not { } resumed || started <= resumed;
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

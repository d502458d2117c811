using System.Globalization;
using RunbookSdk.Hosting;

namespace RunbookSdk.Execution;

/// <summary>
/// The journal's lock is a file this user may not open — another user's, left by their run (0600, as the runner makes
/// it) — so the lock cannot be tried. At shift change engineer B, resuming engineer A's run that was killed with
/// <c>kill -9</c> (or whose machine restarted), in a folder and journal A shared with B, was told <c>Access to the path
/// '….lock' is denied. (--journal chooses another file)</c>: not that the lock was left over, nor whose, nor that
/// removing it is safe. Whether A's run still goes on is told by the process the journal's last <c>run-started</c>
/// names (<see cref="LastRunner"/>): a run still going on is refused as <see cref="JournalHeldException"/> is; one that
/// ended is named as such, with the ways on; one the runner cannot look up (another machine, no process mark) is named
/// with how to check.
/// </summary>
internal sealed class UnopenableLockException : IOException
{
    private UnopenableLockException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The refusal for the lock at <paramref name="lockPath"/> of <paramref name="journal"/>, which this user may not open.</summary>
    public static IOException For(string journal, string lockPath, UnauthorizedAccessException denied)
    {
        var last = LastRunner.Of(journal);
        if (last?.LivePid is not null) return new JournalHeldException(journal, lockPath, new IOException(denied.Message, denied));
        var you = Environment.UserName;
        var stat = FileOwner.Of(lockPath);
        var owner = stat?.Owner;
        var whose = stat is { } known ? $"is {known.Owner}'s (mode {known.Mode})" : "does not let you open it";
        var run = Describe(last, owner);
        var ownJournal = $"resume into a journal of your own: --resume \"{journal}\" --journal FILE";
        var remove = $"rm '{lockPath}'{(owner is not null && owner != you ? $", or sudo -u {owner} rm … if the folder does not let you" : "")}";
        if (last is { ProcessMark: not null, RanHere: true })
            return new UnopenableLockException(
                $"its lock '{lockPath}' {whose} and is left over from a run that is no longer running: {run} ended without removing it "
                + "(killed with kill -9, or the machine restarted), and a lock whose run has ended blocks nothing, but you "
                + $"({you}) may not open it to take it over. Remove it ({remove}), then resume from this journal; or {ownJournal}",
                denied);
        var why = last is { RanHere: false } ? $"{run} ran on {last.Host}, whose processes this machine cannot see"
            : "the journal names no process of its runner to look at";
        return new UnopenableLockException(
            $"its lock '{lockPath}' {whose}, and you ({you}) may not open it, so the runner cannot tell whether the run that holds it "
            + $"is still going on ({why}). If no run of this journal goes on (a run killed with kill -9, or a reboot, leaves its lock "
            + $"behind), remove it ({remove}), then resume from this journal, or {ownJournal}. If one does, let it finish: another "
            + "journal would run the steps a second time beside it",
            denied);
    }

    /// <summary>The run as the journal names it: whose, which process, when it started.</summary>
    private static string Describe(LastRunner? last, string? owner)
    {
        if (last is null) return "the run";
        var who = last.Operator ?? owner;
        var details = new List<string>();
        if (last.RecordedPid is { } pid) details.Add($"pid {pid}");
        if (last.Started is { } started) details.Add("started " + started.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC");
        return $"{(who is null ? "the run" : who + "'s run")}{(details.Count > 0 ? " (" + string.Join(", ", details) + ")" : "")}";
    }
}

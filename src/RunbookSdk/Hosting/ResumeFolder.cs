using System.Text.RegularExpressions;

namespace RunbookSdk.Hosting;

/// <summary>
/// A folder given to <c>--resume</c> — the shell's completion stops at <c>.runbook-journals/</c>, and a tired engineer
/// presses Enter. Reading it failed with "Access to the path is denied", which sent them after permissions; this says
/// what is wrong and names the runbook's newest journals in the folder, ready to paste. A folder the engineer may not
/// list (another user's, at shift change) is said to be so, with its owner: "it holds no journal" sent them looking
/// for the run elsewhere.
/// </summary>
internal static class ResumeFolder
{
    /// <summary>How many of the runbook's journals are named, newest first.</summary>
    private const int Shown = 3;

    /// <summary>Why <paramref name="folder"/> cannot be resumed from, and which of its files are journals of <paramref name="runbookId"/>.</summary>
    public static string Describe(string folder, string runbookId)
    {
        // The default name (RunJournal.OpenNew): <id>-<UTC time>.jsonl, or <id>-<UTC time>-2.jsonl for a second run of
        // the runbook in that second; the time keeps `long` from taking `long-x`'s.
        var name = new Regex("^" + Regex.Escape(runbookId) + @"-\d{8}T\d{6}Z(-\d+)?\.jsonl$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        string[] journals;
        try
        {
            journals = new DirectoryInfo(folder).EnumerateFiles("*.jsonl")
                .Where(f => name.IsMatch(f.Name))
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .Select(f => f.FullName)
                .ToArray();
        }
        catch (UnauthorizedAccessException)
        {
            // Not "it holds no journal": it may hold the one the engineer is looking for, which they may not see.
            var whose = FileOwner.Of(Path.GetFullPath(folder)) is { } owner ? $"it is {owner.Owner}'s (mode {owner.Mode}), and " : "";
            return $"it is a directory; give the journal file of the run to resume: {whose}you ({Environment.UserName}) may not list what it holds.";
        }
        catch (IOException)
        {
            journals = [];
        }
        var which = journals.Length == 0
            ? $"it holds no journal of runbook '{runbookId}' named as a run names it ({runbookId}-<UTC time>.jsonl)"
            : $"its journals of runbook '{runbookId}', newest first: " + string.Join(", ", journals.Take(Shown).Select(j => $"\"{j}\""))
                + (journals.Length > Shown ? $" (and {journals.Length - Shown} older)" : "");
        return $"it is a directory; give the journal file of the run to resume: {which}.";
    }
}

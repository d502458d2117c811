using System.Text.RegularExpressions;

namespace RunbookSdk.Hosting;

/// <summary>
/// A folder given to <c>--resume</c> — the shell's completion stops at <c>.runbook-journals/</c>, and a tired engineer
/// presses Enter. Reading it failed with "Access to the path is denied", which sent them after permissions; this says
/// what is wrong and names the runbook's newest journals in the folder, ready to paste.
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
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

namespace RunbookSdk.Hosting;

/// <summary>
/// Why a journal given to <c>--resume</c> cannot be read, and what to do: the engineer taking over at shift change,
/// logged in as themselves, meets the journal the first engineer's run made theirs alone (0600, in a 0700 folder:
/// docs/runner.md, Journal). Before, the resume said <c>Access to the path '…' is denied.</c>, naming neither whose it
/// is nor the ways on; now it names what refuses them (the folder or the journal), its owner and mode, and the two ways:
/// resume as that user, or have them share it and go on in a journal of one's own.
/// </summary>
internal static class UnreadableJournal
{
    /// <summary>Why <paramref name="journal"/> (given as typed) cannot be read by this user.</summary>
    public static string Describe(string journal)
    {
        var full = Path.GetFullPath(journal);
        var refusing = RefusingPath(full);
        var you = Environment.UserName;
        var isJournal = refusing == full;
        var what = isJournal ? "the journal" : $"the folder '{refusing}'";
        var stat = FileOwner.Of(refusing);
        var whose = stat is { } known
            ? $"{what} is {known.Owner}'s (mode {known.Mode}), and you ({you}) may not {(isJournal ? "read it" : "enter it")}"
            : $"{what} does not let you ({you}) {(isJournal ? "read it" : "in")}";
        var owner = stat?.Owner is { } name && name != you ? name : null;
        return $"{whose}: a run keeps its journal to its own user, as it holds every command's output. "
            + $"Resume as {owner ?? "its owner"} (sudo -u {owner ?? "USER"} …, with the same secrets set), "
            + $"or have {owner ?? "its owner"} share it (chmod g+rx on its folder, g+r on the journal, for a group you are in) and resume into a journal of your own: "
            + $"--resume \"{full}\" --journal FILE.";
    }

    /// <summary>The first folder on the way to <paramref name="full"/> that cannot be entered, else the file itself.</summary>
    private static string RefusingPath(string full)
    {
        var parts = new List<string>();
        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder)) parts.Insert(0, folder);
        foreach (var folder in parts)
        {
            // A folder we cannot enter hides what is in it: its next step on the way reads as missing.
            var next = parts.IndexOf(folder) + 1 < parts.Count ? parts[parts.IndexOf(folder) + 1] : full;
            if (Directory.Exists(folder) && !Directory.Exists(next) && !File.Exists(next)) return folder;
        }
        return full;
    }
}

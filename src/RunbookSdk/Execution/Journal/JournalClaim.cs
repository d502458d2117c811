namespace RunbookSdk.Execution;

/// <summary>
/// The claim a run holds on its journal: <c>&lt;journal&gt;.lock</c> beside it, opened unshared (an exclusive lock on
/// Unix, which dies with the process, so a killed run leaves nothing that blocks the next) and removed when the run ends.
/// Locking the journal itself would also refuse everyone reading it while the run goes on.
/// </summary>
/// <remarks>
/// The lock never follows a symbolic link. Journals are kept in folders a team may share (<c>/srv/incidents</c>), and
/// whoever can write there could put a link at the lock's name: opened as a path, it made the runner create the file
/// the link names (with the runner's rights, in the runner's user's home) or lock another run's journal. A new lock is
/// made with <see cref="FileMode.CreateNew"/> (<c>O_CREAT | O_EXCL</c>, which fails on a link, even a dangling one); a
/// lock a killed run left is refused when it is a link or no file, and otherwise opened but never created, so that
/// the worst a link swapped in for it can do is described in <see cref="OpenLeftOver"/>.
/// </remarks>
internal static class JournalClaim
{
    /// <summary>The lock's path for a journal.</summary>
    public static string LockPath(string journal) => journal + ".lock";

    /// <summary>Takes the claim on <paramref name="journal"/> (a full path).</summary>
    /// <exception cref="IOException">Another run holds it, or the lock's name is a symbolic link.</exception>
    /// <exception cref="UnauthorizedAccessException">The lock cannot be made or opened.</exception>
    public static FileStream Take(string journal)
    {
        var path = LockPath(journal);
        // A left-over lock can vanish between the attempts (the run holding it ends): then the name is free again.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, Options(FileMode.CreateNew, FileAccess.ReadWrite));
            }
            catch (IOException) when (Exists(path) && attempt < 3)
            {
                RefuseLink(path);
                try
                {
                    return OpenLeftOver(journal, path);
                }
                catch (FileNotFoundException)
                {
                }
            }
        }
    }

    /// <summary>
    /// Opens a lock a killed run left (or one another run holds, which the lock refuses), checking after the open that
    /// its name is still no link and that it is a file. The residual race: a link put there after <see cref="RefuseLink"/>
    /// looked and taken away again before the check after the open goes unseen (.NET offers no <c>O_NOFOLLOW</c>, and no
    /// way to compare the opened file with the name). The file is opened only if it exists (never created), and nothing
    /// is ever written to it or cut, so such a link can at most have the run hold an advisory lock on a file its user may
    /// write, until it ends; removing the lock at the end unlinks the folder's entry, never what a link names.
    /// </summary>
    private static FileStream OpenLeftOver(string journal, string path)
    {
        // Read and write, as a lock was always opened: opened read-only, a named pipe put at the lock's name would
        // block the open until someone wrote to it, and the run would hang before it started.
        FileStream claim;
        try
        {
            claim = new FileStream(path, Options(FileMode.Open, FileAccess.ReadWrite));
        }
        catch (IOException e) when (e is not FileNotFoundException && new FileInfo(path) is { Exists: true, LinkTarget: null })
        {
            // A file there that cannot be opened unshared: another run holds it, and is going on.
            throw new JournalHeldException(journal, path, e);
        }
        catch (UnauthorizedAccessException e) when (new FileInfo(path) is { Exists: true, LinkTarget: null })
        {
            // Another user's lock (0600, as a run makes it): the lock cannot be tried, so say whether its run goes on.
            throw UnopenableLockException.For(journal, path, e);
        }
        try
        {
            RefuseLink(path);
            // A pipe or a device is no lock a run left: only whoever can write in the folder could have put it there.
            if (!claim.CanSeek) throw new IOException($"its lock '{path}' is not a file (a named pipe or a device): remove it if it is yours");
            return claim;
        }
        catch
        {
            claim.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether a run holds the claim on <paramref name="journal"/> now, asked without taking it: its lock is opened
    /// shared — never created, never a link followed —, which its holder's exclusive lock refuses. A lock a killed run
    /// left blocks nothing and reads as free. The shared lock lasts only the open, so a run starting on the journal in
    /// that instant is refused as if another held it (and can be started again). Null when it cannot be told: the lock
    /// is another user's, or is no file.
    /// </summary>
    public static bool? IsHeld(string journal)
    {
        var path = LockPath(journal);
        if (!Exists(path)) return false;
        if (new FileInfo(path) is not { Exists: true, LinkTarget: null }) return null;
        try
        {
            // Read and write, as the runner opens it: read-only, a named pipe put at its name would block the open.
            using var probe = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite, BufferSize = 0 });
            return probe.CanSeek ? false : null;
        }
        catch (FileNotFoundException)
        {
            return false; // its run ended meanwhile
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void RefuseLink(string path)
    {
        if (new FileInfo(path).LinkTarget is { } target)
            throw new IOException(
                $"its lock '{path}' is a symbolic link (to '{target}'), which the runner does not follow: whoever can write in the " +
                "journal's folder could make a run create or lock another file through it. Remove it if it is yours");
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static FileStreamOptions Options(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None, BufferSize = 1, Options = FileOptions.DeleteOnClose };
        if (!OperatingSystem.IsWindows() && mode != FileMode.Open) options.UnixCreateMode = RunJournal.OwnerOnly;
        return options;
    }
}

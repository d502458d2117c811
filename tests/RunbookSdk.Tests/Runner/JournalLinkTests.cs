using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A journal folder others can write in (a team's <c>/srv/incidents</c>) must not let them point the runner's files at
/// another file with a symbolic link: the run would create, lock or append to a file of its user's choosing.
/// </summary>
public sealed class JournalLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 14, 7, TimeSpan.Zero);

    [Fact]
    public void A_new_journals_lock_that_is_a_link_is_refused_and_what_it_names_is_not_created()
    {
        // Before, the lock was opened by name with OpenOrCreate: the run created the file the link named (an empty
        // ~/.ssh/authorized_keys of the runner's user, say) and ran on.
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempDirectory();
        var folder = temp.File("incidents");
        Directory.CreateDirectory(folder);
        var victim = temp.File("victim-home-file");
        var journal = Path.Combine(folder, "db-failover-20261206T021407Z.jsonl");
        File.CreateSymbolicLink(journal + ".lock", victim);

        var refused = Assert.Throws<RunJournalException>(() => RunJournal.OpenNew(folder, "db-failover", Now, SecretMasker.None, TimeProvider.System));

        Assert.Contains("is a symbolic link", refused.Message);
        Assert.False(File.Exists(victim), "the file the link names was created");
        Assert.False(File.Exists(journal), "the empty journal no run writes is left behind");
    }

    [Fact]
    public void A_given_journals_lock_that_is_a_link_to_another_file_is_refused_and_that_file_is_left_alone()
    {
        // A link to another run's lock made this run hold that one (and the other run was refused its own journal).
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempDirectory();
        var other = temp.File("other.jsonl.lock");
        File.WriteAllText(other, "");
        var journal = temp.File("journal.jsonl");
        File.CreateSymbolicLink(journal + ".lock", other);

        var refused = Assert.Throws<RunJournalException>(() => RunJournal.Open(journal, SecretMasker.None, TimeProvider.System));

        Assert.Contains($"its lock '{journal}.lock' is a symbolic link (to '{other}')", refused.Message);
        using (var stillFree = new FileStream(other, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
        Assert.True(File.Exists(other));
    }

    [Fact]
    public void A_named_pipe_at_the_locks_name_is_refused_without_waiting_for_a_writer()
    {
        // Opened read-only, a pipe put at the lock's name would block the open until someone wrote to it: the run would
        // hang before it started.
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempDirectory();
        var journal = temp.File("journal.jsonl");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [journal + ".lock"])) mkfifo.WaitForExit();

        var refused = Assert.Throws<RunJournalException>(() => RunJournal.Open(journal, SecretMasker.None, TimeProvider.System));

        Assert.Contains("is not a file (a named pipe or a device)", refused.Message);
    }

    [Fact]
    public void A_lock_a_killed_run_left_is_taken_and_removed_at_the_end()
    {
        // The lock is never followed through a link, but a plain one a killed run left still blocks nothing.
        using var temp = new TempDirectory();
        var journal = temp.File("journal.jsonl");
        File.WriteAllText(journal + ".lock", "");

        using (var run = RunJournal.Open(journal, SecretMasker.None, TimeProvider.System))
        {
            run.Write("run-started", ("runbook", "a"));
            Assert.Throws<RunJournalException>(() => RunJournal.Open(journal, SecretMasker.None, TimeProvider.System));
        }

        Assert.False(File.Exists(journal + ".lock"));
        Assert.Single(File.ReadAllLines(journal));
    }

    [Fact]
    public void A_new_journal_is_written_through_the_file_its_name_was_claimed_with()
    {
        // The name is claimed with CreateNew, which never follows a link; the run keeps that handle. Before, it closed
        // it and opened the name again, and a link swapped in between received the journal. Here the name is swapped
        // after the open: every event still goes to the file the run created, none to what the link names.
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempDirectory();
        var folder = temp.File("incidents");
        var victim = temp.File("victim");
        File.WriteAllText(victim, "");

        string path, moved = temp.File("moved.jsonl");
        using (var run = RunJournal.OpenNew(folder, "db-failover", Now, SecretMasker.None, TimeProvider.System))
        {
            path = run.Path;
            File.Move(path, moved);
            File.CreateSymbolicLink(path, victim);
            run.Write("run-started", ("runbook", "db-failover"));
        }

        Assert.Equal("", File.ReadAllText(victim));
        Assert.Single(File.ReadAllLines(moved));
    }
}

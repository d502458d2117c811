using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>The journal file belongs to one run at a time, and a journal that cannot be written stops nothing that ran.</summary>
public sealed class JournalFileTests
{
    [Fact]
    public void A_second_writer_is_refused_and_the_first_loses_no_event()
    {
        using var temp = new TempDirectory();
        var path = temp.File("journal.jsonl");
        using var first = RunJournal.Open(path, SecretMasker.None, TimeProvider.System);
        first.Write("run-started", ("runbook", "a"));

        var refused = Assert.Throws<RunJournalException>(() => RunJournal.Open(path, SecretMasker.None, TimeProvider.System));
        first.Write("step-finished", ("key", "a1"));
        var readWhileWritten = File.ReadAllLines(path); // whoever watches a run can still read its journal
        first.Dispose();

        Assert.Contains(path, refused.Message);
        Assert.Equal(2, readWhileWritten.Length);
        Assert.Equal(2, File.ReadAllLines(path).Length);
        Assert.False(File.Exists(path + ".lock"), "the claim on the journal is removed with the run");
        using var next = RunJournal.Open(path, SecretMasker.None, TimeProvider.System); // and the next run may have it
    }

    [Fact]
    public void Runs_of_one_runbook_started_in_the_same_second_each_get_a_journal_of_their_own()
    {
        // A script that starts the runbook for two regions at once: both runs named their journal by the second, and the
        // second was refused ("being used by another process"); a run started in the second another had just ended in
        // appended to that run's journal, and the review read two incidents as one.
        using var temp = new TempDirectory();
        var folder = temp.File(".runbook-journals");
        var now = new DateTimeOffset(2026, 12, 6, 2, 14, 7, 250, TimeSpan.Zero);

        string first, second, third;
        using (var running = RunJournal.OpenNew(folder, "db-failover", now, SecretMasker.None, TimeProvider.System))
        using (var parallel = RunJournal.OpenNew(folder, "db-failover", now.AddMilliseconds(500), SecretMasker.None, TimeProvider.System))
        {
            first = running.Path;
            second = parallel.Path;
            running.Write("run-started", ("runbook", "db-failover"));
            parallel.Write("run-started", ("runbook", "db-failover"));
        }
        using (var afterwards = RunJournal.OpenNew(folder, "db-failover", now, SecretMasker.None, TimeProvider.System))
        {
            third = afterwards.Path;
            afterwards.Write("run-started", ("runbook", "db-failover"));
        }

        Assert.Equal(Path.Combine(folder, "db-failover-20261206T021407Z.jsonl"), first);
        Assert.Equal(Path.Combine(folder, "db-failover-20261206T021407Z-2.jsonl"), second);
        Assert.Equal(Path.Combine(folder, "db-failover-20261206T021407Z-3.jsonl"), third);
        Assert.All([first, second, third], path => Assert.Single(File.ReadAllLines(path)));
        if (OperatingSystem.IsWindows()) return;
        foreach (var path in new[] { first, second, third }) Assert.Equal(RunJournal.OwnerOnly, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task A_new_journal_and_the_folder_made_for_it_are_the_users_alone()
    {
        // The journal holds every command's output; with the umask's 0644 and 0755 every user of a shared jump host
        // could read the incident's journals (.runbook-journals/ by default).
        if (OperatingSystem.IsWindows()) return;
        using var run = new TestRun(rb => rb.Phase("P", p => p.Step("S", s => s.Run("echo customer 4711 owes 12.50"))).NoRollback("test"));
        var folder = run.Temp.File("incidents");
        var journal = Path.Combine(folder, "2026", "run.jsonl");

        var result = await run.RunAsync(TestRun.NonInteractive with { JournalPath = journal });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(journal));
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(ownerOnly, File.GetUnixFileMode(folder));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.GetDirectoryName(journal)!));
    }

    [Fact]
    public void An_existing_journal_keeps_the_mode_it_was_given()
    {
        // A team that shares its journals on purpose (a group-readable incident folder) keeps doing so.
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempDirectory();
        var path = temp.File("shared.jsonl");
        File.WriteAllText(path, "");
        var shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, shared);

        using (var journal = RunJournal.Open(path, SecretMasker.None, TimeProvider.System)) journal.Write("run-started", ("runbook", "a"));

        Assert.Equal(shared, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task A_run_whose_journal_another_run_holds_does_not_start()
    {
        var ran = 0;
        using var run = new TestRun(rb => rb.Phase("P", p => p.Step("S", s => s.Execute("x", _ => { ran++; return Task.CompletedTask; }))).NoRollback("test"));
        var held = run.Temp.File("held.jsonl");
        using (RunJournal.Open(held, SecretMasker.None, TimeProvider.System))
        {
            var result = await run.RunAsync(TestRun.NonInteractive with { JournalPath = held });

            Assert.Equal(RunStatus.NotStarted, result.Outcome.Status);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("cannot write the journal", result.Outcome.Reason);
        }
        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task A_journal_path_that_is_a_directory_says_so_and_not_access_denied()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("incidents");
        Directory.CreateDirectory(folder);

        var result = await Host.RunAsync(Fixtures.TestCatalog.Create(), "run", "diagnose-latency", "--non-interactive", "--journal", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"cannot write the journal '{folder}': it is a directory", result.Output);
        Assert.DoesNotContain("denied", result.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        Assert.False(File.Exists(folder + ".lock"));
    }

    [Fact]
    public async Task Resuming_from_a_directory_says_so_and_names_the_runbooks_newest_journals_in_it()
    {
        using var temp = new TempDirectory();
        var folder = temp.File(".runbook-journals");
        Directory.CreateDirectory(folder);
        var older = Path.Combine(folder, "diagnose-latency-20261206T020000Z.jsonl");
        var newer = Path.Combine(folder, "diagnose-latency-20261206T030000Z.jsonl");
        File.WriteAllText(older, "");
        File.SetLastWriteTimeUtc(older, new DateTime(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc));
        File.WriteAllText(newer, "");
        File.SetLastWriteTimeUtc(newer, new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc));
        // A second run of the runbook in the same second took the next name: offered too.
        var sameSecond = Path.Combine(folder, "diagnose-latency-20261206T030000Z-2.jsonl");
        File.WriteAllText(sameSecond, "");
        File.SetLastWriteTimeUtc(sameSecond, new DateTime(2026, 12, 6, 3, 0, 1, DateTimeKind.Utc));
        // Another runbook's, whose id starts with this one's: not offered.
        File.WriteAllText(Path.Combine(folder, "diagnose-latency-eu-20261206T040000Z.jsonl"), "");

        // The shell's completion stops at the folder; "Access to the path is denied" sent the engineer after permissions.
        var result = await Host.RunAsync(Fixtures.TestCatalog.Create(), "run", "diagnose-latency", "--non-interactive", "--resume", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"cannot resume from '{folder}': it is a directory; give the journal file of the run to resume: "
            + $"its journals of runbook 'diagnose-latency', newest first: \"{sameSecond}\", \"{newer}\", \"{older}\".", result.Output);
        Assert.DoesNotContain("denied", result.Output);
    }

    [Fact]
    public async Task A_journal_path_under_a_file_is_a_clear_error_naming_the_journal()
    {
        using var temp = new TempDirectory();
        var file = temp.File("not-a-folder");
        File.WriteAllText(file, "");
        var journal = Path.Combine(file, "j.jsonl");

        var result = await Host.RunAsync(Fixtures.TestCatalog.Create(), "run", "diagnose-latency", "--non-interactive", "--journal", journal);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"cannot write the journal '{journal}'", result.Output);
    }

    [Fact]
    public async Task A_journal_that_stops_taking_events_stops_nothing_and_the_events_are_shown_at_the_end()
    {
        // A journal on a full disk: /dev/full refuses every write with ENOSPC.
        var ran = 0;
        using var run = new TestRun(rb => rb
            .Phase("P", p => p.Step("Restart", s => s.Execute("restart", _ => { ran++; return Task.CompletedTask; })))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => { ran++; return Task.CompletedTask; }))));
        var journal = run.Temp.File("full.jsonl");
        File.CreateSymbolicLink(journal, "/dev/full");

        var result = await run.RunAsync(TestRun.NonInteractive with { JournalPath = journal });

        Assert.Equal(RunStatus.Succeeded, result.Outcome.Status);
        Assert.Equal(2, ran);
        Assert.Contains($"JOURNAL: cannot write '{journal}'", result.Output);
        Assert.Single(result.Output.Split('\n'), line => line.Contains("JOURNAL: cannot write", StringComparison.Ordinal)); // said once, not per event
        Assert.Contains("event(s) could not be written", result.Output);
        Assert.Contains("\"event\":\"run-started\"", result.Output);
        Assert.Contains("\"event\":\"run-finished\"", result.Output);
    }

    [Fact]
    public async Task A_run_whose_journal_took_no_event_says_the_record_is_not_on_disk_and_what_a_resume_needs_first()
    {
        // "journal /dev/full" in the summary and a resume hint naming it read as a record on disk, and a resume from
        // that file would run again every step it does not record.
        using var run = new TestRun(rb => rb
            .Phase("P", p => p
                .Step("Restart", s => s.Execute("restart", _ => Task.CompletedTask))
                .Step("Check", s => s.Execute("check", _ => throw new InvalidOperationException("still 503"))))
            .NoRollback("test"));
        var journal = run.Temp.File("full.jsonl");
        File.CreateSymbolicLink(journal, "/dev/full");

        var result = await run.RunAsync(TestRun.NonInteractive with { JournalPath = journal });

        Assert.Equal(RunStatus.Failed, result.Outcome.Status);
        var lines = result.Output.Split('\n');
        var summary = Assert.Single(lines, l => l.Contains("; exit code 1; journal", StringComparison.Ordinal));
        Assert.Matches(@"journal .*full\.jsonl \(INCOMPLETE: \d+ event\(s\) are not on disk; they are printed below\)", summary);
        Assert.Contains($"Before a resume: the journal lacks the", result.Output);
        Assert.Contains($"Add them at the end of '{journal}'", result.Output);
        // Shown before the lines they speak of, the first of which is the run's start.
        Assert.True(result.Output.IndexOf("Before a resume", StringComparison.Ordinal) < result.Output.IndexOf("\"event\":\"run-started\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Events_kept_while_the_journal_refused_them_are_written_in_order_once_it_takes_them_again()
    {
        var disk = new FillableStream { Full = true };
        using var journal = RunJournal.Over(disk, "journal.jsonl", SecretMasker.None, TimeProvider.System);
        var failures = 0;
        journal.WriteFailed += _ => failures++;

        journal.Write("run-started", ("runbook", "a"));
        journal.Write("step-started", ("key", "s1"));
        Assert.Equal(2, journal.Unwritten.Count);
        disk.Full = false;
        journal.Write("step-finished", ("key", "s1"));

        var lines = System.Text.Encoding.UTF8.GetString(disk.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["run-started", "step-started", "step-finished"], lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("event").GetString()));
        Assert.Empty(journal.Unwritten);
        Assert.Equal(1, failures); // said once while the disk stayed full
    }

    /// <summary>A disk that is full until told otherwise: every write fails with the error a full disk gives.</summary>
    private sealed class FillableStream : MemoryStream
    {
        public bool Full { get; set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Full) throw new IOException("No space left on device");
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Full) throw new IOException("No space left on device");
            base.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            if (Full) throw new IOException("No space left on device");
            base.WriteByte(value);
        }
    }
}

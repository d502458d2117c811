using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Shift change: engineer B, logged in as themselves, resumes the run engineer A started, whose journal the runner made
/// A's alone (0600, in a 0700 folder). The resume said <c>Access to the path '…' is denied.</c>: not whose it is, nor
/// what to do. It now names what refuses B — the folder or the journal —, its owner and mode, and the ways on. The real
/// sandbox app, run as <c>nobody</c> (<c>setpriv</c>) against a journal this test, as root, wrote; skipped when the
/// tests do not run as root, which cannot give the journal to another user. A folder given to <c>--resume</c> that B may
/// not list was said to hold "no journal of runbook '…'", which sent B looking for the run elsewhere.
/// </summary>
public sealed class JournalOfAnotherUserTests
{
    [Theory]
    [InlineData(false)] // the folder is A's alone: B cannot even see the journal in it
    [InlineData(true)] // the folder is open, the journal is A's alone
    public async Task A_resume_of_another_users_journal_names_its_owner_and_the_ways_on(bool folderOpen)
    {
        if (!AnotherUser.Available) return;
        await SandboxApp.EnsureBuiltAsync();
        using var temp = new TempDirectory();
        // The app where another user can run it: the repository may lie in root's home.
        var app = AnotherUser.CopyOfApp(temp.File("app"));
        var folder = temp.File("journals");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, folderOpen ? (UnixFileMode)Convert.ToInt32("755", 8) : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var journal = Path.Combine(folder, "sandbox-bad-deploy-20261206T024000Z.jsonl");
        File.WriteAllText(journal, """{"time":"2026-12-06T02:40:00+00:00","event":"run-started","runbook":"sandbox-bad-deploy","operator":"root"}""" + "\n");
        File.SetUnixFileMode(journal, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (exitCode, output) = await AnotherUser.RunAsync(temp.Path, app,
            "run", "sandbox-bad-deploy", "--resume", journal);

        Assert.Equal(2, exitCode);
        Assert.DoesNotContain("Access to the path", output, StringComparison.Ordinal);
        Assert.Contains(folderOpen
            ? "the journal is root's (mode 0600), and you (nobody) may not read it"
            : $"the folder '{folder}' is root's (mode 0700), and you (nobody) may not enter it", output, StringComparison.Ordinal);
        Assert.Contains("Resume as root (sudo -u root", output, StringComparison.Ordinal);
        Assert.Contains($"--resume \"{journal}\" --journal FILE", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resume_from_another_users_folder_says_it_cannot_be_listed_not_that_it_holds_no_journal()
    {
        if (!AnotherUser.Available) return;
        await SandboxApp.EnsureBuiltAsync();
        using var temp = new TempDirectory();
        var app = AnotherUser.CopyOfApp(temp.File("app"));
        var folder = temp.File("journals");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "sandbox-bad-deploy-20261206T024000Z.jsonl"), "");
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (exitCode, output) = await AnotherUser.RunAsync(temp.Path, app,
            "run", "sandbox-bad-deploy", "--resume", folder);

        Assert.Equal(2, exitCode);
        Assert.DoesNotContain("holds no journal", output, StringComparison.Ordinal);
        Assert.Contains("it is a directory; give the journal file of the run to resume: it is root's (mode 0700), and you (nobody) may not list what it holds.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)] // the folder is A's alone: B cannot list it
    [InlineData(true)] // the folder is open, the journal is A's alone
    public async Task Runs_lists_another_users_journal_with_whose_it_is_and_says_whose_a_folder_it_may_not_list_is(bool folderOpen)
    {
        if (!AnotherUser.Available) return;
        await SandboxApp.EnsureBuiltAsync();
        using var temp = new TempDirectory();
        var app = AnotherUser.CopyOfApp(temp.File("app"));
        // A's real run: it fails at the health check of a port nothing listens on, and leaves its journal A's alone.
        var (failed, _) = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-bad-deploy", "BaseUrl=http://127.0.0.1:9", "--non-interactive", "--yes");
        Assert.Equal(4, failed);
        var folder = Path.Combine(temp.Path, ".runbook-journals");
        var journal = Assert.Single(Directory.GetFiles(folder, "*.jsonl"));
        if (folderOpen) File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("755", 8));

        var (exitCode, output) = await AnotherUser.RunAsync(temp.Path, app, "runs");

        if (folderOpen)
        {
            Assert.Equal(0, exitCode);
            var line = Assert.Single(output.Split('\n'), l => l.StartsWith("sandbox-bad-deploy ", StringComparison.Ordinal));
            Assert.Contains($"cannot be read: it is root's (mode 0600), and you (nobody) may not read it; journal {journal}", line, StringComparison.Ordinal);
            // When the run started, from the journal's name: it cannot be read.
            Assert.Contains("(by its name)", line, StringComparison.Ordinal);
            Assert.Contains("resume it as that user (sudo -u USER", output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(1, exitCode);
            Assert.Contains($"error: cannot list the runs in '{folder}': it is root's (mode 0700), and you (nobody) may not list what it holds.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("No unfinished runs", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Runs_tells_a_run_going_on_under_another_user_by_its_process_when_its_lock_cannot_be_asked()
    {
        if (!AnotherUser.Available) return;
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var app = AnotherUser.CopyOfApp(temp.File("app"));
        var folder = Path.Combine(temp.Path, ".runbook-journals");
        using var first = SandboxApp.Start(temp.Path, "run", "sandbox-watched-fault-fix", $"BaseUrl={service.BaseUrl}", "--non-interactive");
        _ = first.StandardOutput.ReadToEndAsync();
        _ = first.StandardError.ReadToEndAsync();
        (int ExitCode, string Output) listed;
        try
        {
            await Processes.WaitUntilAsync(() => Directory.Exists(folder) && Directory.GetFiles(folder, "*.jsonl") is [var journal]
                && LiveJournal.Shows(journal, e => e.Name == "wait-started"), "the settle wait to start");
            // A shares the journal with the team, as docs/runner.md says to; the lock stays A's alone (0600).
            File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("755", 8));
            File.SetUnixFileMode(Directory.GetFiles(folder, "*.jsonl").Single(), (UnixFileMode)Convert.ToInt32("644", 8));

            listed = await AnotherUser.RunAsync(temp.Path, app, "runs");
        }
        finally
        {
            PosixSignals.Send(first.Id, PosixSignals.SigTerm);
            await first.WaitForExitAsync();
        }

        Assert.Equal(0, listed.ExitCode);
        // Listed as one to resume, B's resume would have been refused by the lock, or run beside A's run.
        Assert.Contains($"RUNNING now (pid {first.Id}, root's): let it finish, or have it ended: it is root's run", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("resume: ", listed.Output, StringComparison.Ordinal);
    }
}

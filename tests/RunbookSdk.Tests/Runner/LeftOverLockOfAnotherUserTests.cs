using System.Globalization;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Shift change after a crash: engineer A's run was killed with <c>kill -9</c> (or the machine restarted), leaving
/// <c>&lt;journal&gt;.lock</c> — A's, mode 0600 — beside the journal A had shared with B (folder and journal writable by
/// B). B's resume said <c>Access to the path '….lock' is denied. (--journal chooses another file)</c>: the lock could not
/// even be tried, and B learned neither that it was left over nor whose it was nor that removing it is safe. It now
/// tells a lock whose run still goes on (refused as ever, naming the run's process) from one left over, and says of the
/// latter whose it is and the ways on. The real sandbox app and service; A is root, B is <c>nobody</c>.
/// </summary>
public sealed class LeftOverLockOfAnotherUserTests
{
    [Fact]
    public async Task A_lock_another_users_killed_run_left_is_named_left_over_with_its_owner_and_the_ways_on()
    {
        if (!AnotherUser.Available) return;
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var app = AnotherUser.CopyOfApp(temp.File("app"));
        var journalPath = AnotherUser.SharedJournal(temp.File("journals"));
        var lockPath = journalPath + ".lock";
        string[] resume = ["run", "sandbox-watched-fault-fix", "--resume", journalPath, "--non-interactive"];

        int[] loops = [];
        try
        {
            using (var first = await WatchedFaultFix.RunUntilTheSettleWaitAsync(temp.Path, service.BaseUrl, journalPath))
            {
                loops = WatchLoops(journalPath);
                File.SetUnixFileMode(journalPath, (UnixFileMode)Convert.ToInt32("666", 8));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(lockPath));

                // While A's run goes on, B is refused as anyone is: that run is writing the journal.
                var (liveExit, liveOutput) = await AnotherUser.RunAsync(temp.Path, app, resume);
                Assert.Equal(2, liveExit);
                Assert.Contains($"another run is writing it now (pid {first.Id}, root's)", liveOutput);
                Assert.DoesNotContain("Access to the path", liveOutput);

                Assert.Null(PosixSignals.Send(first.Id, PosixSignals.SigKill));
                await first.WaitForExitAsync();
            }
            Assert.True(File.Exists(lockPath), "kill -9 left no lock: nothing to test");

            var firstPid = Journal.Read(journalPath).First(e => e.Name == "run-started")["processMark"]!.Split('.')[0];
            var (exitCode, output) = await AnotherUser.RunAsync(temp.Path, app, resume);

            Assert.Equal(2, exitCode);
            Assert.DoesNotContain("Access to the path", output);
            Assert.DoesNotContain("--journal chooses another file", output);
            Assert.Contains($"its lock '{lockPath}' is root's (mode 0600) and is left over from a run that is no longer running: root's run (pid {firstPid}, started ", output);
            Assert.Contains($"Remove it (rm '{lockPath}'", output);
            Assert.Contains($"resume into a journal of your own: --resume \"{journalPath}\" --journal FILE", output);
        }
        finally
        {
            foreach (var loop in loops)
                if (Processes.IsRunning(loop) && Processes.CommandLine(loop).Contains("while :", StringComparison.Ordinal)) PosixSignals.Send(loop, PosixSignals.SigKill);
        }
        // The refused resumes wrote nothing.
        Assert.Single(Journal.Read(journalPath), e => e.Name == "run-started");
    }

    private static int[] WatchLoops(string journalPath) =>
        Journal.Read(journalPath).First(e => e.Name == "action" && e["kind"] == "shell").Fields.GetProperty("leftRunning").EnumerateArray()
            .Select(p => p.GetString()!).Where(p => p.Contains("while :", StringComparison.Ordinal))
            .Select(p => int.Parse(p.Split(' ')[0], CultureInfo.InvariantCulture)).ToArray();
}

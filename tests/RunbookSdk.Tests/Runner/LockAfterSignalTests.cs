using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A run a SIGTERM or SIGHUP ended left its <c>&lt;journal&gt;.lock</c> beside the journal: it blocked nothing (the lock
/// dies with the process), but the engineer back after a dropped SSH session read it as a run still going on. The
/// runner's last records now release the claim as a run's end does. The real sandbox app and service, and real signals.
/// </summary>
public sealed class LockAfterSignalTests
{
    [Theory]
    [InlineData(15)] // SIGTERM
    [InlineData(1)] // SIGHUP
    public async Task A_runner_ended_by_a_signal_leaves_no_lock_beside_its_journal(int signal)
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");

        using (var runner = await WatchedFaultFix.RunUntilTheSettleWaitAsync(temp.Path, service.BaseUrl, journalPath))
        {
            Assert.True(File.Exists(journalPath + ".lock"), "the run holds its claim while it goes on");
            Assert.Null(PosixSignals.Send(runner.Id, signal));
            await runner.WaitForExitAsync();
        }

        Assert.Equal("interrupted", Journal.Read(journalPath).Last(e => e.Name == "step-finished")["result"]);
        Assert.False(File.Exists(journalPath + ".lock"), "the lock of a run a signal ended is still beside its journal");
    }
}

using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A caller's token already cancelled when it calls <see cref="RunbookRunner.ExecuteAsync"/> (a test harness's time-out
/// that passed, a host shutting down) starts nothing. Before, the first step's command started and was killed at once
/// (half a deploy), and the rollback then ran for it.
/// </summary>
public sealed class CancelledBeforeRunTests
{
    private static TestRun Runbook(TempDirectory temp) => new(rb => rb
        .Phase("Deploy", p => p
            .Step("Announce", s => s.Run($"touch {temp.File("announced")}"))
            .Step("Deploy", s => s.Run($"touch {temp.File("deployed")}")))
        .Rollback(r => r.Step("Undo", s => s.Run($"touch {temp.File("undone")}")))
        .Verification(v => v.Step("Check", s => s.Run($"touch {temp.File("checked")}"))));

    [Fact]
    public async Task A_token_cancelled_before_the_run_starts_runs_nothing_and_writes_no_journal()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await run.RunAsync(TestRun.NonInteractive, cancelled.Token);

        Assert.Equal(RunStatus.Cancelled, result.Outcome.Status);
        Assert.Contains("cancelled before it started: nothing was run", result.Outcome.Reason);
        Assert.False(File.Exists(temp.File("announced")));
        Assert.False(File.Exists(temp.File("undone")));
        Assert.False(File.Exists(temp.File("checked")));
        Assert.False(File.Exists(run.JournalPath));
    }
}

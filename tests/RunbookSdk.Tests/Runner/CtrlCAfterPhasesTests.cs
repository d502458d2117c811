using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// docs/runner.md, Semantics 7: the first Ctrl+C does not interrupt the rollback or the verification. It said nothing
/// either, so an engineer who pressed it during a rollback saw no reaction, pressed it again, and ended the runner in
/// the middle of the rollback.
/// </summary>
public sealed class CtrlCAfterPhasesTests
{
    [Fact]
    public async Task A_ctrl_c_during_the_rollback_says_it_goes_on_and_what_a_second_one_does()
    {
        var undoing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var run = new TestRun(rb => rb
            .Phase("P", p => p.Step("Deploy", s => s.Execute("deploy", _ => throw new InvalidOperationException("health 503"))))
            .Rollback(r => r.Step("Undo the deploy", s => s.Execute("undo", async _ =>
            {
                undoing.TrySetResult();
                await release.Task;
            })))
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => Task.CompletedTask))));
        using var ctrlC = new CancellationTokenSource();

        var running = run.RunAsync(TestRun.NonInteractive, ctrlC.Token);
        await undoing.Task.WaitAsync(TimeSpan.FromMinutes(2)); // a guard against hanging the suite, not a time limit
        ctrlC.Cancel();
        release.SetResult();
        var result = await running.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(RunStatus.RolledBack, result.Outcome.Status);
        Assert.Contains("Ctrl+C: the rollback and the verification are not interrupted, and go on. A second Ctrl+C ends the runner at once", result.Output);
        Assert.Contains(result.Journal, e => e.Name == "rollback-finished" && e["result"] == "succeeded");
    }

    [Fact]
    public async Task A_ctrl_c_at_the_rollback_offer_says_the_offer_still_waits_for_its_answer()
    {
        // Found on call in the sandbox: "… go on" was the last line on the screen, and the engineer waited for a
        // rollback that waited for their y or n.
        using var run = new TestRun(rb => rb
            .Phase("P", p => p.Step("Deploy", s => s.Execute("deploy", _ => throw new InvalidOperationException("health 503"))))
            .Rollback(r => r.Step("Undo the deploy", s => s.Execute("undo", _ => Task.CompletedTask))));
        using var ctrlC = new CancellationTokenSource();
        var console = new PlainConsole();

        // Presses Ctrl+C at the offer, then answers it yes.
        var outcome = await new RunbookRunner(console.Console, new RunnerOptions { JournalPath = run.JournalPath, Clock = run.Clock },
            new InterruptingPrompts(ctrlC)).ExecuteAsync(run.Bind(), ctrlC.Token);

        Assert.Contains("Ctrl+C: the rollback and the verification are not interrupted, and go on. The rollback offer above still waits "
            + "for your answer: nothing goes on before it is given. A second Ctrl+C ends the runner at once", console.Output);
        Assert.Equal(RunStatus.RolledBack, outcome.Status);
        Assert.Contains(Journal.Read(run.JournalPath), e => e.Name == "rollback-finished" && e["result"] == "succeeded");
    }

    [Fact]
    public async Task A_ctrl_c_that_interrupts_a_phase_step_says_nothing_of_the_kind()
    {
        using var run = new TestRun(rb => rb
            .Phase("P", p => p.Step("Soak", s => s.Execute("soak", ctx => Task.Delay(Timeout.Infinite, ctx.CancellationToken))))
            .NoRollback("test"));
        using var ctrlC = new CancellationTokenSource();

        var running = run.RunAsync(TestRun.NonInteractive, ctrlC.Token);
        while (!running.IsCompleted && !LiveJournal.Shows(run.JournalPath, e => e.Name == "code-starting")) await Task.Delay(20);
        ctrlC.Cancel();
        var result = await running.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(RunStatus.Cancelled, result.Outcome.Status);
        Assert.DoesNotContain("are not interrupted, and go on", result.Output);
    }
}

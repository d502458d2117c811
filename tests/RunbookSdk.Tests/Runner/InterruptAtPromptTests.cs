using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// docs/runner.md, Interrupts: the first Ctrl+C stops the current step and no later step runs — also when it comes
/// while a prompt waits for the operator, whatever is answered after it.
/// </summary>
public sealed class InterruptAtPromptTests
{
    [Fact]
    public async Task A_ctrl_c_at_a_manual_prompt_stops_that_step_and_no_later_step_starts()
    {
        using var temp = new TempDirectory();
        var marker = temp.File("started");
        using var run = new TestRun(rb => rb
            .Phase("P", p => p
                .Step("Check the dashboard", s => s.Instruction("Look at the dashboard"))
                .Step("Restart", s => s.Run($"touch {marker}")))
            .NoRollback("test"));

        var outcome = await InterruptingPrompts.RunAsync(run);

        var journal = Journal.Read(run.JournalPath);
        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Contains(journal, e => e.Name == "step-finished" && e["title"] == "Check the dashboard" && e["result"] == "interrupted");
        Assert.DoesNotContain(journal, e => e.Name == "step-started" && e["title"] == "Restart");
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_ctrl_c_at_a_destructive_confirmation_runs_nothing_of_the_step_whatever_is_answered()
    {
        using var temp = new TempDirectory();
        var marker = temp.File("dropped");
        using var run = new TestRun(rb => rb
            .Phase("P", p => p.Step("Drop the table", s => s.Run($"touch {marker}").RequiresConfirmation()))
            .NoRollback("test"));

        var outcome = await InterruptingPrompts.RunAsync(run);

        var journal = Journal.Read(run.JournalPath);
        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Contains(journal, e => e.Name == "choice" && e["about"] == "confirmation" && e["choice"] == "interrupted");
        Assert.DoesNotContain(journal, e => e.Name == "step-started");
        Assert.False(File.Exists(marker));
    }
}

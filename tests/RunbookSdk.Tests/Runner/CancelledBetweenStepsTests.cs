using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A run's token cancelled between two phase steps — a Ctrl+C (or an observer, or a caller's time-out) that lands after
/// one step's last action and before the next step's first — starts no further phase step: the run ends interrupted,
/// as a Ctrl+C in a step does (rollback, verification, <c>run-finished</c>, exit 130). Before, the next step started
/// (<c>step-started</c> journaled, its command begun and killed at once), and the run was reported interrupted "during"
/// a step the operator never reached.
/// </summary>
public sealed class CancelledBetweenStepsTests
{
    [Fact]
    public async Task A_token_cancelled_after_a_step_ended_starts_no_further_phase_step()
    {
        using var temp = new TempDirectory();
        using var run = new TestRun(rb => rb
            .Phase("Deploy", p => p
                .Step("Announce", s => s.Run("true"))
                .Step("Deploy", s => s.Run($"touch {temp.File("deployed")}")))
            .Phase("Scale", p => p.Step("Scale up", s => s.Run($"touch {temp.File("scaled")}")))
            .Rollback(r => r.Step("Undo", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        using var ctrlC = new CancellationTokenSource();
        // The first step's "ok" is shown once it has ended, before the next one begins: the Ctrl+C lands right there.
        var console = new PlainConsole(new CancelOnText("ok (", ctrlC));
        var options = TestRun.NonInteractive with { Clock = run.Clock, JournalPath = run.JournalPath };

        var outcome = await new RunbookRunner(console.Console, options, run.Prompts).ExecuteAsync(run.Bind(), ctrlC.Token);
        var journal = Journal.Read(run.JournalPath);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Equal(130, outcome.ExitCode);
        Assert.False(File.Exists(temp.File("deployed")));
        Assert.False(File.Exists(temp.File("scaled")));
        Assert.Equal(["Announce", "Undo", "Check"], journal.Where(e => e.Name == "step-started").Select(e => (string?)e["title"]));
        Assert.Contains("interrupted after step 1.1 'Announce', between steps: step 1.2 'Deploy' was not started", outcome.Reason);
        Assert.Single(journal, e => e.Name == "run-finished");
        Assert.Contains("Run INTERRUPTED.", console.Output);
    }

    [Fact]
    public async Task A_token_cancelled_between_two_actions_of_a_step_starts_none_after_it()
    {
        using var temp = new TempDirectory();
        using var run = new TestRun(rb => rb
            .Phase("Deploy", p => p.Step("Deploy", s => s.Run("true").Note("the node is drained").Run($"touch {temp.File("deployed")}")))
            .Rollback(r => r.Step("Undo", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        using var ctrlC = new CancellationTokenSource();
        // The note is shown after the first command ended and before the second starts: the Ctrl+C lands right there.
        var console = new PlainConsole(new CancelOnText("the node is drained", ctrlC));
        var options = TestRun.NonInteractive with { Clock = run.Clock, JournalPath = run.JournalPath };

        var outcome = await new RunbookRunner(console.Console, options, run.Prompts).ExecuteAsync(run.Bind(), ctrlC.Token);
        var journal = Journal.Read(run.JournalPath);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.False(File.Exists(temp.File("deployed")));
        var deploy = Assert.Single(journal, e => e.Name == "step-finished" && (string?)e["title"] == "Deploy");
        Assert.Equal("interrupted", (string?)deploy["result"]);
        Assert.Equal("interrupted by the operator (Ctrl+C) between two of its actions; the rest of the step did not start", (string?)deploy["reason"]);
    }
}

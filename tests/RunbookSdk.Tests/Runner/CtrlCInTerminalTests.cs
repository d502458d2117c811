using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Ctrl+C in a terminal goes to the whole foreground process group: the command's bash gets SIGINT as the runner does,
/// and can die of it (exit 130) before the runner's own handler has cancelled the run. The runner journaled that as the
/// command failing, the step "failed", and a resume ran the cut-off command again without asking. A command that dies
/// of SIGINT now waits a moment for the run's interruption and is journaled interrupted when it comes. Here bash
/// sends itself the SIGINT, and the run's Ctrl+C comes after bash has died, as it does in the race.
/// </summary>
public sealed class CtrlCInTerminalTests
{
    // The command is literal text: a hole would be quoted as one word.
    private static TestRun Runbook(bool diesOfSigint) => new TestRun((rb, p) => rb
            .Phase("Migrate", ph => ph
                .Step("Run the migration", s =>
                {
                    if (diesOfSigint) s.Run($"touch {p["Marker"]}; kill -INT $$");
                    else s.Run($"touch {p["Marker"]}; exit 130");
                }))
            .NoRollback("test"));

    [Fact]
    public async Task A_command_that_died_of_the_terminals_ctrl_c_before_the_run_heard_it_is_journaled_interrupted()
    {
        using var run = Runbook(diesOfSigint: true);
        run.Parameter("Marker", run.Temp.File("started"));
        using var ctrlC = new CancellationTokenSource();
        var options = TestRun.NonInteractive with { JournalPath = run.JournalPath, Clock = TimeProvider.System };

        var running = Task.Run(() => new RunbookRunner(new PlainConsole().Console, options, run.Prompts).ExecuteAsync(run.Bind(), ctrlC.Token));
        await Processes.WaitUntilAsync(() => running.IsCompleted || File.Exists(run.Temp.File("started")), "the command to start");
        // bash is gone by now (it killed itself right after the touch); the runner's handler is late.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        ctrlC.Cancel();
        // A guard against hanging the test suite, not a limit on how fast the run must be.
        var outcome = await running.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        var journal = Journal.Read(run.JournalPath);
        var action = Assert.Single(journal, e => e.Name == "action" && e["kind"] == "shell");
        Assert.Equal(("true", "130"), (action["interrupted"], action["exitCode"]));
        Assert.Equal("interrupted", journal.Single(e => e.Name == "step-finished")["result"]);
    }

    [Fact]
    public async Task A_command_that_exits_130_with_no_ctrl_c_behind_it_still_fails()
    {
        using var run = Runbook(diesOfSigint: false);
        run.Parameter("Marker", run.Temp.File("started"));

        var result = await run.RunAsync(TestRun.NonInteractive with { Clock = TimeProvider.System });

        Assert.Equal(RunStatus.Failed, result.Outcome.Status);
        var action = Assert.Single(result.Journal, e => e.Name == "action" && e["kind"] == "shell");
        Assert.Null(action["interrupted"]);
        Assert.Equal(["Run the migration: failed"], result.StepResults);
    }
}

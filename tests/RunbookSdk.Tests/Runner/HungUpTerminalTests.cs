using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The engineer's terminal went away while the run waited at a question, and no SIGHUP reached the runner (its session
/// leader was <c>su</c>, <c>runuser</c> or a wrapper that does not pass the hang-up on). Every read of the terminal then
/// returns at once with nothing, which the prompt took for a key and asked again, for ever: the runner spun a core, the
/// journal stopped at the question and its lock stayed held, so the engineer taking over was refused a resume until
/// they found and ended it. Now the question goes unanswered (no answer is no yes) and the run ends as it does for a
/// question nobody can answer. A real terminal (<c>script</c>'s pseudo-terminal), really hung up; the runner in a
/// session of its own (<c>setsid</c>), which the hang-up does not signal.
/// </summary>
public sealed class HungUpTerminalTests
{
    private const string Setsid = "/usr/bin/setsid";

    [Fact]
    public async Task A_question_on_a_terminal_that_hung_up_goes_unanswered_and_the_run_ends()
    {
        if (!SandboxTerminal.Available || !File.Exists(Setsid)) return;
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");

        int? runner = null;
        try
        {
            // Nothing listens on port 9 (discard): the first step fails and the run offers the rollback, a question.
            using (var terminal = await SandboxTerminal.StartAsync(temp.Path, $"{Setsid} -w", "",
                "run", "sandbox-bad-deploy", "BaseUrl=http://127.0.0.1:9", "--journal", journalPath))
            {
                await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "step-finished" && e["result"] == "failed"), "the first step to fail");
                runner = LiveJournal.RunnerPid(journalPath);
                // The rollback offer is asked right after the failed step; closing the terminal's master hangs it up.
                await terminal.HangUpAsync();
            }

            // A guard against hanging the test suite, not a limit on how fast the run must be.
            await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "run-finished"), "the run to end after its terminal hung up");
            var journal = Journal.Read(journalPath);
            var offer = journal.Single(e => e.Name == "choice" && e["about"] == "rollback");
            Assert.Equal("unanswered", offer["choice"]);
            Assert.Contains("the terminal hung up", offer["reason"], StringComparison.Ordinal);
            Assert.Equal("run-finished", journal[^1].Name);
            Assert.True(await Processes.ExitsAsync(runner.Value), "the runner is still running after its run ended");
            Assert.False(File.Exists(journalPath + ".lock"), "the journal is still claimed: the engineer taking over cannot resume");
        }
        finally
        {
            // Before the fix the runner spun at the question for ever.
            if (runner is { } pid && Processes.IsRunning(pid)) PosixSignals.Send(pid, 9);
        }
    }

    [Fact]
    public async Task A_condition_asked_on_a_terminal_that_hung_up_says_the_terminal_hung_up_not_that_the_operator_aborted()
    {
        // The condition's question went unanswered as it should, but the run's end and its journal said "the operator
        // aborted" — who was not there: the terminal had hung up.
        var ran = new List<string>();
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p
                .Step("Drain", s => s.Execute("drain", _ => { ran.Add("drain"); return Task.CompletedTask; }).OnlyIf("the node is still in the pool")))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Execute("check", _ => { ran.Add("check"); return Task.CompletedTask; }))));
        var console = new PlainConsole();

        var outcome = await new RunbookRunner(console.Console, new RunnerOptions { JournalPath = run.JournalPath, Clock = run.Clock },
            new ConsoleOperatorPrompts(new KeyedConsole("\u0004"))).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(RunStatus.Aborted, outcome.Status);
        Assert.Equal(["check"], ran);
        var journal = Journal.Read(run.JournalPath);
        Assert.Contains("the terminal hung up", journal.Single(e => e.Name == "choice" && e["about"] == "condition")["reason"], StringComparison.Ordinal);
        var finished = journal[^1];
        Assert.Equal("run-finished", finished.Name);
        Assert.DoesNotContain("operator aborted", finished["reason"], StringComparison.Ordinal);
        Assert.StartsWith("the run stopped at step 1.1 'Drain': the question whether its condition holds could not be answered", finished["reason"], StringComparison.Ordinal);
        Assert.Contains("the terminal hung up", finished["reason"], StringComparison.Ordinal);
        Assert.DoesNotContain("by the operator", console.Output, StringComparison.Ordinal);
        Assert.Contains("Run ABORTED: the terminal hung up while a question to the operator waited, and no answer is no yes.", console.Output, StringComparison.Ordinal);
    }
}

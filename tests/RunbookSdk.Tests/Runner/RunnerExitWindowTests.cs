using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>Tests that call what a SIGTERM, a SIGHUP or a second Ctrl+C calls (<see cref="RunnerExit.Now"/>): it kills every shell step's processes in the test process, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunnerExitCollection
{
    public const string Name = "runner exit";
}

/// <summary>
/// Once the runner is going away (SIGTERM, SIGHUP, a second Ctrl+C), nothing new starts: the signal can arrive while
/// the run moves from a failed step to its rollback, and a rollback command started then ran on, unkilled and
/// unjournaled, after the runner had killed what it knew of. The window is made deterministic through the prompt that
/// offers the rollback: the signal's handler runs while the question is on screen, and then the answer is yes.
/// The real signals are sent in <see cref="InterruptedCommandJournalTests"/>.
/// </summary>
[Collection(RunnerExitCollection.Name)]
public sealed class RunnerExitWindowTests
{
    [Fact]
    public async Task A_runner_going_away_as_the_rollback_is_offered_starts_no_rollback_command()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Deploy", ph => ph.Step("Deploy", s => s.Run("echo deploying; exit 3")))
                .Rollback(r => r.Step("Roll back", s => s.Run($"touch {p["Marker"]}")))
                .Verification(v => v.Step("Health", s => s.Run($"touch {p["Checked"]}"))));
        run.Parameter("Marker", run.Temp.File("rolled-back"));
        run.Parameter("Checked", run.Temp.File("checked"));
        var prompts = new SignalAtRollbackOffer();
        var options = TestRun.Interactive with { JournalPath = run.JournalPath };

        var running = new RunbookRunner(new PlainConsole().Console, options, prompts).ExecuteAsync(run.Bind(), CancellationToken.None);
        // A guard against hanging the test suite, not a limit on how fast the run must be.
        var thrown = await Record.ExceptionAsync(() => running.WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.True(prompts.Asked, "the rollback was offered");
        Assert.False(File.Exists(run.Temp.File("rolled-back")), "a rollback command started after the runner began to go away");
        Assert.False(File.Exists(run.Temp.File("checked")), "a verification command started after the runner began to go away");
        // The run does not go on to an end of its own: the process is going away.
        Assert.IsType<RunnerEndingException>(thrown);
        var journal = Journal.Read(run.JournalPath);
        Assert.Equal("failed", journal.Single(e => e.Name == "step-finished")["result"]);
        // What the dying run wrote after the signal's handler is not in the record: it ends with the step that failed.
        Assert.DoesNotContain(journal, e => e.Name == "phase-started" && e["section"] == "rollback");
        Assert.DoesNotContain(journal, e => e.Name == "run-finished");
        Assert.DoesNotContain(journal, e => e.Name == "command-starting" && e["key"]!.StartsWith("rollback/", StringComparison.Ordinal));
    }

    /// <summary>The operator, asked whether to roll back, answers yes — but the runner received SIGTERM meanwhile.</summary>
    private sealed class SignalAtRollbackOffer : IOperatorPrompts
    {
        public bool Asked { get; private set; }

        public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
        {
            Assert.StartsWith("Run the rollback section", question);
            Asked = true;
            RunnerExit.Now();
            return Task.FromResult(true);
        }

        public Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"unexpected instruction: {instruction}");
    }
}

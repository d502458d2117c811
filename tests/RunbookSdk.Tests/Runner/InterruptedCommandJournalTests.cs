using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A shell command cut short — by Ctrl+C, or by a SIGTERM or SIGHUP that ends the runner — is in the journal as an
/// <c>action</c> like every other command: what it printed so far (masked) and how it ended, followed by the step's
/// <c>step-finished</c> with <c>result: interrupted</c>. Before, the journal showed the command starting and then
/// nothing: the incident review could not see what it had done. Real bash, real journals; real signals for the runner.
/// </summary>
public sealed class InterruptedCommandJournalTests
{
    private const string Token = "tok-9secret";

    [Fact]
    public async Task Ctrl_C_during_a_command_journals_what_it_printed_masked_and_then_the_interrupted_step()
    {
        using var run = new TestRun((rb, p) => rb
                .Phase("Migrate", ph => ph
                    .Step("Run the migration", s => s.Run($"echo migrating with {p["Token"]}; echo batch 1 done; touch {p["Marker"]}; sleep 60")))
                .NoRollback("test"))
            .Parameter("Token", Token, secret: true);
        run.Parameter("Marker", run.Temp.File("started"));
        using var ctrlC = new CancellationTokenSource();
        var options = TestRun.NonInteractive with { JournalPath = run.JournalPath, Clock = TimeProvider.System };
        var running = Task.Run(() => new RunbookRunner(new PlainConsole().Console, options, run.Prompts).ExecuteAsync(run.Bind(), ctrlC.Token));
        // Pressed once the command has printed and is in its sleep.
        await Processes.WaitUntilAsync(() => running.IsCompleted || File.Exists(run.Temp.File("started")), "the command to start");
        ctrlC.Cancel();
        // A guard against hanging the test suite, not a limit on how fast the run must be.
        var outcome = await running.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        var journal = Journal.Read(run.JournalPath);
        var action = Assert.Single(journal, e => e.Name == "action" && e["kind"] == "shell");
        Assert.Equal("true", action["interrupted"]);
        Assert.Equal("2", action["outputLines"]);
        Assert.Equal(["migrating with ***", "batch 1 done"], action.Fields.GetProperty("outputTail").EnumerateArray().Select(l => l.GetString()));
        Assert.DoesNotContain(Token, File.ReadAllText(run.JournalPath));
        var finished = journal.Single(e => e.Name == "step-finished");
        Assert.Equal("interrupted", finished["result"]);
        Assert.True(IndexOf(journal, action) < IndexOf(journal, finished), "the command's record comes before the step's end");
    }

    [Theory]
    [InlineData(15)] // SIGTERM
    [InlineData(1)] // SIGHUP
    public async Task A_runner_ended_by_a_signal_during_a_command_journals_the_command_and_the_interrupted_step_and_starts_no_rollback(int signal)
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");

        using (var runner = SandboxApp.Start(temp.Path,
            "run", "sandbox-deploy", $"BaseUrl={service.BaseUrl}", "Version=1.4.0", "SoakChecks=600", "--non-interactive", "--yes", "--journal", journalPath))
        {
            var shown = new System.Collections.Concurrent.ConcurrentQueue<string>();
            runner.OutputDataReceived += (_, e) => { if (e.Data is { } line) shown.Enqueue(line); };
            runner.BeginOutputReadLine();
            _ = runner.StandardError.ReadToEndAsync();
            // In the soak, once it has printed a health answer.
            await Processes.WaitUntilAsync(
                () => LiveJournal.Shows(journalPath, e => e.Name == "step-started" && e["title"] == "Soak: health holds"),
                "the soak step to start");
            await Processes.WaitUntilAsync(() => shown.Any(l => l.Contains("| {\"status\":", StringComparison.Ordinal)), "the soak to print a health answer");
            Assert.Null(PosixSignals.Send(runner.Id, signal));
            await runner.WaitForExitAsync();
        }

        var journal = Journal.Read(journalPath);
        var soakKey = journal.Single(e => e.Name == "step-started" && e["title"] == "Soak: health holds")["key"];
        var action = Assert.Single(journal, e => e.Name == "action" && e["key"] == soakKey);
        Assert.Equal("true", action["interrupted"]);
        Assert.Contains(action.Fields.GetProperty("outputTail").EnumerateArray(), l => l.GetString()!.StartsWith("{\"status\":", StringComparison.Ordinal));
        var finished = Assert.Single(journal, e => e.Name == "step-finished" && e["key"] == soakKey);
        Assert.Equal("interrupted", finished["result"]);
        Assert.True(IndexOf(journal, action) < IndexOf(journal, finished), "the command's record comes before the step's end");
        // The runner was going away: nothing of the rollback started, and the run records no end.
        Assert.DoesNotContain(journal, e => e.Name == "command-starting" && e["key"]!.StartsWith("rollback/", StringComparison.Ordinal));
        Assert.DoesNotContain(journal, e => e.Name == "run-finished");
        var version = await service.VersionAsync();
        Assert.Equal(("1.4.0", 0), (version.GetProperty("version").GetString(), version.GetProperty("rollbacks").GetInt32()));
    }

    private static int IndexOf(IReadOnlyList<JournalEvent> journal, JournalEvent e) => journal.ToList().FindIndex(x => x.Line == e.Line);
}

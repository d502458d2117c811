using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// C# code (<c>Execute(...)</c>) running when the runner goes away — a SIGTERM, a SIGHUP, a second Ctrl+C — is in the
/// journal as a killed command is: an <c>action</c> with what it wrote to the console so far (masked) and
/// <c>interrupted: true</c>, then the step's <c>step-finished</c> with <c>result: interrupted</c>. Before, the record
/// ended with <c>code-starting</c>. Real signals to the real sandbox app; the in-process test calls what they call.
/// </summary>
public sealed class InterruptedCodeJournalTests
{
    [Theory]
    [InlineData(15)] // SIGTERM
    [InlineData(1)] // SIGHUP
    public async Task A_runner_ended_by_a_signal_during_code_journals_what_it_wrote_and_the_interrupted_step_and_a_resume_runs_it_again_unasked(int signal)
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");

        using (var runner = SandboxApp.Start(temp.Path,
            "run", "sandbox-deploy", $"BaseUrl={service.BaseUrl}", "Version=1.5.0", "SoakChecks=1", "VersionChecks=600", "--non-interactive", "--yes", "--journal", journalPath))
        {
            var shown = new System.Collections.Concurrent.ConcurrentQueue<string>();
            runner.OutputDataReceived += (_, e) => { if (e.Data is { } line) shown.Enqueue(line); };
            runner.BeginOutputReadLine();
            _ = runner.StandardError.ReadToEndAsync();
            // In the code, once it has written a version check.
            await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "code-starting"), "the code to start");
            await Processes.WaitUntilAsync(() => shown.Any(l => l.Contains("| check 1: {\"version\":\"1.5.0\"", StringComparison.Ordinal)), "the code to write a check");
            Assert.Null(PosixSignals.Send(runner.Id, signal));
            await runner.WaitForExitAsync();
        }

        var journal = Journal.Read(journalPath);
        var codeKey = journal.Single(e => e.Name == "code-starting")["key"];
        var action = Assert.Single(journal, e => e.Name == "action" && e["key"] == codeKey);
        Assert.Equal(("delegate", "true"), (action["kind"], action["interrupted"]));
        Assert.Contains(action.Fields.GetProperty("outputTail").EnumerateArray(), l => l.GetString()!.StartsWith("check 1: {\"version\":\"1.5.0\"", StringComparison.Ordinal));
        var finished = Assert.Single(journal, e => e.Name == "step-finished" && e["key"] == codeKey);
        Assert.Equal("interrupted", finished["result"]);
        Assert.StartsWith("the runner was ended (SIGTERM, SIGHUP or a second Ctrl+C) during its code", finished["reason"]);
        Assert.True(IndexOf(journal, action) < IndexOf(journal, finished), "the code's record comes before the step's end");
        Assert.DoesNotContain(journal, e => e.Name == "command-starting" && e["key"]!.StartsWith("rollback/", StringComparison.Ordinal));
        Assert.DoesNotContain(journal, e => e.Name == "run-finished");

        // The check only reads (the step is Idempotent): an automated resume runs it again without --resend-requests.
        var (exitCode, output) = await SandboxApp.RunAsync(temp.Path,
            "run", "sandbox-deploy", "VersionChecks=1", "--resume", journalPath, "--non-interactive", "--yes");

        Assert.True(exitCode == 0, output);
        var resumed = Journal.Read(journalPath);
        var choice = resumed.Single(e => e.Name == "choice" && e["about"] == "resend");
        Assert.Equal((codeKey, "idempotent"), (choice["key"], choice["by"]));
        Assert.Equal(1, (await service.VersionAsync()).GetProperty("deploys").GetInt32());
    }

    private static int IndexOf(IReadOnlyList<JournalEvent> journal, JournalEvent e) => journal.ToList().FindIndex(x => x.Line == e.Line);
}

/// <summary>What a signal's handler does while C# code runs, called in-process (<see cref="RunnerExit.Now"/>), so the moment is exact.</summary>
[Collection(RunnerExitCollection.Name)]
public sealed class RunnerExitDuringCodeTests
{
    private const string Token = "tok-c0de-s3cret";

    [Fact]
    public async Task A_runner_going_away_during_code_journals_what_it_wrote_masked_and_the_interrupted_step_and_starts_nothing_more()
    {
        var wrote = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        using var run = new TestRun((rb, p) => rb
                .Phase("Fail over", ph => ph
                    .Step("Fail over through the SDK", s => s.Execute("fails over through the SDK", async ctx =>
                    {
                        Console.WriteLine($"calling the SDK with {ctx.Parameters["Token"]}");
                        Console.Write("half a line");
                        wrote.TrySetResult();
                        await release.Task;
                    }))
                    .Step("Announce", s => s.Run($"touch {p["Marker"]}")))
                .Rollback(r => r.Step("Fail back", s => s.Run($"touch {p["Marker"]}"))))
            .Parameter("Token", Token, secret: true);
        run.Parameter("Marker", run.Temp.File("ran"));
        var options = TestRun.NonInteractive with { JournalPath = run.JournalPath };

        var running = new RunbookRunner(new PlainConsole().Console, options, run.Prompts).ExecuteAsync(run.Bind(), CancellationToken.None);
        await wrote.Task.WaitAsync(TimeSpan.FromMinutes(2));
        RunnerExit.Now();
        release.TrySetResult();
        // A guard against hanging the test suite, not a limit on how fast the run must be.
        var thrown = await Record.ExceptionAsync(() => running.WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.IsType<RunnerEndingException>(thrown);
        var journal = Journal.Read(run.JournalPath);
        var action = Assert.Single(journal, e => e.Name == "action");
        Assert.Equal(("delegate", "fails over through the SDK", "true"), (action["kind"], action["code"], action["interrupted"]));
        Assert.Equal(["calling the SDK with ***", "half a line"], action.Fields.GetProperty("outputTail").EnumerateArray().Select(l => l.GetString()));
        Assert.DoesNotContain(Token, File.ReadAllText(run.JournalPath));
        var finished = Assert.Single(journal, e => e.Name == "step-finished");
        Assert.Equal("interrupted", finished["result"]);
        Assert.Equal("interrupted", journal[^1]["result"]);
        Assert.False(File.Exists(run.Temp.File("ran")), "a step started after the runner began to go away");
    }
}

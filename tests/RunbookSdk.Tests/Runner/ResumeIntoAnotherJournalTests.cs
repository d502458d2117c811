using System.Collections.Concurrent;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A resume given <c>--journal OTHER</c> writes to OTHER what it does and the steps it passes by, not everything the
/// journal it resumed knows: the decision a <c>OneOf</c> made, what an earlier runner left running, when a wait began.
/// A later <c>--resume OTHER</c> asked the decision again (or refused to go on without <c>--choose</c>) and left the
/// first runner's health watch running for good. It now reads the journal OTHER continues first, as one journal.
/// </summary>
public sealed class ResumeIntoAnotherJournalTests
{
    private const string Decision = "Mitigation strategy";

    [Fact]
    public async Task A_resume_of_a_journal_a_resume_wrote_elsewhere_keeps_the_decision_the_first_journal_made()
    {
        using var temp = new TempDirectory();
        var fixedMark = temp.File("fixed");
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .OneOf(Decision, o => o
                    .Step("Restart", s => s.Run($"touch {temp.File("restarted")}"))
                    .Step("Cache clear", s => s.Run($"test -f {fixedMark} || exit 3; touch {temp.File("flushed")}"))
                    .Step("Scale out", s => s.Run($"touch {temp.File("scaled")}")))
                .Step("Tell the team", s => s.Run($"touch {temp.File("told")}")))
            .NoRollback("test"));
        run.Prompts.Choose(1);
        Assert.Equal(1, (await run.RunAsync(TestRun.Interactive)).ExitCode);

        // The resume goes on in a journal of its own; 'Cache clear' fails again before 'Scale out' is passed by.
        var other = temp.File("other.jsonl");
        var second = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath, JournalPath = other });
        Assert.Equal(1, second.ExitCode);
        Assert.DoesNotContain("\"choice\"", File.ReadAllText(other));

        File.WriteAllText(fixedMark, "");
        var third = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = other, JournalPath = other });

        Assert.True(third.ExitCode == 0, third.Output);
        Assert.DoesNotContain($"'{Decision}' is a choice", third.Output);
        Assert.Contains($"skipped in the resumed journal: not repeated (not chosen: '{Decision}' took 'Cache clear'", third.Output);
        Assert.Equal(["flushed", "told"], new[] { "restarted", "flushed", "scaled", "told" }.Where(f => File.Exists(temp.File(f))));
    }

    [Fact]
    public async Task A_resume_of_a_journal_a_resume_wrote_elsewhere_stops_what_the_first_runner_left_running()
    {
        await using var fix = await WatchedFaultFix.StartAsync();
        var first = fix.JournalPath;
        var other = fix.Temp.File("other.jsonl");
        int[] loops = [];
        try
        {
            using (var runner = await fix.RunUntilTheSettleWaitAsync())
            {
                Assert.Null(PosixSignals.Send(runner.Id, PosixSignals.SigKill));
                await runner.WaitForExitAsync();
            }
            loops = KilledRunnerBackgroundTests.WatchLoops(first);
            Assert.Contains(loops, Processes.IsRunning);

            // The resume into another journal takes the watch over, and is killed in the settle wait in turn.
            using (var resumed = SandboxApp.Start(fix.Temp.Path, "run", "sandbox-watched-fault-fix", "--non-interactive", "--resume", first, "--journal", other))
            {
                _ = resumed.StandardOutput.ReadToEndAsync();
                _ = resumed.StandardError.ReadToEndAsync();
                await Processes.WaitUntilAsync(() => LiveJournal.Shows(other, e => e.Name == "wait-started"), "the resume's settle wait to start");
                Assert.Null(PosixSignals.Send(resumed.Id, PosixSignals.SigKill));
                await resumed.WaitForExitAsync();
            }
            Assert.Contains(loops, Processes.IsRunning);

            // The resume of the other journal is ended by a SIGTERM in its settle wait: it stops what it knows of.
            var shown = new ConcurrentQueue<string>();
            using (var last = SandboxApp.Start(fix.Temp.Path, "run", "sandbox-watched-fault-fix", "--non-interactive", "--resume", other))
            {
                last.OutputDataReceived += (_, e) => { if (e.Data is { } line) shown.Enqueue(line); };
                last.BeginOutputReadLine();
                _ = last.StandardError.ReadToEndAsync();
                await Processes.WaitUntilAsync(() => { var waits = 0; return LiveJournal.Shows(other, e => e.Name == "wait-started" && ++waits == 2); },
                    "the last resume's settle wait to start");
                Assert.Null(PosixSignals.Send(last.Id, PosixSignals.SigTerm));
                await last.WaitForExitAsync();
            }

            Assert.Contains(shown, l => l.Contains("Still running from an earlier run of this journal", StringComparison.Ordinal)
                && l.Contains("started by step 1.1 'Watch health in the background'", StringComparison.Ordinal));
            foreach (var loop in loops) Assert.True(await Processes.ExitsAsync(loop), $"the first runner's health watch {loop} outlived the last resume");
        }
        finally
        {
            foreach (var loop in loops)
            {
                if (Processes.IsRunning(loop) && Processes.CommandLine(loop).Contains("while :", StringComparison.Ordinal)) PosixSignals.Send(loop, PosixSignals.SigKill);
            }
        }
    }
}

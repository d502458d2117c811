using System.Diagnostics;
using System.Globalization;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A runner killed outright (<c>kill -9</c>, the OOM killer) stops nothing: what its shell steps left in the background
/// — a health watch, a port-forward — runs on, unknown. The resume finds it by the dead runner's mark, names the step
/// that started it, journals it, and stops it as it stops what its own steps leave. Real processes and signals.
/// </summary>
public sealed class KilledRunnerBackgroundTests
{
    [Fact]
    public async Task A_resume_finds_what_a_killed_runner_left_running_says_which_step_started_it_and_stops_it()
    {
        await using var fix = await WatchedFaultFix.StartAsync();
        var journalPath = fix.JournalPath;
        int[] loops = [];
        try
        {
            using (var runner = await fix.RunUntilTheSettleWaitAsync())
            {
                Assert.Null(PosixSignals.Send(runner.Id, PosixSignals.SigKill));
                await runner.WaitForExitAsync();
            }

            loops = WatchLoops(journalPath);
            Assert.NotEmpty(loops);
            // What this is about: the killed runner stopped nothing.
            Assert.Contains(loops, Processes.IsRunning);

            // The resume is ended by a SIGTERM once it has taken the watch over: the settle wait has up to 30 seconds left.
            var shown = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using (var resumed = fix.StartResume())
            {
                resumed.OutputDataReceived += (_, e) => { if (e.Data is { } line) shown.Enqueue(line); };
                resumed.BeginOutputReadLine();
                _ = resumed.StandardError.ReadToEndAsync();
                await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "background-inherited"), "the resume to find the watch");
                Assert.Null(PosixSignals.Send(resumed.Id, PosixSignals.SigTerm));
                await resumed.WaitForExitAsync();
            }

            foreach (var loop in loops) Assert.True(await Processes.ExitsAsync(loop), $"the health watch {loop} outlived the resumed run");
            Assert.Contains(shown, l => l.Contains("Still running from an earlier run of this journal", StringComparison.Ordinal)
                && l.Contains("started by step 1.1 'Watch health in the background'", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var loop in loops)
            {
                if (Processes.IsRunning(loop) && Processes.CommandLine(loop).Contains("while :", StringComparison.Ordinal)) PosixSignals.Send(loop, PosixSignals.SigKill);
            }
        }

        var journal = Journal.Read(journalPath);
        var watchKey = journal.First(e => e.Name == "action" && e["kind"] == "shell")["key"];
        var inherited = journal.Where(e => e.Name == "background-inherited").ToArray();
        Assert.NotEmpty(inherited);
        Assert.All(inherited, e => Assert.Equal(watchKey, e["key"]));
        var firstRunner = journal.First(e => e.Name == "run-started")["processMark"];
        Assert.All(inherited, e => Assert.Equal(firstRunner, e["runner"]));
        var loopPids = loops.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Contains(inherited, e => loopPids.Contains(e["pid"]!));
        Assert.Contains(journal, e => e.Name == "background-stopped" && loopPids.Contains(e["pid"]!) && e["key"] == watchKey);
    }

    [Fact]
    public async Task What_a_dead_runner_left_is_found_with_its_step_and_stopped_but_not_what_a_live_runner_or_another_session_holds()
    {
        // A runner that no longer runs: no process has pid 2^31-1.
        const string deadRunner = "2147483647.12345";
        using var orphan = StartMarked($"{deadRunner}.3", "phase-1/step-1");
        using var detached = StartMarked($"{deadRunner}.4", "phase-1/step-1", detach: true);
        using var ownRunners = StartMarked($"{StepProcesses.Runner}.9999", "phase-1/step-2");
        try
        {
            var background = new BackgroundProcesses();
            await Processes.WaitUntilAsync(() => StepProcesses.LeftBy(deadRunner, StepProcesses.Session!.Value).Count > 0, "the orphan to start");
            // setsid leaves this session just before it becomes sleep: scanned earlier, it was still in it (seen in CI).
            await Processes.WaitUntilAsync(() => !Processes.CommandLine(detached.Id).StartsWith("setsid", StringComparison.Ordinal), "the detached process to leave the session");

            var found = background.Inherit(deadRunner, StepProcesses.Session!.Value, key => (key ?? "?", $"named {key}"));
            var live = StepProcesses.LeftBy(StepProcesses.Runner!, StepProcesses.Session!.Value);
            var stopped = await background.StopAllAsync(TimeSpan.FromSeconds(5));

            var process = Assert.Single(found);
            Assert.Equal(orphan.Id, process.Pid);
            Assert.Equal("phase-1/step-1", process.StepKey);
            Assert.Empty(live);
            var stop = Assert.Single(stopped);
            Assert.Equal((orphan.Id, "phase-1/step-1", "named phase-1/step-1", "SIGTERM"), (stop.Process.Pid, stop.Key, stop.Step, stop.StoppedBy));
            Assert.True(await Processes.ExitsAsync(orphan.Id));
            Assert.True(Processes.IsRunning(detached.Id), "a process detached into a session of its own was stopped");
        }
        finally
        {
            foreach (var p in new[] { orphan, detached, ownRunners })
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            }
        }
    }

    [Fact]
    public async Task The_command_a_killed_runner_was_in_is_stopped_before_the_resume_runs_its_step_again()
    {
        // The runner was killed (kill -9) during a quiet command of a rollback step: the command runs on (it writes
        // nothing, so no SIGPIPE ends it). The resume, told to run the step again, ran a second copy beside the first —
        // two rollbacks at once — and stopped the first only when the run ended.
        const string deadRunner = "2147483647.54321";
        const string key = "phase-1/step-1:Migrate";
        using var earlier = StartMarked($"{deadRunner}.1", key);
        try
        {
            await Processes.WaitUntilAsync(() => StepProcesses.LeftBy(deadRunner, StepProcesses.Session!.Value).Count > 0, "the earlier command to start");
            using var run = new TestRun(rb => rb
                // Its state, not kill -0: the stopped copy is this test's child, a zombie until .NET reaps it, and kill -0
                // succeeds on a zombie (under load the reaping came late and the test failed, with the copy long dead).
                .Phase("P", p => p.Step("Migrate", s => s.Run($"state=$(cut -d' ' -f3 /proc/{earlier.Id}/stat 2>/dev/null); if [ -n \"$state\" ] && [ \"$state\" != Z ]; then echo earlier-copy-still-running; else echo earlier-copy-gone; fi")))
                .NoRollback("test"));
            var session = StepProcesses.Session!.Value.ToString(CultureInfo.InvariantCulture);
            File.WriteAllLines(run.JournalPath,
            [
                $$"""{"time":"2026-12-06T02:00:00+00:00","event":"run-started","runbook":"test-runbook","incidentStart":"2026-12-06T02:00:00+00:00","processMark":"{{deadRunner}}","session":{{session}}}""",
                """{"time":"2026-12-06T02:00:01+00:00","event":"phase-started","section":"phase-1","name":"P"}""",
                $$"""{"time":"2026-12-06T02:00:01+00:00","event":"step-started","key":"{{key}}","section":"phase-1","title":"Migrate","destructive":false}""",
                $$"""{"time":"2026-12-06T02:00:01+00:00","event":"command-starting","key":"{{key}}","action":0,"attempt":1,"command":"./migrate.sh"}""",
            ]);

            var result = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath, ResendRequests = true });

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains("| earlier-copy-gone", result.Output);
            Assert.DoesNotContain("| earlier-copy-still-running", result.Output);
            Assert.Contains($"Still running from the earlier run's attempt at step 1.1 'Migrate': pid {earlier.Id} (sleep 300): stopped (SIGTERM) before the step runs again", result.Output);
            var events = result.Journal.Select(e => (e.Name, e["key"], e["pid"])).ToList();
            var stopped = events.FindIndex(e => e.Name == "background-stopped" && e.Item3 == earlier.Id.ToString(CultureInfo.InvariantCulture));
            Assert.True(stopped >= 0, "the earlier command's stop is journaled");
            Assert.Equal(key, result.Journal[stopped]["key"]);
            Assert.True(stopped < events.FindLastIndex(e => e.Name == "step-started" && e.Item2 == key), "stopped before the step started again");
        }
        finally
        {
            try { earlier.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
    }

    [Fact]
    public async Task The_question_to_run_a_step_again_says_its_earlier_attempt_still_runs()
    {
        // The engineer was asked whether to run the step again, told only that the earlier attempt "may have taken
        // effect", while its command was still at work: and a yes stops it, which they should know before answering.
        const string deadRunner = "2147483646.54321";
        const string key = "phase-1/step-1:Migrate";
        using var earlier = StartMarked($"{deadRunner}.1", key);
        try
        {
            await Processes.WaitUntilAsync(() => StepProcesses.LeftBy(deadRunner, StepProcesses.Session!.Value).Count > 0, "the earlier command to start");
            using var run = new TestRun(rb => rb
                .Phase("P", p => p.Step("Migrate", s => s.Run("echo migrated").RequiresConfirmation()))
                .NoRollback("test"));
            var session = StepProcesses.Session!.Value.ToString(CultureInfo.InvariantCulture);
            File.WriteAllLines(run.JournalPath,
            [
                $$"""{"time":"2026-12-06T02:00:00+00:00","event":"run-started","runbook":"test-runbook","incidentStart":"2026-12-06T02:00:00+00:00","processMark":"{{deadRunner}}","session":{{session}}}""",
                """{"time":"2026-12-06T02:00:01+00:00","event":"phase-started","section":"phase-1","name":"P"}""",
                $$"""{"time":"2026-12-06T02:00:01+00:00","event":"step-started","key":"{{key}}","section":"phase-1","title":"Migrate","destructive":true}""",
                $$"""{"time":"2026-12-06T02:00:01+00:00","event":"command-starting","key":"{{key}}","action":0,"attempt":1,"command":"./migrate.sh"}""",
            ]);
            run.Prompts.Answer(false); // not again: the earlier copy is left to the end of the run

            var result = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

            var warned = result.Output.IndexOf($"Still running from the earlier run's attempt at this step: pid {earlier.Id} (sleep 300). Yes stops it before the step runs again", StringComparison.Ordinal);
            Assert.True(warned >= 0, result.Output);
            Assert.Single(run.Prompts.Questions);
            Assert.DoesNotContain("migrated", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            try { earlier.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
    }

    /// <summary>A <c>sleep</c> marked as a runner's shell step marks what it starts; <paramref name="detach"/>: in a session of its own.</summary>
    private static Process StartMarked(string mark, string stepKey, bool detach = false)
    {
        var start = new ProcessStartInfo(detach ? "setsid" : "sleep") { UseShellExecute = false };
        if (detach) start.ArgumentList.Add("sleep");
        start.ArgumentList.Add("300");
        start.Environment[StepProcesses.Variable] = mark;
        start.Environment[StepProcesses.StepVariable] = stepKey;
        return Process.Start(start)!;
    }

    /// <summary>The health watch's loop: the subshell bash forked for <c>while …; done &amp;</c>, as the step journaled what it left running.</summary>
    internal static int[] WatchLoops(string journalPath) =>
        Journal.Read(journalPath).First(e => e.Name == "action" && e["kind"] == "shell").Fields.GetProperty("leftRunning").EnumerateArray()
            .Select(p => p.GetString()!).Where(p => p.Contains("while :", StringComparison.Ordinal))
            .Select(p => int.Parse(p.Split(' ')[0], CultureInfo.InvariantCulture)).ToArray();
}

using System.Globalization;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A runner ended by a signal — SIGTERM (a service manager, <c>kill</c>) or SIGHUP (the engineer's SSH session
/// dropped) — kills what its steps left in the background and journals it, with what it printed, before it exits:
/// neither an orphan health watch hammering the service nor a record missing what the engineer saw. The real
/// sandbox app and service, and a real signal.
/// </summary>
public sealed class RunnerSignalTests
{
    [Theory]
    [InlineData(15)] // SIGTERM
    [InlineData(1)] // SIGHUP
    public async Task A_runner_ended_by_a_signal_kills_and_journals_its_background_before_it_exits(int signal)
    {
        await using var service = await SandboxService.StartAsync();
        await service.PostAsync("/fault", "on");
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");

        using (var runner = SandboxApp.Start(temp.Path,
            "run", "sandbox-watched-fault-fix", $"BaseUrl={service.BaseUrl}", "--non-interactive", "--journal", journalPath))
        {
            var shown = new System.Collections.Concurrent.ConcurrentQueue<string>();
            runner.OutputDataReceived += (_, e) => { if (e.Data is { } line) shown.Enqueue(line); };
            runner.BeginOutputReadLine();
            _ = runner.StandardError.ReadToEndAsync();
            // In the 30-second settle wait, once the health watch has printed after its step.
            await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "wait-started"), "the settle wait to start");
            await Processes.WaitUntilAsync(() => shown.Any(l => l.Contains("[background of step 1.1]", StringComparison.Ordinal)), "the watch to print after its step");
            Assert.Null(PosixSignals.Send(runner.Id, signal));
            await runner.WaitForExitAsync();
        }

        var journal = Journal.Read(journalPath);
        var watch = journal.First(e => e.Name == "action" && e["kind"] == "shell");
        // The loop is the subshell bash forked for `while …; done &`; the others listed were its curl or sleep of the
        // moment, long gone and their pids free for any process. A child caught between fork and exec reads the same
        // command, and pids wrap (32768 on this machine, reached in minutes while builds run), so the loop is not
        // simply the lowest of them: every one must be gone, and one of them journaled as killed.
        var loops = watch.Fields.GetProperty("leftRunning").EnumerateArray().Select(p => p.GetString()!)
            .Where(p => p.Contains("while :", StringComparison.Ordinal))
            .Select(p => int.Parse(p.Split(' ')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEmpty(loops);
        try
        {
            foreach (var loop in loops) Assert.True(await Processes.ExitsAsync(loop), $"the health watch {loop} outlived the runner");
        }
        finally
        {
            // A failing test must not leave its own orphan polling a service that is gone — nor signal a process that
            // took over the pid.
            foreach (var loop in loops)
            {
                if (Processes.IsRunning(loop) && Processes.CommandLine(loop).Contains("while :", StringComparison.Ordinal)) PosixSignals.Send(loop, PosixSignals.SigKill);
            }
        }
        var loopPids = loops.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Contains(journal, e => e.Name == "background-stopped" && loopPids.Contains(e["pid"]!) && e["stoppedBy"] == "SIGKILL");
        var output = journal.Single(e => e.Name == "background-output");
        Assert.Equal("killed", output["ended"]);
        // What the watch printed after its step: health answers, however many seconds of them there were — and, on a
        // machine so loaded that the service took more than the watch's 2 seconds to answer, curl's time-out too.
        var tail = output.Fields.GetProperty("outputTail").EnumerateArray().Select(l => l.GetString()!).ToArray();
        Assert.Contains(tail, line => line.StartsWith("{\"status\":", StringComparison.Ordinal));
        Assert.DoesNotContain(journal, e => e.Name == "run-finished");
    }

    [Fact]
    public async Task A_runner_ended_by_a_signal_says_on_the_console_what_it_left_undone_and_how_to_go_on()
    {
        await using var service = await SandboxService.StartAsync();
        await service.PostAsync("/fault", "on");
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");
        Task<string> shown;

        using (var runner = SandboxApp.Start(temp.Path,
            "run", "sandbox-watched-fault-fix", $"BaseUrl={service.BaseUrl}", "--non-interactive", "--journal", journalPath))
        {
            shown = runner.StandardOutput.ReadToEndAsync();
            _ = runner.StandardError.ReadToEndAsync();
            await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "wait-started"), "the settle wait to start");
            Assert.Null(PosixSignals.Send(runner.Id, 15));
            await runner.WaitForExitAsync();
        }

        // The output used to stop mid-step, with no word of the verification that did not run.
        var output = await shown;
        Assert.Contains("Run ENDED at once (a second Ctrl+C, SIGTERM or SIGHUP) during step 2.2 'Let health settle'", output);
        Assert.Contains("no further step, rollback or verification", output);
        // A command to paste: "run sandbox-watched-fault-fix --resume …" named no program.
        Assert.Contains($"To go on: dotnet {SandboxApp.AppDll} run sandbox-watched-fault-fix --resume \"{journalPath}\"; it continues after the last completed step.", output);
    }

    [Fact]
    public async Task A_runner_ended_by_a_signal_during_a_wait_journals_the_step_as_interrupted()
    {
        await using var fix = await WatchedFaultFix.StartAsync();
        var journalPath = fix.JournalPath;

        using (var runner = await fix.RunUntilTheSettleWaitAsync())
        {
            Assert.Null(PosixSignals.Send(runner.Id, 15));
            await runner.WaitForExitAsync();
        }

        // Nothing runs in a wait, so there is nothing to kill: the step itself is journaled as interrupted, with the
        // reason, where the journal used to end at its step-started as after a kill -9 or a power cut.
        var journal = Journal.Read(journalPath);
        var wait = journal.Single(e => e.Name == "wait-started")["key"];
        var finished = Assert.Single(journal, e => e.Name == "step-finished" && e["key"] == wait);
        Assert.Equal("interrupted", finished["result"]);
        Assert.Contains("the runner was ended (SIGTERM", finished["reason"]);
        Assert.DoesNotContain(journal, e => e.Name == "run-finished");
        // A resume does not count it completed: it waits again for what is left.
        Assert.DoesNotContain(wait!, ResumeState.Read(journalPath).CompletedSteps);
    }
}

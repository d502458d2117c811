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
        var watchers = watch.Fields.GetProperty("leftRunning").EnumerateArray()
            .Select(p => int.Parse(p.GetString()!.Split(' ')[0], CultureInfo.InvariantCulture)).ToArray();
        try
        {
            foreach (var pid in watchers) Assert.True(await Processes.ExitsAsync(pid), $"the health watch {pid} outlived the runner");
        }
        finally
        {
            // A failing test must not leave its own orphan polling a service that is gone.
            foreach (var pid in watchers.Where(Processes.IsRunning)) PosixSignals.Send(pid, PosixSignals.SigKill);
        }
        var loop = watchers.Min();
        Assert.Contains(journal, e => e.Name == "background-stopped" && e["pid"] == loop.ToString(CultureInfo.InvariantCulture) && e["stoppedBy"] == "SIGKILL");
        var output = journal.Single(e => e.Name == "background-output");
        Assert.Equal("killed", output["ended"]);
        // What the watch printed after its step: health answers, however many seconds of them there were — and, on a
        // machine so loaded that the service took more than the watch's 2 seconds to answer, curl's time-out too.
        var tail = output.Fields.GetProperty("outputTail").EnumerateArray().Select(l => l.GetString()!).ToArray();
        Assert.Contains(tail, line => line.StartsWith("{\"status\":", StringComparison.Ordinal));
        Assert.DoesNotContain(journal, e => e.Name == "run-finished");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// What a process a step left in the background prints after the step (a port-forward's log) is what the engineer
/// saw during the incident: the journal keeps it as a digest of its own — lines, SHA-256, the last lines, masked —
/// written when that output ends or the run stops it, however the run ends. Real processes throughout; the background
/// prints only once a later step tells it to, so its lines surely come after its step.
/// </summary>
public sealed class BackgroundOutputTests
{
    private const string Secret = "s3cr3t-Token-42";

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task What_the_background_printed_after_its_step_is_journaled_when_the_run_stops_it(bool laterStepFails, int exitCode)
    {
        using var run = Forwarding(use: (p, s) => s.Run($"touch {p["Go"]}; while [ ! -e {p["Printed"]} ]; do sleep 0.05; done; exit {p["Exit"]}"));
        run.Parameter("Exit", laterStepFails ? "3" : "0");

        var result = await RunAndCleanUpAsync(run);

        Assert.True(result.ExitCode == exitCode, result.Output);
        Assert.Contains("[background of step 1.1] forwarding 8080", result.Output);
        var output = result.Events("background-output").Single();
        Assert.Equal("phase-1/step-1:Forward", output["key"]);
        Assert.Equal("stopped", output["ended"]);
        Assert.Equal("2", output["outputLines"]);
        Assert.Equal(["forwarding 8080", "token ***"], Tail(output));
        Assert.Equal(Sha256("forwarding 8080\ntoken ***"), output["outputSha256"]);
        Assert.Contains($"{ChildPid(run)} ", output["processes"]);
        // The step's own digest is what it printed while it ran.
        Assert.Equal("1", result.Events("action").First()["outputLines"]);
        Assert.DoesNotContain(Secret, File.ReadAllText(run.JournalPath));
        // After the stop that ended it, and before the run's last word.
        var names = result.Journal.Select(e => e.Name).ToList();
        Assert.True(names.IndexOf("background-stopped") < names.IndexOf("background-output"), string.Join(", ", names));
        Assert.Equal("run-finished", names[^1]);
    }

    [Fact]
    public async Task A_background_that_ends_on_its_own_is_journaled_as_ended_on_its_own()
    {
        using var run = Forwarding(
            use: (p, s) => s.Run($"touch {p["Go"]}; while [ -e /proc/$(cat {p["ChildPid"]}) ] && [ \"$(cut -d' ' -f3 /proc/$(cat {p["ChildPid"]})/stat)\" != Z ]; do sleep 0.05; done"),
            afterPrinting: "exit 0");

        var result = await RunAndCleanUpAsync(run);

        Assert.True(result.ExitCode == 0, result.Output);
        var output = result.Events("background-output").Single();
        Assert.Equal("on-its-own", output["ended"]);
        Assert.Equal(["forwarding 8080", "token ***"], Tail(output));
        Assert.Empty(result.Events("background-stopped"));
    }

    [Fact]
    public async Task Ctrl_C_in_a_later_step_still_journals_what_the_background_printed()
    {
        using var run = Forwarding(use: (p, s) => s.Run($"touch {p["Go"]}; sleep 300"));
        using var ctrlC = new CancellationTokenSource();
        var printed = run.Temp.File("printed");
        _ = Task.Run(async () =>
        {
            await Processes.WaitUntilAsync(() => File.Exists(printed), "the background to print");
            ctrlC.Cancel();
        });

        var result = await RunAndCleanUpAsync(run, ctrlC.Token);

        Assert.Equal(RunStatus.Cancelled, result.Outcome.Status);
        var output = result.Events("background-output").Single();
        Assert.Equal("stopped", output["ended"]);
        Assert.Equal(["forwarding 8080", "token ***"], Tail(output));
    }

    [Fact]
    public async Task A_process_that_cleared_its_environment_is_not_stopped_but_what_it_printed_is_journaled_as_still_open()
    {
        // env -i drops the mark the runner finds a step's processes by (a documented limit): it outlives the run.
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Untracked", s => s.Run(
                    $"env -i /bin/sh -c 'echo $$ > \"$1\"; while [ ! -e \"$2\" ]; do /bin/sleep 0.05; done; echo untracked-line; : > \"$3\"; exec /bin/sleep 300' untracked {p["ChildPid"]} {p["Go"]} {p["Printed"]} &"))
                .Step("Let it print", s => s.Run($"touch {p["Go"]}; while [ ! -e {p["Printed"]} ]; do sleep 0.05; done")))
            .NoRollback("test"));
        run.Parameter("ChildPid", run.Temp.File("child.pid")).Parameter("Go", run.Temp.File("go")).Parameter("Printed", run.Temp.File("printed"));

        var result = await RunAndCleanUpAsync(run);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(result.Events("background-stopped"));
        var output = result.Events("background-output").Single();
        Assert.Equal("still-open", output["ended"]);
        Assert.Equal(["untracked-line"], Tail(output));
        Assert.Contains("still holds its output", result.Output);
    }

    /// <summary>
    /// Step 1.1 leaves a process in the background that waits for a later step's go, prints two lines (one with the
    /// secret), says it printed, then runs on (or does <paramref name="afterPrinting"/>). The script to run after is an
    /// argument the background shell evals: a hole inside its <c>bash -c '…'</c> would be one quoted word there.
    /// </summary>
    private static TestRun Forwarding(Action<IReadOnlyDictionary<string, string>, IStepBuilder> use, string afterPrinting = "exec sleep 300")
    {
        var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Forward", s => s.Run(
                    $"bash -c 'while [ ! -e \"$1\" ]; do sleep 0.05; done; echo forwarding 8080; echo \"token $2\"; touch \"$3\"; eval \"$4\"' forward {p["Go"]} {p["Token"]} {p["Printed"]} {p["After"]} & echo $! > {p["ChildPid"]}; echo started"))
                .Step("Use it", s => use(p, s)))
            .NoRollback("test"));
        run.Parameter("Go", run.Temp.File("go")).Parameter("Printed", run.Temp.File("printed"))
            .Parameter("ChildPid", run.Temp.File("child.pid")).Parameter("Token", Secret, secret: true)
            .Parameter("After", afterPrinting);
        return run;
    }

    private static async Task<RunResult> RunAndCleanUpAsync(TestRun run, CancellationToken cancellationToken = default)
    {
        try
        {
            return await run.RunAsync(cancellationToken: cancellationToken);
        }
        finally
        {
            KillChild(run);
        }
    }

    private static string[] Tail(JournalEvent e) => e.Fields.GetProperty("outputTail").EnumerateArray().Select(l => l.GetString()!).ToArray();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static int ChildPid(TestRun run) => int.Parse(File.ReadAllText(run.Temp.File("child.pid")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>A failing test must not leave its own orphan behind.</summary>
    private static void KillChild(TestRun run)
    {
        if (!File.Exists(run.Temp.File("child.pid")) || !Processes.IsRunning(ChildPid(run))) return;
        try
        {
            using var process = Process.GetProcessById(ChildPid(run));
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Gone meanwhile.
        }
    }
}

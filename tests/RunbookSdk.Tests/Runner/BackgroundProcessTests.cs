using System.Globalization;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A shell step may start something in the background (<c>kubectl port-forward … &amp;</c>): the step does not wait
/// for it, later steps can use it, and when the run ends the runner stops it and says so, rather than leave an
/// orphan nobody knows about. Real processes throughout.
/// </summary>
public sealed class BackgroundProcessTests
{
    [Fact]
    public async Task A_background_child_outlives_its_step_but_not_the_run_and_the_engineer_is_told()
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Forward", s => s.Run($"sleep 300 & echo $! > {p["ChildPid"]}; echo forwarding"))
                .Step("Use it", s => s.Run($"kill -0 $(cat {p["ChildPid"]})")))
            .NoRollback("test"));
        run.Parameter("ChildPid", run.Temp.File("child.pid"));

        RunResult result;
        int child = 0;
        try
        {
            result = await run.RunAsync();
            child = ReadPid(run.Temp.File("child.pid"));
            Assert.True(await Processes.ExitsAsync(child), $"background child {child} was left running after the run ended");
        }
        finally
        {
            Processes.KillIfRunning(child);
        }

        // The step did not hang on the pipe the child inherited, and the child was still there for the next step.
        Assert.Equal(["Forward: succeeded", "Use it: succeeded"], result.StepResults);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"left running in the background: pid {child} (sleep 300)", result.Output);
        Assert.Contains($"pid {child} (sleep 300), started by step 1.1 'Forward': stopped (SIGTERM)", result.Output);
        var action = result.Events("action").First();
        Assert.Contains($"{child} sleep 300", action["leftRunning"]);
        var stopped = result.Events("background-stopped").Single();
        Assert.Equal(child.ToString(CultureInfo.InvariantCulture), stopped["pid"]);
        Assert.Equal("sleep 300", stopped["command"]);
        Assert.Equal("SIGTERM", stopped["stoppedBy"]);
        Assert.StartsWith("phase-1/step-1:", stopped["key"]);
        // Before the end of the run, so the journal's last word is still the run's.
        Assert.Equal("run-finished", result.Journal[^1].Name);
    }

    [Fact]
    public async Task A_child_that_ignores_SIGTERM_is_killed_after_the_grace()
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Stubborn", s => s.Run(
                $"bash -c 'trap \"\" TERM; echo ready; while :; do sleep 1; done' & echo $! > {p["ChildPid"]}; echo started")))
            .NoRollback("test"));
        run.Parameter("ChildPid", run.Temp.File("child.pid"));

        RunResult result;
        int child = 0;
        try
        {
            result = await run.RunAsync(TestRun.NonInteractive with { BackgroundStopGrace = TimeSpan.FromMilliseconds(300) });
            child = ReadPid(run.Temp.File("child.pid"));
            Assert.True(await Processes.ExitsAsync(child), $"background child {child} survived SIGKILL");
        }
        finally
        {
            Processes.KillIfRunning(child);
        }

        var stopped = result.Events("background-stopped").Single(e => e["pid"] == child.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("SIGKILL", stopped["stoppedBy"]);
        Assert.Contains("did not stop on SIGTERM", result.Output);
    }

    [Fact]
    public async Task A_secret_in_a_background_command_line_is_masked()
    {
        const string Secret = "s3cr3t-Token-42";
        using var run = new TestRun((rb, p) => rb
            // A list, not one simple command, so bash does not exec sleep: its command line keeps the token as $0.
            .Phase("Act", ph => ph.Step("Tunnel", s => s.Run($"bash -c 'sleep 300; :' {p["Token"]} & echo $! > {p["ChildPid"]}", "starts a tunnel with the token")))
            .NoRollback("test"));
        run.Parameter("ChildPid", run.Temp.File("child.pid")).Parameter("Token", Secret, secret: true);

        RunResult result;
        int child = 0;
        try
        {
            result = await run.RunAsync();
            child = ReadPid(run.Temp.File("child.pid"));
        }
        finally
        {
            Processes.KillIfRunning(child);
        }

        Assert.DoesNotContain(Secret, result.Output);
        Assert.DoesNotContain(Secret, File.ReadAllText(run.JournalPath));
        Assert.Contains($"pid {child} (bash -c sleep 300; : ***)", result.Output);
    }

    [Fact]
    public async Task A_time_out_also_kills_a_grandchild_already_re_parented_away_from_the_tree()
    {
        // The inner bash exits at once, so its `sleep 300` belongs to no tree under the step's shell any more.
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Hangs", s => s
                .Run($"bash -c 'sleep 300 & echo $! > {p["ChildPid"]}'; sleep 300")
                .Timeout(TimeSpan.FromSeconds(1))))
            .NoRollback("test"));
        run.Parameter("ChildPid", run.Temp.File("child.pid"));

        int child = 0;
        try
        {
            var result = await run.RunAsync();
            child = ReadPid(run.Temp.File("child.pid"));
            Assert.Contains("timed out after 1 second", result.Outcome.Reason);
            // Killed with the step, not left for the end of the run.
            Assert.Empty(result.Events("background-stopped"));
            Assert.True(await Processes.ExitsAsync(child), $"re-parented grandchild {child} outlived the time-out");
        }
        finally
        {
            Processes.KillIfRunning(child);
        }
    }

    [Fact]
    public async Task A_process_started_detached_in_a_session_of_its_own_is_kept_after_the_run()
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Start the worker", s => s.Run($"setsid -f bash -c 'echo $$ > {p["ChildPid"]}; exec sleep 300' </dev/null >/dev/null 2>&1; while [ ! -s {p["ChildPid"]} ]; do sleep 0.05; done")))
            .NoRollback("test"));
        run.Parameter("ChildPid", run.Temp.File("child.pid"));

        int child = 0;
        try
        {
            var result = await run.RunAsync();
            child = ReadPid(run.Temp.File("child.pid"));

            Assert.Equal(0, result.ExitCode);
            Assert.True(Processes.IsRunning(child), "a detached worker was stopped with the run");
            Assert.Empty(result.Events("background-stopped"));
        }
        finally
        {
            Processes.KillIfRunning(child);
        }
    }

    [Fact]
    public async Task A_step_whose_children_all_ended_reports_nothing_left_running()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", ph => ph.Step("Waits for its child", s => s.Run("sleep 0.1 & wait; echo done")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("background", result.Output);
        Assert.Empty(result.Events("background-stopped"));
        Assert.Null(result.Events("action").Single()["leftRunning"]);
    }

    [Fact]
    public async Task A_shell_step_stays_in_the_runner_s_session_so_a_command_can_still_ask_on_the_terminal()
    {
        // A shell in a session of its own has no controlling terminal: `sudo` wanting a password or `ssh` asking to
        // trust a host key failed at once (and the run rolled back) instead of asking the engineer.
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Which session", s => s.Run($"cut -d' ' -f6 /proc/$$/stat > {p["Session"]}")))
            .NoRollback("test"));
        run.Parameter("Session", run.Temp.File("session"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SessionOfThisProcess(), ReadPid(run.Temp.File("session")));
    }

    private static int SessionOfThisProcess()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3], CultureInfo.InvariantCulture);
    }

    private static int ReadPid(string path) => int.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture);
}

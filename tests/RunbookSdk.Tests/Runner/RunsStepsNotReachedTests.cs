using System.Net;
using System.Text.RegularExpressions;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// <c>runs</c> said where a stopped run stopped (<c>last step 1.2 'Deploy': failed  stopped: Failed</c>) but not what it
/// left undone, which its <c>run-finished</c> names (<c>notReached</c>): the engineer reading it the next morning had to
/// open the runbook and count. It now names those steps, as the run's own closing words do, a long list shortened.
/// </summary>
public sealed class RunsStepsNotReachedTests
{
    [Fact]
    public async Task Runs_names_the_steps_a_stopped_run_did_not_reach_before_its_resume_command()
    {
        using var run = new TestRun(rb => rb
            .Phase("Diagnose", p => p
                .Step("Look", s => s.Run("true"))
                .Step("Deploy", s => s.Run("exit 3"))
                .Step("Soak", s => s.Run("true")))
            .Phase("Scale", p => p.Step("Scale up", s => s.Run("true")))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);

        var listed = await Host.RunAsync(run.Catalog(), "runs", run.JournalPath);

        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("last step 1.2 'Deploy': failed stopped: Failed; not reached: 1.3 'Soak', 2.1 'Scale up'; resume: dotnet",
            Regex.Replace(listed.Output, @"\s+", " "));
    }

    [Fact]
    public async Task A_long_list_of_steps_not_reached_names_the_first_and_counts_the_rest()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy", s => s.Run("exit 3"))
                .Step("Soak", s => s.Run("true"))
                .Step("Shift 10%", s => s.Run("true"))
                .Step("Shift 50%", s => s.Run("true"))
                .Step("Shift 100%", s => s.Run("true"))
                .Step("Announce", s => s.Run("true")))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);

        var said = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        Assert.Contains("stopped: Failed; not reached: 1.2 'Soak', 1.3 'Shift 10%', 1.4 'Shift 50%' and 2 more; resume: ", said);
        Assert.DoesNotContain("Shift 100%", said);
    }

    [Fact]
    public async Task A_journal_written_without_the_steps_not_reached_is_listed_as_before()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Deploy", s => s.Run("exit 3")).Step("Soak", s => s.Run("true")))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);
        var listed = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        // As a runner before notReached wrote it.
        File.WriteAllLines(run.JournalPath, File.ReadAllLines(run.JournalPath).Select(line => line.Contains("\"run-finished\"", StringComparison.Ordinal)
            ? Regex.Replace(line, @",""notReached"":\[[^\]]*\]", "")
            : line));
        Assert.DoesNotContain("notReached", File.ReadAllText(run.JournalPath));

        var older = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");
        Assert.Contains("last step 1.1 'Deploy': failed stopped: Failed; resume: ", older);
        Assert.Equal(listed.Replace("; not reached: 1.2 'Soak'", "", StringComparison.Ordinal), older);
    }

    [Fact]
    public async Task A_resume_names_only_what_it_did_not_reach_and_none_once_it_completed()
    {
        var deployFails = true;
        var soakFails = true;
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy", s => s.Run(deployFails ? "exit 3" : "true"))
                .Step("Soak", s => s.Run(soakFails ? "exit 4" : "true"))
                .Step("Announce", s => s.Run("true")))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);
        deployFails = false;
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath })).ExitCode);

        var stoppedAgain = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");
        // The first run's 1.2 was reached by the resume: only what the resume left is named.
        Assert.Contains("last step 1.2 'Soak': failed stopped: Failed; not reached: 1.3 'Announce'; resume: ", stoppedAgain);

        soakFails = false;
        Assert.Equal(0, (await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath })).ExitCode);
        var completed = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath, "--all")).Output, @"\s+", " ");
        Assert.Contains("finished: Succeeded", completed);
        Assert.DoesNotContain("not reached", completed);
    }

    [Fact]
    public async Task A_resume_killed_before_it_ended_keeps_the_earlier_runs_steps_not_reached_less_those_it_reached()
    {
        await SandboxApp.EnsureBuiltAsync();
        var deploys = 0;
        var soaking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first deploy fails (so does the rollback: it has nothing to undo); the resume's deploy works and its soak
        // checks health, when the resume is killed.
        using var service = new TestHttpServer(context => context.Request.Url!.AbsolutePath switch
        {
            "/deploy" => TestHttpServer.ReplyAsync(context, Interlocked.Increment(ref deploys) == 1 ? 500 : 200, "deployed"),
            "/health" => Health(context),
            _ => TestHttpServer.ReplyAsync(context, 500, "no"),
        });
        Task Health(HttpListenerContext context)
        {
            if (Volatile.Read(ref deploys) > 1) soaking.TrySetResult();
            return TestHttpServer.ReplyAsync(context, 200, "{\"status\":\"ok\"}", "application/json");
        }
        using var temp = new TempDirectory();
        var journal = temp.File("journal.jsonl");
        var first = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-deploy", $"BaseUrl={service.Url.TrimEnd('/')}", "SoakChecks=120",
            "--non-interactive", "--yes", "--journal", journal);
        Assert.True(first.ExitCode != 0, first.Output);
        Assert.Contains("not reached: 1.2 'Soak: health holds', 1.3 'The new version stays live'",
            Regex.Replace((await SandboxApp.RunAsync(temp.Path, "runs", journal)).Output, @"\s+", " "));

        using (var resume = SandboxApp.Start(temp.Path, "run", "sandbox-deploy", "--resume", journal, "--non-interactive", "--yes"))
        {
            _ = resume.StandardOutput.ReadToEndAsync();
            _ = resume.StandardError.ReadToEndAsync();
            await soaking.Task.WaitAsync(TimeSpan.FromMinutes(2));
            // SIGKILL: no handler runs, and the resume writes no run-finished, so no list of its own.
            resume.Kill(entireProcessTree: true);
            await resume.WaitForExitAsync();
        }

        var listed = Regex.Replace((await SandboxApp.RunAsync(temp.Path, "runs", journal)).Output, @"\s+", " ");
        // Before, the resume's run-started cleared the earlier list: a killed resume showed nothing left to do.
        Assert.Contains("last step 1.2 'Soak: health holds': started, no result (the run stopped in it) "
            + "no end recorded (its runner was killed, or ended by a signal); not reached: 1.3 'The new version stays live'; resume: ", listed);
    }

    [Fact]
    public async Task A_later_resume_that_completes_its_rollback_clears_rollback_not_done()
    {
        var undoFails = true;
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Scale up", s => s.Run("exit 1")))
            .Rollback(r => r
                .Step("Undo the config", s => s.Run(undoFails ? "exit 7" : "true"))
                .Step("Scale back", s => s.Run("true"))
                .Step("Announce the rollback", s => s.Run("true")))
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        Assert.Equal(4, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);
        Assert.Contains("; rollback not done: R.2 'Scale back', R.3 'Announce the rollback'; resume: ",
            Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " "));

        undoFails = false;
        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });
        Assert.Equal(RunStatus.RolledBack, resumed.Outcome.Status);

        var listed = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");
        Assert.Contains("stopped: RolledBack", listed);
        Assert.DoesNotContain("rollback not done", listed);
    }
}

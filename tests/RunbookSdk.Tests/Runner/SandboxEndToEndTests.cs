using System.Diagnostics;
using System.Runtime.InteropServices;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>The generated runner of samples/Sandbox, run as a process against the real sandbox service.</summary>
public sealed class SandboxEndToEndTests
{
    [Fact]
    public async Task The_bad_deploy_runbook_recovers_the_real_service_and_journals_every_step()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        await service.PostAsync("/deploy", "2.0.0-bad");
        Assert.Equal(503, (await service.GetAsync("/health")).Status);

        var (exitCode, output) = await SandboxApp.RunAsync(temp.Path,
            "run", "sandbox-bad-deploy", $"BaseUrl={service.BaseUrl}", "--non-interactive", "--yes", "--journal", "journal.jsonl");

        Assert.True(exitCode == 0, output);
        var (status, health) = await service.GetAsync("/health");
        Assert.Equal(200, status);
        Assert.Equal("1.0.0", health.GetProperty("version").GetString());
        var journal = Journal.Read(temp.File("journal.jsonl"));
        Assert.Equal(
            ["Check health: succeeded", "See which version is live: succeeded", "Tell the team: succeeded",
             "Deploy the known-good version: succeeded", "Let it settle: succeeded",
             "Health is green: succeeded", "The known-good version is live: succeeded"],
            journal.Where(e => e.Name == "step-finished").Select(e => $"{e["title"]}: {e["result"]}"));
        Assert.Equal("--yes", journal.Single(e => e.Name == "choice")["by"]);
        Assert.Equal("0", journal[^1]["exitCode"]);
        Assert.Contains("fails its start-up checks", journal.First(e => e.Name == "action")["outputTail"]);
    }

    [Fact]
    public async Task The_bad_deploy_runbooks_version_check_fails_while_the_bad_version_is_live()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        await service.PostAsync("/deploy", "2.0.0-bad");
        var (first, output) = await SandboxApp.RunAsync(temp.Path,
            "run", "sandbox-bad-deploy", $"BaseUrl={service.BaseUrl}", "--non-interactive", "--yes", "--journal", "journal.jsonl");
        Assert.True(first == 0, output);

        // The bad version comes back; a resume repeats no completed step and checks the present state. /version names
        // the known-good version as the one the bad one replaced: a text search for it passed.
        await service.PostAsync("/deploy", "2.0.0-bad");
        var (exitCode, resumed) = await SandboxApp.RunAsync(temp.Path,
            "run", "sandbox-bad-deploy", "--resume", "journal.jsonl", "--non-interactive", "--yes");

        Assert.True(exitCode == 1, resumed);
        var check = Journal.Read(temp.File("journal.jsonl")).Last(e => e.Name == "step-finished" && e["title"] == "The known-good version is live");
        Assert.Equal("failed", check["result"]);
    }

    [Fact]
    public async Task The_dependency_fault_runbook_switches_the_fault_off()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        await service.PostAsync("/fault", "on");

        var (exitCode, output) = await SandboxApp.RunAsync(temp.Path,
            "run", "sandbox-dependency-fault", $"BaseUrl={service.BaseUrl}", "--non-interactive", "--journal", "journal.jsonl");

        Assert.True(exitCode == 0, output);
        Assert.Equal(200, (await service.GetAsync("/health")).Status);
    }

    [Fact]
    public async Task A_deploy_that_breaks_health_is_rolled_back_for_real_and_exits_3()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();

        var (exitCode, output) = await SandboxApp.RunAsync(temp.Path,
            "run", "sandbox-deploy", $"BaseUrl={service.BaseUrl}", "Version=3.0.0-bad", "SoakChecks=2", "--non-interactive", "--yes", "--journal", "journal.jsonl");

        Assert.True(exitCode == 3, output);
        var version = await service.VersionAsync();
        Assert.Equal("1.0.0", version.GetProperty("version").GetString());
        Assert.Equal(1, version.GetProperty("rollbacks").GetInt32());
        Assert.Equal(200, (await service.GetAsync("/health")).Status);
        Assert.Contains("Run FAILED and was rolled back.", output);
    }

    [Fact]
    public async Task A_non_interactive_run_without_yes_refuses_before_touching_the_service()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();

        var (exitCode, output) = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-deploy", $"BaseUrl={service.BaseUrl}", "--non-interactive");

        Assert.True(exitCode == 2, output);
        Assert.Contains("'Deploy the new version' is destructive and needs a confirmation: pass --yes", output);
        Assert.Equal(0, (await service.VersionAsync()).GetProperty("deploys").GetInt32());
    }

    [Fact]
    public async Task A_run_killed_with_SIGKILL_keeps_every_completed_step_and_resume_never_repeats_the_deploy()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");

        using (var doomed = SandboxApp.Start(temp.Path,
            "run", "sandbox-deploy", $"BaseUrl={service.BaseUrl}", "Version=1.2.0", "SoakChecks=600", "--non-interactive", "--yes", "--journal", journalPath))
        {
            _ = doomed.StandardOutput.ReadToEndAsync();
            _ = doomed.StandardError.ReadToEndAsync();
            await Processes.WaitUntilAsync(
                () => LiveJournal.Shows(journalPath, e => e.Name == "step-started" && e["title"] == "Soak: health holds"),
                "the soak step to start");
            // Process.Kill sends SIGKILL on Unix: no handler, no flush, no finally runs in the runner.
            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync();
            Assert.Equal(137, doomed.ExitCode);
        }

        var crashed = Journal.Read(journalPath);
        Assert.Contains(crashed, e => e.Name == "step-finished" && e["title"] == "Deploy the new version" && e["result"] == "succeeded");
        Assert.DoesNotContain(crashed, e => e.Name == "run-finished");
        Assert.Equal(1, (await service.VersionAsync()).GetProperty("deploys").GetInt32());

        // BaseUrl and Version come from the journal; only the soak is shortened. The soak was killed half-way; its
        // author marked it Idempotent (it only reads health), so an automated resume runs it again without
        // --resend-requests, the flag that would also re-run the deploy's kind of command in other steps.
        var (exitCode, output) = await SandboxApp.RunAsync(temp.Path,
            "run", "sandbox-deploy", "SoakChecks=1", "--resume", journalPath, "--non-interactive", "--yes");

        Assert.True(exitCode == 0, output);
        Assert.Contains("already completed in the resumed journal: not repeated", output);
        var version = await service.VersionAsync();
        Assert.Equal(1, version.GetProperty("deploys").GetInt32());
        Assert.Equal("1.2.0", version.GetProperty("version").GetString());
        var resumed = Journal.Read(journalPath);
        Assert.Contains(resumed, e => e.Name == "step-skipped" && e["title"] == "Deploy the new version");
        Assert.Contains(resumed, e => e.Name == "choice" && e["about"] == "resend" && e["by"] == "idempotent");
        Assert.Equal("0", resumed[^1]["exitCode"]);
    }

    [Fact]
    public async Task Ctrl_C_stops_the_running_step_kills_its_processes_rolls_back_and_exits_130()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");

        using var run = SandboxApp.Start(temp.Path,
            "run", "sandbox-deploy", $"BaseUrl={service.BaseUrl}", "Version=1.3.0", "SoakChecks=600", "--non-interactive", "--yes", "--journal", journalPath);
        var output = run.StandardOutput.ReadToEndAsync();
        _ = run.StandardError.ReadToEndAsync();
        await Processes.WaitUntilAsync(
            () => LiveJournal.Shows(journalPath, e => e.Name == "step-started" && e["title"] == "Soak: health holds"),
            "the soak step to start");

        Assert.Equal(0, Interrupt(run.Id));
        await run.WaitForExitAsync();

        Assert.True(run.ExitCode == 130, await output);
        var journal = Journal.Read(journalPath);
        Assert.Contains(journal, e => e.Name == "step-finished" && e["title"] == "Soak: health holds" && e["result"] == "interrupted");
        Assert.Contains(journal, e => e.Name == "step-finished" && e["title"] == "Roll back the deploy" && e["result"] == "succeeded");
        Assert.Equal("1.0.0", (await service.VersionAsync()).GetProperty("version").GetString());
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int Interrupt(int pid) => Kill(pid, 2 /* SIGINT */);
}

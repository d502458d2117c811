using System.Text.RegularExpressions;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A run rolled back after a failed step closes saying a resume starts over from the first step (the rollback undid
/// what the steps did). The engineer who then read <c>runs</c>, or resumed with a corrected value, was told otherwise:
/// <c>runs</c> gave a bare <c>stopped: RolledBack; resume: …</c>, and a resume given <c>Version=1.1.0</c> after a bad
/// <c>2.0.0-bad</c> said "the completed ones ran with '2.0.0-bad' and are not repeated" before it deployed again from
/// step 1.1 with the new value. Both now say the resume starts over, until a resume completes a phase step again.
/// </summary>
public sealed class ResumeAfterRollbackTests
{
    // The runbook the deploy cases share: deploys the version (a real shell command), then fails its soak until the file
    // named by Healthy exists. With a rollback the failed run rolls back; with NoRollback it stops at the soak, 1.1 done.
    // Its verification passes, or, given a health check's title, fails as the soak does: the rollback left it unhealthy.
    private static TestRun DeployThatFailsItsSoak(bool withRollback = true, string? healthCheck = null)
    {
        var run = new TestRun((rb, p) =>
        {
            rb.Phase("Deploy", ph => ph
                .Step("Deploy the new version", s => s.Run($"echo deploying {p["Version"]}"))
                .Step("Soak", s => s.Run($"test -e {p["Healthy"]}")));
            if (withRollback) rb.Rollback(r => r.Step("Roll back", s => s.Run("echo rolling back")));
            else rb.NoRollback("test");
            if (healthCheck is null) rb.Verification(v => v.Step("Check", s => s.Run("true")));
            else rb.Verification(v => v.Step(healthCheck, s => s.Run($"test -e {p["Healthy"]}")));
        });
        run.Parameter("Version", "2.0.0-bad");
        run.Parameter("Healthy", run.Temp.File("healthy"));
        return run;
    }

    // The first run, through the command line as the engineer starts it: Version=2.0.0-bad, no Healthy file yet, so its
    // soak fails (exit code 3 once a rollback completed, 1 when the runbook has none) and the journal holds the failure.
    private static async Task FailTheFirstRunAsync(TestRun run, int expectedExitCode)
    {
        var first = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--journal", run.JournalPath);
        Assert.Equal(expectedExitCode, first.ExitCode);
    }

    [Fact]
    public async Task Runs_says_a_resume_of_a_rolled_back_run_starts_over_until_a_resume_completes_a_step_again()
    {
        using var run = DeployThatFailsItsSoak();
        await FailTheFirstRunAsync(run, expectedExitCode: 3);

        var listed = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        Assert.Contains("last step R.1 'Roll back': succeeded stopped: RolledBack (the rollback undid the completed steps: a resume starts over from the first step); resume: dotnet", listed);
        // Its verification passed: a clean rollback, nothing to escalate.
        Assert.DoesNotContain("still unhealthy", listed);

        // The resume deploys again (1.1 completes), fails its soak again, and the operator declines the rollback: the
        // deploy stands, and a resume goes on after it.
        run.Prompts.Answer(false);
        Assert.Equal(1, (await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath })).ExitCode);

        var relisted = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        Assert.Contains("last step 1.2 'Soak': failed stopped: Failed; rollback declined: not run, what the steps that ran changed is still in place; "
            + "rollback not done: R.1 'Roll back'; resume: dotnet", relisted);
        Assert.DoesNotContain("starts over", relisted);
    }

    [Fact]
    public async Task Runs_says_the_verification_after_a_completed_rollback_failed_and_the_system_was_still_unhealthy()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Fix", s => s.Run("exit 1")))
            .Rollback(r => r.Step("Undo", s => s.Run("exit 0")))
            .Verification(v => v.Step("Health is green", s => s.Run("exit 1"))));
        Assert.Equal(3, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);

        var listed = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        // Read the next morning, "the rollback undid the completed steps" alone was a clean rollback.
        Assert.Contains("last step R.1 'Undo': succeeded stopped: RolledBack (the rollback completed, but the verification after it FAILED "
            + "('Health is green': exit code 1, expected 0): the system was still unhealthy, escalate now to every level of the runbook's "
            + "escalation, without waiting for their times; the rollback undid the completed steps: a resume starts over from the first step); resume: dotnet", listed);

        // A journal written before the verification was journaled has no record of it: it reads as before.
        File.WriteAllLines(run.JournalPath, File.ReadAllLines(run.JournalPath).Where(line => !line.Contains("\"verification-finished\"", StringComparison.Ordinal)));
        var older = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        Assert.Contains("last step R.1 'Undo': succeeded stopped: RolledBack (the rollback undid the completed steps: a resume starts over from the first step); resume: dotnet", older);
        Assert.DoesNotContain("still unhealthy", older);
    }

    [Fact]
    public async Task Runs_names_the_escalation_levels_to_reach_for_a_run_still_unhealthy_after_its_rollback_masked_and_shortened()
    {
        // A level's contact holds a secret's value: the journal holds it masked, and so does runs say it.
        using var run = new TestRun((rb, p) => rb
                .Phase("Mitigate", ph => ph.Step("Fix", s => s.Run("exit 1")))
                .Rollback(r => r.Step("Undo", s => s.Run("exit 0")))
                .Verification(v => v.Step("Health is green", s => s.Run("exit 1")))
                .Escalation(e => e
                    .Level("On-call engineer", TimeSpan.Zero, "#oncall")
                    .Level("Vendor support", TimeSpan.FromMinutes(10), $"https://pager.example/{p["PagerToken"]}")
                    .Level("Engineering manager", TimeSpan.FromMinutes(15), "+1 555 0100")
                    .Level("CTO", TimeSpan.FromMinutes(30))))
            .Parameter("PagerToken", "hunter2-pager", secret: true);
        Assert.Equal(3, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);

        var listed = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        // Before: "escalate now to every level of the runbook's escalation, without waiting for their times;" and no name.
        Assert.Contains("the system was still unhealthy, escalate now to every level of the runbook's escalation, without waiting for their times: "
            + "On-call engineer (#oncall), Vendor support (https://pager.example/***), Engineering manager (+1 555 0100) and 1 more; "
            + "the rollback undid the completed steps: a resume starts over from the first step); resume: dotnet", listed);
        Assert.DoesNotContain("hunter2-pager", listed);
    }

    [Fact]
    public async Task A_resume_and_its_dry_run_say_before_the_first_step_that_the_journals_rollback_left_the_system_unhealthy_and_whom_to_escalate_to()
    {
        // The check's title holds a secret's value: the journal holds it masked, and so is it said.
        using var run = DeployThatFailsItsSoak(healthCheck: "Health of the hunter2-green stack")
            .Parameter("StackPassword", "hunter2-green", secret: true)
            .Handbook(hb => hb.Escalation(e => e
                .Level("On-call engineer", TimeSpan.Zero, "oncall@example.com")
                .Level("Engineering manager", TimeSpan.FromMinutes(15), "+1 555 0100")));
        await FailTheFirstRunAsync(run, expectedExitCode: 3);
        // A journal written before the verification was journaled has no record of it: its resume reads as before.
        var older = run.Temp.File("older.jsonl");
        File.WriteAllLines(older, File.ReadAllLines(run.JournalPath).Where(line => !line.Contains("\"verification-finished\"", StringComparison.Ordinal)));

        var planned = Regex.Replace((await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", run.JournalPath, "--dry-run")).Output, @"\s+", " ");
        var plannedFromOlder = Regex.Replace((await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", older, "--dry-run")).Output, @"\s+", " ");
        File.WriteAllText(run.Temp.File("healthy"), "");
        var resumed = await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", run.JournalPath, "--non-interactive");

        // What the resume does is as before: it starts over, deploys again, and this time the system is healthy.
        Assert.Equal(0, resumed.ExitCode);
        var said = Regex.Replace(resumed.Output, @"\s+", " ");
        const string Unhealthy = "The journal's rollback completed, but the verification after it FAILED ('Health of the *** stack': exit code 1, expected 0): the system was still unhealthy.";
        const string Escalate = "ESCALATE NOW, without waiting for the levels' times: On-call engineer: oncall@example.com; Engineering manager: +1 555 0100 (due after 15 minutes)";
        foreach (var text in new[] { said, planned })
        {
            // What is dangerous first, in both (ResumeWarnings): whom to reach, then that the resume starts over.
            Assert.Contains(Unhealthy + " " + Escalate + " The journal's rollback undid the completed steps: the resume starts over from the first step.", text);
            Assert.DoesNotContain("hunter2-green", text);
        }
        // Said before the resume deploys again onto that system, not after.
        Assert.True(said.IndexOf(Escalate, StringComparison.Ordinal) < said.IndexOf("deploying 2.0.0-bad", StringComparison.Ordinal), said);

        Assert.Contains("The journal's rollback undid the completed steps: the resume starts over from the first step.", plannedFromOlder);
        Assert.DoesNotContain("still unhealthy", plannedFromOlder);
        Assert.DoesNotContain("ESCALATE NOW", plannedFromOlder);
    }

    [Fact]
    public async Task A_live_resume_of_a_rolled_back_run_says_it_starts_over_before_it_deploys_again()
    {
        using var run = DeployThatFailsItsSoak();
        await FailTheFirstRunAsync(run, expectedExitCode: 3);
        File.WriteAllText(run.Temp.File("healthy"), "");

        var planned = await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", run.JournalPath, "--dry-run");
        var resumed = await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", run.JournalPath, "--non-interactive");

        Assert.Equal(0, resumed.ExitCode);
        const string StartsOver = "The journal's rollback undid the completed steps: the resume starts over from the first step.";
        // The same line as its dry run, not "0 completed step(s) are not repeated" alone before step 1.1 deployed again.
        foreach (var output in new[] { resumed.Output, planned.Output })
            Assert.Contains(output.Split('\n'), line => line.Trim() == StartsOver);
        var said = resumed.Output;
        Assert.True(said.IndexOf("Resuming: 0 completed step(s) are not repeated", StringComparison.Ordinal) < said.IndexOf(StartsOver, StringComparison.Ordinal), said);
        Assert.True(said.IndexOf(StartsOver, StringComparison.Ordinal) < said.IndexOf("deploying 2.0.0-bad", StringComparison.Ordinal), said);
    }

    [Fact]
    public async Task A_live_resume_of_a_run_that_did_not_roll_back_does_not_say_it_starts_over()
    {
        using var run = DeployThatFailsItsSoak(withRollback: false);
        await FailTheFirstRunAsync(run, expectedExitCode: 1);
        File.WriteAllText(run.Temp.File("healthy"), "");

        var resumed = await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", run.JournalPath, "--non-interactive");

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("Resuming: 1 completed step(s) are not repeated", resumed.Output);
        Assert.DoesNotContain("starts over", resumed.Output);
        Assert.DoesNotContain("deploying 2.0.0-bad", resumed.Output);
    }

    [Fact]
    public async Task A_value_given_again_to_the_resume_of_a_rolled_back_run_is_said_to_be_used_by_every_step()
    {
        using var run = DeployThatFailsItsSoak();
        await FailTheFirstRunAsync(run, expectedExitCode: 3);
        File.WriteAllText(run.Temp.File("healthy"), "");

        var planned = Regex.Replace((await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", run.JournalPath, "Version=1.1.0", "--dry-run")).Output, @"\s+", " ");
        var resumed = await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", run.JournalPath, "Version=1.1.0", "--non-interactive");

        Assert.Equal(0, resumed.ExitCode);
        var said = Regex.Replace(resumed.Output, @"\s+", " ");
        foreach (var text in new[] { said, planned })
        {
            Assert.Contains("Version is '1.1.0' in this resume; the journal's run had '2.0.0-bad'. The journal's rollback undid what its steps did: the resume starts over from the first step, and every step uses '1.1.0'.", text);
            Assert.DoesNotContain("the completed ones ran with", text);
        }
        Assert.Contains("The journal's rollback undid the completed steps: the resume starts over from the first step.", planned);
        // What it said is what it did: the deploy ran again, with the new version.
        Assert.Contains("deploying 1.1.0", said);
    }

    [Fact]
    public async Task A_value_given_again_to_a_resume_with_steps_completed_still_says_they_are_not_repeated()
    {
        using var run = DeployThatFailsItsSoak(withRollback: false);
        await FailTheFirstRunAsync(run, expectedExitCode: 1);

        var resumed = await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", run.JournalPath, "Version=1.1.0", "--non-interactive");

        var said = Regex.Replace(resumed.Output, @"\s+", " ");
        Assert.Contains("The steps still to run use '1.1.0'; the completed ones ran with '2.0.0-bad' and are not repeated.", said);
        Assert.DoesNotContain("starts over", said);
        Assert.DoesNotContain("deploying 1.1.0", said);
    }

    [Fact]
    public async Task A_value_given_again_to_a_resume_of_a_run_that_completed_no_step_is_said_to_be_used_by_every_step()
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Deploy", ph => ph.Step("Deploy the new version", s => s.Run($"echo deploying {p["Version"]}; test -e {p["Healthy"]}")))
            .NoRollback("test")
            .Verification(v => v.Step("Check", s => s.Run("true"))));
        run.Parameter("Version", "2.0.0-bad");
        run.Parameter("Healthy", run.Temp.File("healthy"));
        await FailTheFirstRunAsync(run, expectedExitCode: 1);

        var resumed = await Host.RunAsync(run.Catalog(), "run", run.Id, "--resume", run.JournalPath, "Version=1.1.0", "--non-interactive");

        var said = Regex.Replace(resumed.Output, @"\s+", " ");
        Assert.Contains("Version is '1.1.0' in this resume; the journal's run had '2.0.0-bad'. No step of it completed: every step uses '1.1.0'.", said);
        Assert.DoesNotContain("the completed ones ran with", said);
    }
}

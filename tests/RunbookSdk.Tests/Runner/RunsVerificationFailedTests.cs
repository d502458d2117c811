using System.Text.RegularExpressions;
using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A run whose every step succeeded and whose verification alone failed ends saying so (<c>Every step is done; the
/// verification failed</c>). <c>runs</c> listed it as <c>last step 1.1 'Restart the service': succeeded  stopped:
/// Failed</c> and nothing more: the engineer taking over read a run that failed after a step that succeeded, with no
/// word of the check that failed nor that a resume only checks again. It now says which check failed, as the run does.
/// </summary>
public sealed class RunsVerificationFailedTests
{
    [Fact]
    public async Task Runs_says_the_verification_failed_and_which_check_when_it_alone_failed_the_run()
    {
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p.Step("Restart the service", s => s.Run("true")))
            .NoRollback("test")
            .Verification(v => v
                .Step("Service answers", s => s.Run("true"))
                .Step("Error rate is normal", s => s.Run("exit 3"))));
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);

        var listed = await Host.RunAsync(run.Catalog(), "runs", run.JournalPath);

        Assert.Equal(0, listed.ExitCode);
        var said = Regex.Replace(listed.Output, @"\s+", " ");
        Assert.Contains("last step 1.1 'Restart the service': succeeded stopped: Failed (every step is done; the verification failed: 'Error rate is normal'", said);
        Assert.Contains("once what it found is put right, a resume repeats no step and runs the verification again); resume: dotnet", said);
        Assert.DoesNotContain("'Service answers'", said);
    }

    [Fact]
    public async Task A_run_that_failed_at_a_step_is_listed_as_before_whatever_its_verification_found()
    {
        using var run = new TestRun(rb => rb
            .Phase("Fix", p => p.Step("Restart the service", s => s.Run("exit 1")))
            .NoRollback("test")
            .Verification(v => v.Step("Error rate is normal", s => s.Run("exit 3"))));
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);

        var said = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath)).Output, @"\s+", " ");

        Assert.Contains("last step 1.1 'Restart the service': failed stopped: Failed; resume: ", said);
        Assert.DoesNotContain("every step is done", said);
    }

    [Fact]
    public async Task A_run_resumed_and_finished_is_listed_with_its_last_step_s_number_as_other_finished_runs_are()
    {
        // The verification fails until the error rate is fixed by hand; the resume then repeats no step and finishes.
        using var run = new TestRun((rb, p) => rb
            .Phase("Fix", ph => ph
                .Step("Drain the node", s => s.Run("true"))
                .Step("Restart the service", s => s.Run("true")))
            .NoRollback("test")
            .Verification(v => v.Step("Error rate is normal", s => s.Run($"test -e {p["Fixed"]}"))));
        run.Parameter("Fixed", run.Temp.File("fixed"));
        Assert.Equal(1, (await run.RunAsync(TestRun.NonInteractive)).ExitCode);
        File.WriteAllText(run.Temp.File("fixed"), "");
        Assert.Equal(0, (await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath })).ExitCode);

        var said = Regex.Replace((await Host.RunAsync(run.Catalog(), "runs", run.JournalPath, "--all")).Output, @"\s+", " ");

        Assert.Contains("last step 1.2 'Restart the service': completed in the resumed journal finished: Succeeded", said);
    }

    [Fact]
    public void A_journal_whose_skipped_steps_carry_no_number_still_gives_the_last_step_s_number_from_its_earlier_records()
    {
        using var temp = new TempDirectory();
        var journal = temp.File("journal.jsonl");
        File.WriteAllLines(journal,
        [
            """{"time":"2026-12-06T02:00:00+00:00","event":"run-started","runbook":"test-runbook","incidentStart":"2026-12-06T02:00:00+00:00"}""",
            """{"time":"2026-12-06T02:00:01+00:00","event":"step-finished","key":"phase-1/step-1:Drain","number":"1.1","title":"Drain","result":"succeeded"}""",
            """{"time":"2026-12-06T02:00:02+00:00","event":"step-finished","key":"phase-1/step-2:Restart","number":"1.2","title":"Restart","result":"succeeded"}""",
            """{"time":"2026-12-06T02:00:03+00:00","event":"run-finished","status":"Failed"}""",
            """{"time":"2026-12-06T02:10:00+00:00","event":"run-started","runbook":"test-runbook","resumedFrom":"journal.jsonl"}""",
            """{"time":"2026-12-06T02:10:01+00:00","event":"step-skipped","key":"phase-1/step-1:Drain","title":"Drain","reason":"completed in the resumed journal"}""",
            """{"time":"2026-12-06T02:10:01+00:00","event":"step-skipped","key":"phase-1/step-2:Restart","title":"Restart","reason":"completed in the resumed journal"}""",
            """{"time":"2026-12-06T02:10:02+00:00","event":"run-finished","status":"Succeeded"}""",
        ]);

        Assert.Equal("1.2", ResumeState.Read(journal).LastStep?.Number);
    }
}

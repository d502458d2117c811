using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// docs/runner.md, Interrupts: the first Ctrl+C stops the current step and no later step runs — also when it comes
/// while a prompt waits for the operator, whatever is answered after it.
/// </summary>
public sealed class InterruptAtPromptTests
{
    [Fact]
    public async Task A_ctrl_c_at_a_manual_prompt_stops_that_step_and_no_later_step_starts()
    {
        using var temp = new TempDirectory();
        var marker = temp.File("started");
        using var run = new TestRun(rb => rb
            .Phase("P", p => p
                .Step("Check the dashboard", s => s.Instruction("Look at the dashboard"))
                .Step("Restart", s => s.Run($"touch {marker}")))
            .NoRollback("test"));

        var outcome = await InterruptingPrompts.RunAsync(run);

        var journal = Journal.Read(run.JournalPath);
        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Contains(journal, e => e.Name == "step-finished" && e["title"] == "Check the dashboard" && e["result"] == "interrupted");
        Assert.DoesNotContain(journal, e => e.Name == "step-started" && e["title"] == "Restart");
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_ctrl_c_at_a_destructive_confirmation_runs_nothing_of_the_step_whatever_is_answered()
    {
        using var temp = new TempDirectory();
        var marker = temp.File("dropped");
        using var run = new TestRun(rb => rb
            .Phase("P", p => p.Step("Drop the table", s => s.Run($"touch {marker}").RequiresConfirmation()))
            .NoRollback("test"));

        var outcome = await InterruptingPrompts.RunAsync(run);

        var journal = Journal.Read(run.JournalPath);
        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Contains(journal, e => e.Name == "choice" && e["about"] == "confirmation" && e["choice"] == "interrupted");
        Assert.DoesNotContain(journal, e => e.Name == "step-started");
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_ctrl_c_at_a_destructive_confirmation_is_journaled_as_the_steps_end_and_a_resume_asks_again()
    {
        using var temp = new TempDirectory();
        var marker = temp.File("dropped");
        using var run = new TestRun(rb => rb
            .Phase("P", p => p
                .Step("Look", s => s.Run($"true"))
                .Step("Drop the table", s => s.Run($"touch {marker}").RequiresConfirmation()))
            .NoRollback("test"));

        var outcome = await InterruptingPrompts.RunAsync(run);

        // The record said only "choice: interrupted": no end of the step, and a run-finished that named no question.
        var journal = Journal.Read(run.JournalPath);
        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        var ended = Assert.Single(journal, e => e.Name == "step-finished" && e["title"] == "Drop the table");
        Assert.Equal("interrupted", ended["result"]);
        Assert.Equal("interrupted by the operator (Ctrl+C) at the confirmation; nothing of the step ran", ended["reason"]);
        Assert.Contains("step 1.2 'Drop the table': interrupted by the operator (Ctrl+C) at the confirmation", journal[^1]["reason"]);
        Assert.False(File.Exists(marker));

        // The resume asks the confirmation again, and the step runs once it is given.
        run.Prompts.Answer(true);
        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });
        Assert.Equal(RunStatus.Succeeded, resumed.Outcome.Status);
        Assert.Single(run.Prompts.Questions, q => q.Contains("'Drop the table' is destructive", StringComparison.Ordinal));
        Assert.True(File.Exists(marker));
    }

    [Fact]
    public async Task A_ctrl_c_at_the_question_to_run_again_keeps_what_the_earlier_run_started_for_the_next_resume()
    {
        var calls = 0;
        using var run = new TestRun(rb => rb
            .Phase("P", p => p.Step("Fail over", s => s.Execute("fail over", _ => { calls++; return Task.CompletedTask; })))
            .NoRollback("test"));
        // The earlier run died in the code: a resume asks before running it again.
        File.WriteAllLines(run.JournalPath,
        [
            """{"time":"2026-12-06T03:00:00+00:00","event":"run-started","runbook":"test-runbook","incidentStart":"2026-12-06T03:00:00+00:00","parameters":{}}""",
            """{"time":"2026-12-06T03:00:01+00:00","event":"step-started","key":"phase-1/step-1:Fail over","section":"phase-1","title":"Fail over","destructive":false}""",
            """{"time":"2026-12-06T03:00:01+00:00","event":"code-starting","key":"phase-1/step-1:Fail over","action":0,"code":"fail over"}""",
        ]);
        using var interrupt = new CancellationTokenSource();
        var outcome = await new RunbookRunner(new PlainConsole().Console,
            new RunnerOptions { JournalPath = run.JournalPath, ResumeJournal = run.JournalPath, Clock = run.Clock },
            new InterruptingPrompts(interrupt)).ExecuteAsync(run.Bind(), interrupt.Token);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Contains(Journal.Read(run.JournalPath), e => e.Name == "step-finished" && e["result"] == "interrupted"
            && e["reason"] == "interrupted by the operator (Ctrl+C) at the question to send again; nothing of the step ran");
        // The step's end does not make the next resume forget the code that did not finish: it still refuses to run it unasked.
        var next = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });
        Assert.Equal(RunStatus.NotStarted, next.Outcome.Status);
        Assert.Contains("--resend-requests", next.Outcome.Reason);
        Assert.Equal(0, calls);
    }
}

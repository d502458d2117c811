using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.NonShellStepFailureTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A step stopped at its question before it started — its confirmation declined, or running it again declined — is
/// journaled with its result, <c>started: false</c>. Before, the journal held only the choice, while the incident issue
/// (an observer) reported the step aborted: a review listing the steps' results from the journal found nothing for the
/// step that ended the run.
/// </summary>
public sealed class StepStoppedAtItsQuestionJournalTests
{
    [Fact]
    public async Task A_declined_destructive_step_is_journaled_aborted_as_the_observer_reports_it()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Drain", s => s.Run("true"))
                .Step("Drop the table", s => s.Run("true").RequiresConfirmation()))
            .NoRollback("test"));
        run.Prompts.Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(RunStatus.Aborted, result.Outcome.Status);
        Assert.Equal(["Drain: succeeded", "Drop the table: aborted"], result.StepResults);
        var finished = result.Events("step-finished").Single(e => e["title"] == "Drop the table");
        Assert.Equal("the operator declined the destructive step", finished["reason"]);
        Assert.Equal("false", finished["started"]);
        Assert.DoesNotContain(result.Journal, e => e.Name == "step-started" && e["title"] == "Drop the table");
    }

    [Fact]
    public async Task A_resume_after_declining_to_send_again_still_knows_the_request_the_earlier_run_sent()
    {
        // The record of the declined step must not make the next resume forget the POST in flight: it would send it again unasked.
        var posts = 0;
        using var service = new TestHttpServer(context =>
        {
            if (context.Request.HttpMethod == "POST") Interlocked.Increment(ref posts);
            return TestHttpServer.ReplyAsync(context, 200, "{\"ok\":true}", "application/json");
        });
        using var run = new TestRun((rb, p) => rb
            .Phase("Mitigate", ph => ph.Step("Fail over", s => s.Http("POST", p["Url"] + "failover").ExpectStatus(200)))
            .NoRollback("test"))
            .Parameter("Url", service.Url);
        await run.RunAsync();
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.Take(Array.FindIndex(lines, l => l.Contains("\"request-sending\"", StringComparison.Ordinal)) + 1));
        run.Prompts.Answer(false);

        var declined = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });
        var automated = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.Equal(5, declined.ExitCode);
        var finished = declined.Events("step-finished").Single(e => e["title"] == "Fail over");
        Assert.Equal(("aborted", "false"), (finished["result"], finished["started"]));
        Assert.Equal(2, automated.ExitCode); // refused: it needs --resend-requests, as before the declined resume
        Assert.Equal(1, posts);
        Assert.Single(ResumeState.Read(run.JournalPath).SentRequests);
    }
}

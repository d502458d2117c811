using RunbookSdk.Execution;
using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

/// <summary>
/// <c>--dry-run --resume JOURNAL</c> says of each step the journal started without a result what the resume does there:
/// ask whether to run it again (only about a POST, a command of a destructive step, a command or code left unfinished),
/// run it again without asking (nothing of that kind; <c>Idempotent()</c>; <c>--resend-requests</c>), or refuse to start
/// (<c>--non-interactive</c>). Before, it said "asks first about what it may already have done" of every such step: of an
/// idempotent one right above "[idempotent: … without asking]", and of one whose command had finished, where the
/// resume asks nothing.
/// </summary>
public sealed class DryRunOfAResumeQuestionTests
{
    private static TestRun Runbook(TempDirectory temp, bool destructive = false, bool idempotent = false) => new(rb => rb
        .Phase("Act", p => p
            .Step("Deploy", s =>
            {
                s.Run($"echo x >> {temp.File("deploys")}").Wait(TimeSpan.FromSeconds(1), "settle");
                if (destructive) s.RequiresConfirmation();
                if (idempotent) s.Idempotent();
            }))
        .NoRollback("test"));

    /// <summary>The run died after the step's command ended, before the step's result was written.</summary>
    private static async Task<ResumeState> DiedAfterTheCommand(TestRun run)
    {
        await run.RunAsync(TestRun.NonInteractive with { AssumeYes = true });
        var lines = File.ReadAllLines(run.JournalPath);
        File.WriteAllLines(run.JournalPath, lines.TakeWhile(l => !l.Contains("\"event\":\"step-finished", StringComparison.Ordinal)));
        return ResumeState.Read(run.JournalPath);
    }

    private static async Task<string> DryRun(TestRun run, ResumeState resume, RunnerOptions options)
    {
        var console = new PlainConsole();
        await new DryRunPrinter(console.Console) { Resume = resume, LiveOptions = options }.ExecuteAsync(run.Bind(), CancellationToken.None);
        return console.Output;
    }

    [Fact]
    public async Task A_step_whose_command_finished_is_run_again_without_a_question()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);
        var resume = await DiedAfterTheCommand(run);

        var output = await DryRun(run, resume, TestRun.Interactive);

        Assert.Contains("[started in the journal with no result: the resume does not ask whether to run it again (nothing it started there may have taken effect unseen)]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("asks first", output, StringComparison.Ordinal);
        // What the live resume does: no question.
        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });
        Assert.Equal(0, resumed.ExitCode);
        Assert.Empty(run.Prompts.Questions);
    }

    [Fact]
    public async Task A_destructive_step_is_asked_about_and_resend_requests_or_idempotent_answers_instead()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp, destructive: true);
        var resume = await DiedAfterTheCommand(run);
        var ran = $"where it ran `echo x >> {temp.File("deploys")}`";

        var asked = await DryRun(run, resume, TestRun.Interactive);
        Assert.True(asked.Contains($"{ran} (exit code 0): the resume asks first whether to run it again; no stops the run there]", StringComparison.Ordinal), asked);
        Assert.Contains("--resend-requests runs it again without asking whether to]", await DryRun(run, resume, TestRun.Interactive with { ResendRequests = true }), StringComparison.Ordinal);
        Assert.Contains("a live resume does not start without --resend-requests]", await DryRun(run, resume, TestRun.NonInteractive with { AssumeYes = true }), StringComparison.Ordinal);

        using var idempotentRun = Runbook(temp, destructive: true, idempotent: true);
        var idempotentResume = await DiedAfterTheCommand(idempotentRun);
        var idempotent = await DryRun(idempotentRun, idempotentResume, TestRun.Interactive);
        Assert.Contains("the step is marked idempotent, so the resume does not ask whether to run it again]", idempotent, StringComparison.Ordinal);
        Assert.DoesNotContain("asks first", idempotent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_resend_requests_a_destructive_step_s_plan_does_not_say_it_runs_without_asking_where_its_confirmation_is_asked()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp, destructive: true);
        var resume = await DiedAfterTheCommand(run);
        var options = TestRun.Interactive with { ResendRequests = true };

        var planned = await DryRun(run, resume, options);

        Assert.DoesNotContain("without asking]", planned, StringComparison.Ordinal);
        Assert.Contains("[destructive: requires confirmation before it runs]", planned, StringComparison.Ordinal);
        // What the live resume does: it asks the confirmation, and the line before it says so.
        run.Prompts.Answer(true);
        var resumed = await run.RunAsync(options with { ResumeJournal = run.JournalPath });
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal("'Deploy' is destructive. Run it now?", Assert.Single(run.Prompts.Questions));
        Assert.Contains("has no recorded result: you are asked below to confirm it (it is destructive).", resumed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_destructive_step_interrupted_in_its_command_is_asked_about_as_the_live_resume_asks()
    {
        using var temp = new TempDirectory();
        var deploys = temp.File("deploys");
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Deploy", s => s.Run($"echo x >> {deploys}; sleep 600").RequiresConfirmation()))
            .NoRollback("test"));
        // Ctrl+C once the deploy has done its work: the step ends interrupted, with a result, not without one.
        using var ctrlC = new CancellationTokenSource();
        var options = TestRun.NonInteractive with { AssumeYes = true, JournalPath = run.JournalPath, Clock = TimeProvider.System };
        var running = Task.Run(() => new RunbookRunner(new PlainConsole().Console, options, run.Prompts).ExecuteAsync(run.Bind(), ctrlC.Token));
        await Processes.WaitUntilAsync(() => running.IsCompleted || File.Exists(deploys), "the deploy to start");
        ctrlC.Cancel();
        // A guard against hanging the test suite, not a limit on how fast the run must be.
        Assert.Equal(RunStatus.Cancelled, (await running.WaitAsync(TimeSpan.FromMinutes(2))).Status);
        var resume = ResumeState.Read(run.JournalPath);
        Assert.DoesNotContain(resume.UnfinishedSteps, key => key.Contains("Deploy", StringComparison.Ordinal));

        var planned = await DryRun(run, resume, TestRun.Interactive);

        Assert.True(planned.Contains($"[interrupted in the journal, where it ran `echo x >> {deploys}; sleep 600`", StringComparison.Ordinal)
            && planned.Contains(": the resume asks first whether to run it again; no stops the run there]", StringComparison.Ordinal), planned);
        Assert.Contains("a live resume does not start without --resend-requests]", await DryRun(run, resume, TestRun.NonInteractive with { AssumeYes = true }), StringComparison.Ordinal);
        // What the live resume does: it asks, and no stops the run there.
        run.Prompts.Answer(false);
        var resumed = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });
        Assert.Equal(5, resumed.ExitCode);
        Assert.Single(run.Prompts.Questions);
    }
}

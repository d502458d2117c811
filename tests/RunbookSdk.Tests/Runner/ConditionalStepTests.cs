using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// docs/runner.md, Conditional steps: a step written with <c>OnlyIf(condition)</c> runs only when the operator says
/// the condition holds; otherwise it is skipped (not failed), journaled, and not asked again on resume. Steps run
/// real shell commands that leave a file behind, so "did not run" is seen on the disk.
/// </summary>
public sealed class ConditionalStepTests
{
    private const string Condition = "a deployment went out in the last hour";

    private static TestRun Runbook(TempDirectory temp, bool destructive = false) => new(rb => rb
        .Phase("Mitigate", p => p
            .Step("Emergency rollback", s =>
            {
                s.OnlyIf(Condition).Run($"touch {temp.File("rolled-back")}");
                if (destructive) s.RequiresConfirmation();
            })
            .Step("Tell the team", s => s.Run($"touch {temp.File("told")}")))
        .NoRollback("test"));

    [Fact]
    public async Task The_operator_is_asked_whether_the_condition_holds_and_yes_runs_the_step()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);
        run.Prompts.Answer(true);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"Only if {Condition} — does it hold? (no skips the step)"], run.Prompts.Questions);
        Assert.True(File.Exists(temp.File("rolled-back")));
        var choice = result.Events("choice").Single();
        Assert.Equal(("condition", "holds", "operator"), (choice["about"], choice["choice"], choice["by"]));
        Assert.Equal(["Emergency rollback: succeeded", "Tell the team: succeeded"], result.StepResults);
    }

    [Fact]
    public async Task No_skips_the_step_journals_why_and_the_run_goes_on()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);
        run.Prompts.Answer(false);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(temp.File("rolled-back")));
        Assert.True(File.Exists(temp.File("told")));
        var choice = result.Events("choice").Single();
        Assert.Equal(("condition", "skipped", "operator", Condition), (choice["about"], choice["choice"], choice["by"], choice["condition"]));
        var skipped = result.Events("step-finished").First();
        Assert.Equal(("Emergency rollback", "skipped"), (skipped["title"], skipped["result"]));
        Assert.Equal($"only if {Condition}: the operator said it does not hold", skipped["reason"]);
        Assert.DoesNotContain(result.Events("step-started"), e => e["title"] == "Emergency rollback");
        Assert.Contains($"skipped: only if {Condition}: the operator said it does not hold", result.Output);
    }

    [Fact]
    public async Task A_destructive_conditional_step_asks_the_condition_first_and_no_asks_nothing_more()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp, destructive: true);
        run.Prompts.Answer(true).Answer(true);

        var ran = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(0, ran.ExitCode);
        Assert.Equal(2, run.Prompts.Questions.Count);
        Assert.StartsWith($"Only if {Condition}", run.Prompts.Questions[0]);
        Assert.Equal("'Emergency rollback' is destructive. Run it now?", run.Prompts.Questions[1]);

        using var temp2 = new TempDirectory();
        using var declined = Runbook(temp2, destructive: true);
        declined.Prompts.Answer(false);
        var skipped = await declined.RunAsync(TestRun.Interactive);

        // A skipped condition is not a declined confirmation: the run goes on and succeeds.
        Assert.Equal(0, skipped.ExitCode);
        Assert.Single(declined.Prompts.Questions);
        Assert.False(File.Exists(temp2.File("rolled-back")));
    }

    [Fact]
    public async Task A_non_interactive_run_with_a_conditional_step_refuses_to_start_without_a_flag()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var result = await run.RunAsync(TestRun.NonInteractive);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'Emergency rollback' runs only if {Condition}: pass --conditions-hold to run such steps or --skip-conditional to skip them", result.Outcome.Reason);
        Assert.False(File.Exists(temp.File("told")));
        Assert.False(File.Exists(run.JournalPath));
    }

    [Theory]
    [InlineData(ConditionAnswer.Hold, "--conditions-hold", "holds", true, "succeeded")]
    [InlineData(ConditionAnswer.Skip, "--skip-conditional", "skipped", false, "skipped")]
    public async Task A_flag_answers_every_condition_and_is_journaled_as_who_answered(ConditionAnswer answer, string flag, string choice, bool ran, string result)
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var outcome = await run.RunAsync(TestRun.NonInteractive with { Conditions = answer });

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(ran, File.Exists(temp.File("rolled-back")));
        var recorded = outcome.Events("choice").Single();
        Assert.Equal((choice, flag), (recorded["choice"], recorded["by"]));
        Assert.Equal($"Emergency rollback: {result}", outcome.StepResults[0]);
        Assert.Contains($"Mode: non-interactive, {flag}", outcome.Output);
        Assert.Empty(run.Prompts.Questions);
    }

    [Fact]
    public async Task A_step_skipped_for_its_condition_counts_as_completed_on_resume()
    {
        using var temp = new TempDirectory();
        var fail = true;
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Emergency rollback", s => s.OnlyIf(Condition).Run($"touch {temp.File("rolled-back")}"))
                .Step("Flaky", s => s.Execute("flaky", _ => fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask)))
            .NoRollback("test"));
        run.Prompts.Answer(false); // the condition (no rollback section: nothing else is asked)

        var first = await run.RunAsync(TestRun.Interactive);
        fail = false;
        var asked = run.Prompts.Questions.Count;
        var second = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(asked, run.Prompts.Questions.Count); // the resumed run asked nothing
        Assert.False(File.Exists(temp.File("rolled-back")));
        Assert.Contains(second.Events("step-skipped"), e => e["title"] == "Emergency rollback");
    }

    [Fact]
    public async Task Rollback_and_verification_steps_may_be_conditional_and_a_skip_there_stops_nothing()
    {
        using var temp = new TempDirectory();
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Break", s => s.Run("exit 1")))
            .Rollback(r => r
                .Step("Restore the cache", s => s.OnlyIf("the cache was flushed").Run($"touch {temp.File("restored")}"))
                .Step("Redeploy", s => s.Run($"touch {temp.File("redeployed")}")))
            .Verification(v => v
                .Step("Replica lag", s => s.OnlyIf("the database has replicas").Run("exit 1"))
                .Step("Health", s => s.Run("true"))));
        run.Prompts.Answer(true).Answer(false).Answer(false); // roll back; the cache was not flushed; no replicas

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(3, result.ExitCode);
        Assert.False(File.Exists(temp.File("restored")));
        Assert.True(File.Exists(temp.File("redeployed")));
        Assert.Equal(["Break: failed", "Restore the cache: skipped", "Redeploy: succeeded", "Replica lag: skipped", "Health: succeeded"], result.StepResults);
        Assert.Equal("succeeded", result.Events("verification-finished").Single()["result"]);
    }

    [Fact]
    public async Task A_ctrl_c_at_the_condition_question_runs_nothing_of_the_step()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var outcome = await InterruptingPrompts.RunAsync(run);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.False(File.Exists(temp.File("rolled-back")));
        Assert.False(File.Exists(temp.File("told")));
        Assert.Contains(Journal.Read(run.JournalPath), e => e.Name == "choice" && e["about"] == "condition" && e["choice"] == "interrupted");
    }
}

/// <summary>
/// A conditional step --skip-conditional skips needs nothing of the operator: a --non-interactive run is not refused for
/// its confirmation or its manual instruction. Before, it was ("'Emergency rollback' is destructive and needs a
/// confirmation: pass --yes"), for a step that never runs, and the dry run said the same.
/// </summary>
public sealed class SkippedConditionalPreflightTests
{
    [Fact]
    public async Task A_skipped_conditional_step_needs_no_yes_and_no_skip_manual()
    {
        using var temp = new TempDirectory();
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .Step("Emergency rollback", s => s.OnlyIf("a deploy went out").Instruction("Page the release manager").Run($"touch {temp.File("rolled-back")}").RequiresConfirmation())
                .Step("Tell the team", s => s.Run($"touch {temp.File("told")}")))
            .NoRollback("test"));

        var result = await run.RunAsync(TestRun.NonInteractive with { Conditions = ConditionAnswer.Skip });
        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--skip-conditional", "--dry-run");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.False(File.Exists(temp.File("rolled-back")));
        Assert.True(File.Exists(temp.File("told")));
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("[destructive: never asked: --skip-conditional skips the step first]", dry.Output, StringComparison.Ordinal);
    }
}

/// <summary>The dry run shows the condition where the live run asks it.</summary>
public sealed class ConditionalDryRunTests
{
    [Fact]
    public async Task The_dry_run_prints_the_condition_above_the_confirmation()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Emergency rollback", s => s.OnlyIf("a deployment went out in the last hour").Run("true").RequiresConfirmation()))
            .NoRollback("test"));
        var console = new PlainConsole();

        await new DryRunPrinter(console.Console).ExecuteAsync(run.Bind(), CancellationToken.None);

        var lines = console.Output.Split('\n').Select(l => l.Trim()).ToList();
        var condition = lines.IndexOf("[only if a deployment went out in the last hour: the operator is asked first; no skips the step]");
        Assert.True(condition > 0, console.Output);
        Assert.Equal("[destructive: requires confirmation before it runs]", lines[condition + 1]);
    }
}

using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// docs/runner.md, Choices: a <c>OneOf</c> decision is asked once; only the chosen option runs, the others are skipped,
/// journaled, and not asked again on resume. Options run real shell commands that leave a file behind, so "did not
/// run" is seen on the disk.
/// </summary>
public sealed class ChoiceStepTests
{
    private const string Decision = "Mitigation strategy";

    private static TestRun Runbook(TempDirectory temp) => new(rb => rb
        .Phase("Mitigate", p => p
            .OneOf(Decision, o => o
                .Note("Pick what the diagnosis points at.")
                .Step("Restart", s => s.Run($"touch {temp.File("restarted")}").RequiresConfirmation())
                .Step("Cache clear", s => s.Run($"touch {temp.File("flushed")}"))
                .Step("Scale out", s => s.Run($"touch {temp.File("scaled")}")))
            .Step("Tell the team", s => s.Run($"touch {temp.File("told")}")))
        .NoRollback("test"));

    private static string[] Ran(TempDirectory temp) =>
        new[] { "restarted", "flushed", "scaled", "told" }.Where(f => File.Exists(temp.File(f))).ToArray();

    [Fact]
    public async Task The_operator_is_asked_once_and_only_the_chosen_option_runs()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);
        run.Prompts.Choose(1);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"Choose one: {Decision}"], run.Prompts.Questions);
        Assert.Equal(["Restart", "Cache clear", "Scale out"], run.Prompts.Offered.Single());
        Assert.Equal(["flushed", "told"], Ran(temp));
        var choice = result.Events("choice").Single();
        Assert.Equal(("alternative", Decision, "Cache clear", "2", "operator"), (choice["about"], choice["group"], choice["choice"], choice["option"], choice["by"]));
        Assert.Equal(["Restart: skipped", "Scale out: skipped", "Cache clear: succeeded", "Tell the team: succeeded"], result.StepResults);
        Assert.Equal($"not chosen: '{Decision}' took 'Cache clear'", result.Events("step-finished").First()["reason"]);
        Assert.Contains("Choose one: Mitigation strategy", result.Output);
        Assert.Contains("Pick what the diagnosis points at.", result.Output);
        Assert.Contains("2. Cache clear", result.Output);
        Assert.Contains("0. none of these", result.Output);
    }

    [Fact]
    public async Task None_of_these_skips_every_option_and_the_run_goes_on()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);
        run.Prompts.Choose(null);

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["told"], Ran(temp));
        Assert.Equal("none", result.Events("choice").Single()["choice"]);
        Assert.Equal(["Restart: skipped", "Cache clear: skipped", "Scale out: skipped", "Tell the team: succeeded"], result.StepResults);
    }

    [Fact]
    public async Task Conditions_hold_no_longer_runs_every_alternative_a_non_interactive_run_refuses_without_choose()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var result = await run.RunAsync(TestRun.NonInteractive with { Conditions = ConditionAnswer.Hold, AssumeYes = true });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{Decision}' is a choice of one of 1 'Restart', 2 'Cache clear', 3 'Scale out': pass --choose \"{Decision}=<option title or number>\" (or =none to run none of them), or run interactively", result.Outcome.Reason);
        Assert.Empty(Ran(temp));
        Assert.False(File.Exists(run.JournalPath));
    }

    [Theory]
    [InlineData("cache CLEAR")]
    [InlineData("2")]
    public async Task Choose_answers_by_title_or_number_and_only_the_chosen_option_needs_its_flags(string answer)
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        // No --yes: the destructive restart is not chosen, so it asks nothing.
        var result = await run.RunAsync(TestRun.NonInteractive with { Choices = new Dictionary<string, string> { ["mitigation STRATEGY"] = answer } });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["flushed", "told"], Ran(temp));
        var choice = result.Events("choice").Single();
        Assert.Equal(("Cache clear", "--choose"), (choice["choice"], choice["by"]));
        Assert.Contains($"Mode: non-interactive, --choose \"mitigation STRATEGY={answer}\"", result.Output);
        Assert.Empty(run.Prompts.Questions);
    }

    [Fact]
    public async Task A_chosen_destructive_option_still_needs_yes()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var result = await run.RunAsync(TestRun.NonInteractive with { Choices = new Dictionary<string, string> { [Decision] = "Restart" } });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'Restart' is destructive and needs a confirmation: pass --yes", result.Outcome.Reason);
        Assert.Empty(Ran(temp));
    }

    [Theory]
    [InlineData(Decision, "Reboot", "--choose \"Mitigation strategy=Reboot\": 'Reboot' is no option of 'Mitigation strategy'; its options are 1 'Restart', 2 'Cache clear', 3 'Scale out', or none")]
    [InlineData(Decision, "4", "'4' is no option of 'Mitigation strategy'")]
    [InlineData("Mitigation", "Restart", "--choose \"Mitigation=…\": this runbook has no decision 'Mitigation'; its decisions are 'Mitigation strategy'")]
    public async Task A_choose_that_names_no_decision_or_option_refuses_the_run_interactive_too(string decision, string answer, string expected)
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var result = await run.RunAsync(TestRun.Interactive with { Choices = new Dictionary<string, string> { [decision] = answer } });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Outcome.Reason);
        Assert.Empty(Ran(temp));
        Assert.Empty(run.Prompts.Questions);
    }

    [Fact]
    public async Task A_resume_after_the_choice_keeps_it_and_asks_nothing()
    {
        using var temp = new TempDirectory();
        var fail = true;
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .OneOf(Decision, o => o
                    .Step("Restart", s => s.Run($"touch {temp.File("restarted")}"))
                    .Step("Cache clear", s => s
                        .Execute("flaky", _ => fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask)
                        .Run($"touch {temp.File("flushed")}"))
                    .Step("Scale out", s => s.Run($"touch {temp.File("scaled")}"))))
            .NoRollback("test"));
        run.Prompts.Choose(1);

        var first = await run.RunAsync(TestRun.Interactive);
        fail = false;
        var second = await run.RunAsync(TestRun.Interactive with { ResumeJournal = run.JournalPath });

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Single(run.Prompts.Questions); // the resumed run asked nothing
        Assert.Equal(["flushed"], Ran(temp));
        Assert.Single(second.Events("choice"));
        Assert.Contains(second.Events("step-skipped"), e => e["title"] == "Restart");
        Assert.Contains(second.Events("step-skipped"), e => e["title"] == "Scale out");

        // A non-interactive resume needs no --choose either: the journal holds the decision.
        using var temp2 = new TempDirectory();
        fail = true;
        using var again = new TestRun(rb => rb
            .Phase("Mitigate", p => p
                .OneOf(Decision, o => o
                    .Step("Restart", s => s.Run($"touch {temp2.File("restarted")}"))
                    .Step("Cache clear", s => s.Execute("flaky", _ => fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask))))
            .NoRollback("test"));
        again.Prompts.Choose(1);
        await again.RunAsync(TestRun.Interactive);
        fail = false;
        var resumed = await again.RunAsync(TestRun.NonInteractive with { ResumeJournal = again.JournalPath });
        Assert.Equal(0, resumed.ExitCode);
        Assert.False(File.Exists(temp2.File("restarted")));
    }

    [Fact]
    public async Task A_decision_in_the_rollback_and_the_verification_is_asked_there()
    {
        using var temp = new TempDirectory();
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.Step("Break", s => s.Run("exit 1")))
            .Rollback(r => r.OneOf("Way back", o => o
                .Step("Redeploy", s => s.Run($"touch {temp.File("redeployed")}"))
                .Step("Restore snapshot", s => s.Run($"touch {temp.File("restored")}"))))
            .Verification(v => v.OneOf("Check", o => o
                .Step("Replica lag", s => s.Run("exit 1"))
                .Step("Health", s => s.Run("true")))));
        run.Prompts.Answer(true).Choose(0).Choose(1); // roll back; redeploy; check health

        var result = await run.RunAsync(TestRun.Interactive);

        Assert.Equal(3, result.ExitCode);
        Assert.True(File.Exists(temp.File("redeployed")));
        Assert.False(File.Exists(temp.File("restored")));
        Assert.Equal("succeeded", result.Events("verification-finished").Single()["result"]);
    }

    [Fact]
    public async Task A_ctrl_c_at_the_choice_runs_no_option()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var outcome = await InterruptingPrompts.RunAsync(run);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Empty(Ran(temp));
        Assert.Contains(Journal.Read(run.JournalPath), e => e.Name == "choice" && e["about"] == "alternative" && e["choice"] == "interrupted");
    }
}

/// <summary>The dry run shows a decision as one, with its options under it.</summary>
public sealed class ChoiceDryRunTests
{
    [Fact]
    public async Task The_dry_run_prints_the_decision_above_its_options()
    {
        using var run = new TestRun(rb => rb
            .Phase("Mitigate", p => p.OneOf("Mitigation strategy", o => o
                .Step("Restart", s => s.Run("true"))
                .Step("Cache clear", s => s.Run("true"))))
            .NoRollback("test"));
        var console = new PlainConsole();

        await new DryRunPrinter(console.Console).ExecuteAsync(run.Bind(), CancellationToken.None);

        var lines = console.Output.Split('\n').Select(l => l.Trim()).ToList();
        var decision = lines.FindIndex(l => l.StartsWith("Choose one: Mitigation strategy", StringComparison.Ordinal));
        Assert.True(decision > 0, console.Output);
        Assert.Contains("the operator picks one of these 2 options, or none", lines[decision]);
        Assert.Equal("1.1 Restart  (option 1 of 'Mitigation strategy')", lines[decision + 1]);
        Assert.Contains("1.2 Cache clear  (option 2 of 'Mitigation strategy')", lines);
    }

    private static TestRun TwoWays() => new(rb => rb
        .Phase("Mitigate", p => p.OneOf("Mitigation strategy", o => o
            .Step("Restart", s => s.Run("true"))
            .Step("Cache clear", s => s.Run("true"))))
        .NoRollback("test"));

    [Fact]
    public async Task The_dry_run_shows_the_option_a_choose_answer_takes_and_the_options_it_skips()
    {
        using var run = TwoWays();
        var console = new PlainConsole();

        var outcome = await new DryRunPrinter(console.Console, new Dictionary<string, string> { ["mitigation strategy"] = "2" })
            .ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, outcome.Status);
        var lines = console.Output.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("Choose one: Mitigation strategy  [answered by --choose: option 2, 'Cache clear'; the others are skipped]", lines);
        Assert.Contains("1.1 Restart  (option 1 of 'Mitigation strategy')  [not chosen: skipped]", lines);
        Assert.Contains("1.2 Cache clear  (option 2 of 'Mitigation strategy')", lines);
    }

    [Fact]
    public async Task The_dry_run_shows_a_none_answer_as_skipping_every_option()
    {
        using var run = TwoWays();
        var console = new PlainConsole();

        await new DryRunPrinter(console.Console, new Dictionary<string, string> { ["Mitigation strategy"] = "none" }).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Contains("[answered by --choose: none of these; every option is skipped]", console.Output);
        Assert.Contains("1.2 Cache clear  (option 2 of 'Mitigation strategy')  [not chosen: skipped]", console.Output);
    }

    [Theory]
    [InlineData("Mitigation strategy", "Cache flush", "--choose \"Mitigation strategy=Cache flush\": 'Cache flush' is no option of 'Mitigation strategy'; its options are 1 'Restart', 2 'Cache clear', or none")]
    [InlineData("Mitigation strategy", "3", "--choose \"Mitigation strategy=3\": '3' is no option of 'Mitigation strategy'; its options are 1 'Restart', 2 'Cache clear', or none")]
    [InlineData("Strategy", "1", "--choose \"Strategy=…\": this runbook has no decision 'Strategy'; its decisions are 'Mitigation strategy'")]
    public async Task The_dry_run_refuses_a_choose_answer_the_live_run_would_refuse_and_prints_no_plan(string decision, string option, string reason)
    {
        using var run = TwoWays();
        var console = new PlainConsole();

        var outcome = await new DryRunPrinter(console.Console, new Dictionary<string, string> { [decision] = option }).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal((RunStatus.NotStarted, 2), (outcome.Status, outcome.ExitCode));
        Assert.Equal("Nothing was run, and a live run would refuse these answers:\n  - " + reason, outcome.Reason);
        Assert.DoesNotContain("Choose one", console.Output);
    }
}

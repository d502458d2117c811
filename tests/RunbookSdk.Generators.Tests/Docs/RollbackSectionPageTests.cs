using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// The Rollback section says when the runner runs it (docs/runner.md, Semantics 3 and 7): the engineer reading the page
/// beside a run knows that a failed or interrupted step brings the offer, and that <c>--non-interactive</c> performs it
/// without asking. Before, the section listed the steps only. A destructive step of the rollback still asks for its
/// confirmation after the offer is accepted, and a <c>--non-interactive</c> run refuses to start without <c>--yes</c>
/// (Semantics 5 and 6): the section says so, naming those steps. Before, it said only "performs it without asking".
/// </summary>
public sealed class RollbackSectionPageTests
{
    private const string WhenItRuns =
        "After a failed or interrupted step, the runner offers this rollback (`y`/`n`); with `--non-interactive` it performs it without asking.";

    private const string UndoScale =
        ".Rollback(r => r.Step(\"Undo scale\", s => s.Run($\"kubectl scale deployment/api --replicas=2 -n {Namespace}\").RequiresConfirmation()))";

    private static string WithRollback(string rollback)
    {
        Assert.Contains(UndoScale, TestRunbooks.Runbook, StringComparison.Ordinal);
        return TestRunbooks.Runbook.Replace(UndoScale, rollback, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rollback_section_says_when_the_runner_runs_it()
    {
        var page = GeneratorHarness.ApiDownPage(WithRollback(".Rollback(r => r.Step(\"Page the owner\", s => s.Instruction(\"Tell the API's owner what was changed\")))"));

        Assert.Contains("## Rollback\n\n" + WhenItRuns + "\n\n### R.1 Page the owner\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_destructive_rollback_step_is_said_to_still_ask_and_to_need_yes_without_a_terminal()
    {
        var page = GeneratorHarness.ApiDownPage(TestRunbooks.Runbook);

        Assert.Contains(
            "## Rollback\n\n" + WhenItRuns +
            " R.1 is destructive and still asks for confirmation before it runs (`n` stops the rollback there): `--yes` answers it, and a `--non-interactive` run does not start without `--yes`." +
            "\n\n### R.1 Undo scale\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_destructive_rollback_steps_are_named_and_the_others_are_not()
    {
        var page = GeneratorHarness.ApiDownPage(WithRollback("""
            .Rollback(r => r
                .Step("Undo scale", s => s.Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation())
                .Step("Check pods", s => s.Run("kubectl get pods -n payments"))
                .Step("Undo config", s => s.Run("kubectl rollout undo deployment/api -n payments").RequiresConfirmation()))
            """));

        Assert.Contains(
            WhenItRuns + " R.1 and R.3 are destructive and still ask for confirmation before they run (`n` stops the rollback there): `--yes` answers them, and a `--non-interactive` run does not start without `--yes`.\n",
            page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_rollback_is_no_rollback_as_the_runner_takes_it_and_offers_nothing()
    {
        var page = GeneratorHarness.ApiDownPage(WithRollback(".Rollback(r => { })"));

        Assert.Contains("## Rollback\n\n**No rollback is defined for this runbook.**\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain(WhenItRuns, page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runbook_without_rollback_steps_does_not_say_it()
    {
        var page = GeneratorHarness.ApiDownPage(WithRollback(".NoRollback(\"read-only\")"));

        Assert.Contains("No rollback: read-only", page, StringComparison.Ordinal);
        Assert.DoesNotContain(WhenItRuns, page, StringComparison.Ordinal);
    }
}

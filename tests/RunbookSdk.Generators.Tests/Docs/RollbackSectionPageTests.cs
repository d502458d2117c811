using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// The Rollback section says when the runner runs it (docs/runner.md, Semantics 3 and 7): the engineer reading the page
/// beside a run knows that a failed or interrupted step brings the offer, and that <c>--non-interactive</c> performs it
/// without asking. Before, the section listed the steps only.
/// </summary>
public sealed class RollbackSectionPageTests
{
    private const string WhenItRuns =
        "After a failed or interrupted step, the runner offers this rollback (`y`/`n`); with `--non-interactive` it performs it without asking.";

    [Fact]
    public void The_rollback_section_says_when_the_runner_runs_it()
    {
        var page = GeneratorHarness.ApiDownPage(TestRunbooks.Runbook);

        Assert.Contains("## Rollback\n\n" + WhenItRuns + "\n\n### R.1 Undo scale\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runbook_without_rollback_steps_does_not_say_it()
    {
        var runbook = TestRunbooks.Runbook.Replace(
            ".Rollback(r => r.Step(\"Undo scale\", s => s.Run($\"kubectl scale deployment/api --replicas=2 -n {Namespace}\").RequiresConfirmation()))",
            ".NoRollback(\"read-only\")", StringComparison.Ordinal);
        Assert.Contains("NoRollback", runbook, StringComparison.Ordinal);

        var page = GeneratorHarness.ApiDownPage(runbook);

        Assert.Contains("No rollback: read-only", page, StringComparison.Ordinal);
        Assert.DoesNotContain(WhenItRuns, page, StringComparison.Ordinal);
    }
}

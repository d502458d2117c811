using RunbookSdk.Generators.Tests.Support;
using RunbookSdk.Samples.Tests;

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

    // A runbook whose phases ask nothing of a non-interactive run; its rollback (and, when given, another phase step)
    // are the test's.
    private static string ScaleBack(string rollback, string phaseStep = """.Step("Check pods", s => s.Run("kubectl get pods -n payments"))""") => $$"""
        using System;
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-scale-back")]
        public sealed class ScaleBack : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Scale back")
                .Phase("Look", p => p{{phaseStep}})
                .Rollback(r => r{{rollback}})
                .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
                .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"));
        }
        """;

    private const string ConditionalUndoScale =
        """.Step("Undo scale", s => s.OnlyIf("the deployment was scaled").Run("kubectl scale deployment/api --replicas=2 -n payments").RequiresConfirmation())""";

    private const string UndoConfig = """.Step("Undo config", s => s.Run("kubectl rollout undo deployment/api -n payments").RequiresConfirmation())""";

    private static string ScaleBackPage(string source)
    {
        var (run, compileErrors) = GeneratorHarness.Run(source);
        Assert.Empty(compileErrors);
        return GeneratorHarness.EmbeddedMarkdown(GeneratorHarness.GeneratedSource(run, "Payments_ScaleBack.Runbook.g.cs"));
    }

    // The runner's preflight asks no --yes for a step --skip-conditional skips (LiveRun.Preflight,
    // SkippedConditionalPreflightTests), so a runbook whose only destructive steps are conditional starts without it
    // then: the page said it does not. Checked against the runner's own dry run: refused without --yes, and started with
    // --skip-conditional exactly when the page says so — not when a rollback step or a phase step always asks.
    [Theory]
    [InlineData("", ", unless `--skip-conditional` skips it.", false)]
    [InlineData(UndoConfig, ".", true)]
    [InlineData("", ".", true, UndoConfig)]
    public void The_runner_starts_a_non_interactive_run_without_yes_exactly_when_the_page_says_so(string otherRollbackStep, string sentenceEnd, bool yesStillNeeded, string? phaseStep = null)
    {
        var source = phaseStep is null ? ScaleBack(ConditionalUndoScale + otherRollbackStep) : ScaleBack(ConditionalUndoScale + otherRollbackStep, phaseStep);

        Assert.Contains("a `--non-interactive` run does not start without `--yes`" + sentenceEnd + "\n", ScaleBackPage(source), StringComparison.Ordinal);
        ProjectAssemblies.WithCatalog(ProjectAssemblies.Generate(GeneratorHarness.Compile(source)), catalog =>
        {
            var (refused, refusal) = DryRun.Run(catalog, "payments-scale-back", "--non-interactive").GetAwaiter().GetResult();
            var (skipping, output) = DryRun.Run(catalog, "payments-scale-back", "--non-interactive", "--skip-conditional").GetAwaiter().GetResult();

            Assert.NotEqual(0, refused);
            Assert.Contains("needs a confirmation: pass --yes", refusal, StringComparison.Ordinal);
            Assert.Equal(yesStillNeeded, skipping != 0);
            Assert.Equal(yesStillNeeded, output.Contains("needs a confirmation: pass --yes", StringComparison.Ordinal));
        });
    }

    // An option of a decision asks nothing when --choose takes another (also none of them, `--choose "…=none"`).
    [Fact]
    public void Destructive_rollback_steps_that_are_conditional_or_options_are_said_to_need_yes_unless_left_out()
    {
        var page = ScaleBackPage(ScaleBack(ConditionalUndoScale + """
            .OneOf("Undo how", o => o
                .Step("Undo config", s => s.Run("kubectl rollout undo deployment/api -n payments").RequiresConfirmation())
                .Step("Ask the owner", s => s.Instruction("Ask the API's owner")))
            """));

        Assert.Contains(
            WhenItRuns + " R.1 and R.2 are destructive and still ask for confirmation before they run (`n` stops the rollback there): `--yes` answers them, and a `--non-interactive` run does not start without `--yes`, unless `--skip-conditional` skips R.1 and `--choose` takes another option than R.2.\n",
            page, StringComparison.Ordinal);
    }

    // The payments runbook's Mitigate phase has a destructive step that always runs: its rollback's sentence stays as it was.
    [Fact]
    public void A_conditional_destructive_rollback_step_beside_a_phase_step_that_always_asks_needs_yes_without_an_unless()
    {
        var page = GeneratorHarness.ApiDownPage(WithRollback(".Rollback(r => r" + ConditionalUndoScale + ")"));

        Assert.Contains(
            WhenItRuns + " R.1 is destructive and still asks for confirmation before it runs (`n` stops the rollback there): `--yes` answers it, and a `--non-interactive` run does not start without `--yes`.\n",
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

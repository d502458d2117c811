using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A confirmation, a timeout or a builder written on a call that hands the step's builder to a function returning it:
/// <c>s =&gt; { s.Run("rm -rf …"); Announce(s).RequiresConfirmation(); }</c> with <c>IStepBuilder Announce(IStepBuilder s)
/// =&gt; s.Instruction(…)</c>. The runner calls <c>RequiresConfirmation()</c> on the builder the function returns, the
/// step's own, so the step asks first (the recorded plan below says so). The rules looked for the chain's start and
/// stopped at <c>Announce</c>: RB0005 reported the step, and a helper whose command is chained after such a call
/// (<c>Flush(IStepBuilder s) =&gt; Announce(s).Run("redis-cli FLUSHALL")</c>) was not followed to its callers'
/// confirmation (RB0005) or timeout (RB0015).
/// </summary>
public sealed class HandOffConfirmationTests
{
    private const string Confirmed = """
        using System;
        using RunbookSdk;

        [Runbook("statement")]
        public sealed class Statement : Runbook
        {
            public override void Define(IRunbookBuilder rb) => Sections.Add(rb)
                .Phase("Clean up", p => p
                    .Step("Wipe", s => { s.Run("rm -rf /srv/app/cache"); Announce(s).RequiresConfirmation(); })
                    .Step("Flush", s => { s.Run("redis-cli FLUSHALL"); this.Told(step: s).RequiresConfirmation(); })
                    .Step("Drop", s => { Safety.Announced(s).RequiresConfirmation(); s.Run("kubectl delete namespace payments"); }));

            private static IStepBuilder Announce(IStepBuilder s) => s.Instruction("Tell #incidents before you start");

            private IStepBuilder Told(IStepBuilder step)
            {
                step.Instruction("Tell #incidents");
                return Announce(step);
            }
        }

        [Runbook("local-function")]
        public sealed class LocalFunction : Runbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                IStepBuilder Announce(IStepBuilder s)
                {
                    s.Instruction("Tell #incidents before you start");
                    return s;
                }

                Sections.Add(rb).Phase("Clean up", p => p.Step("Wipe", s => { s.Run("rm -rf /srv/app/cache"); Announce(s).RequiresConfirmation(); }));
            }
        }

        [Runbook("helper-command")]
        public sealed class HelperCommand : Runbook
        {
            public override void Define(IRunbookBuilder rb) => Sections.Add(rb)
                .Phase("Flush", p => p.Step("Flush", s => Flush(s).RequiresConfirmation()));

            private static ICommandStepBuilder Flush(IStepBuilder s) => Safety.Announced(s).Run("redis-cli FLUSHALL");
        }

        public static class Safety
        {
            public static IStepBuilder Announced(IStepBuilder s) => s.Instruction("Tell #incidents before you start");
        }

        public static class Sections
        {
            public static IRunbookBuilder Add(IRunbookBuilder rb) => rb
                .Title("Hand-off confirmation")
                .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                .NoRollback("read-only")
                .Verification(v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
        }
        """;

    [Fact]
    public Task A_confirmation_on_a_function_returning_the_step_s_builder_confirms_the_step() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Confirmed);

    // The runner agrees: each step above asks before it runs.
    [Fact]
    public void The_recorded_plan_asks_before_each_step_confirmed_through_a_function_returning_its_builder()
    {
        var plans = RecordedPlans.Of(TestReferences.Compile(Confirmed));
        var steps = plans.Values.SelectMany(p => p.Plan.Phases).SelectMany(p => p.Steps).ToList();
        Assert.Equal(5, steps.Count);
        Assert.All(steps, step => Assert.True(step.RequiresConfirmation, step.Title + " does not ask"));
    }

    // A function that returns another builder than it was handed (here a saved one), or one whose source is not read,
    // confirms nothing the rules can see: the step stays reported.
    [Fact]
    public Task A_confirmation_on_a_function_returning_another_builder_does_not_count() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """
                        .Step("Wipe", s => { s.Run("{|RB0005:rm -rf /srv/app/cache|}"); Elsewhere(s).RequiresConfirmation(); })
                        .Step("Flush", s => { s.Run("redis-cli {|RB0005:FLUSHALL|}"); Either(s, Saved).RequiresConfirmation(); })
            """,
            """
                private static IStepBuilder Saved = null!;
                private static IStepBuilder Elsewhere(IStepBuilder s) => Saved;
                private static IStepBuilder Either(IStepBuilder s, IStepBuilder other) => other;
            """));

    // A helper's endless command chained after a hand-off call is bounded by every caller's Timeout, as one chained on
    // the builder itself is.
    [Fact]
    public Task An_endless_command_after_a_hand_off_in_a_helper_is_bounded_by_its_callers() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """
                        .Step("Watch", s => Tail(s).Timeout(TimeSpan.FromMinutes(5)))
                        .Step("Watch again", s => Follow(s))
            """,
            """
                private static IStepBuilder Announce(IStepBuilder s) => s.Instruction("Tell #incidents before you start");
                private static ICommandStepBuilder Tail(IStepBuilder s) => Announce(s).Run("kubectl logs -f api");
                private static ICommandStepBuilder Follow(IStepBuilder s) => Announce(s).Run("kubectl logs {|RB0015:-f|} worker");
            """));

    // The section rules do not look through such a call to call a section empty: the function may add its steps, and
    // its body is not read there (DefineReader.StartsFromParameter keeps the chain's plain start).
    [Fact]
    public Task A_section_whose_lambda_hands_its_builder_to_a_function_returning_it_is_not_called_empty() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("section-hand-off")]
            public sealed class SectionHandOff : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Section hand-off")
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                    .Rollback(r => Undo.Steps(r))
                    .Verification(v => Checks(v));

                private static IPhaseBuilder Checks(IPhaseBuilder v) => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200));
            }

            public static class Undo
            {
                public static IPhaseBuilder Steps(IPhaseBuilder r) => r.Step("Roll back", s => s.Instruction("Redeploy the previous release"));
            }
            """);
}

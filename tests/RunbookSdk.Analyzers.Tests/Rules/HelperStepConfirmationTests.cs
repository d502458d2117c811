using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0005 after a step's actions are moved into a helper given the step's builder: the step confirms where the helper is
/// called (<c>s =&gt; Flush(s).RequiresConfirmation()</c>), which covers what the helper adds, since confirmation is asked
/// once per step. The helper's command was reported anyway, so extracting a method made a warning appear that nothing
/// could answer but a second RequiresConfirmation() inside the helper.
/// </summary>
public sealed class HelperStepConfirmationTests
{
    [Fact]
    public Task A_helper_whose_every_caller_confirms_the_step_is_not_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Flush", s => Flush(s).RequiresConfirmation())
                        .Step("Flush again", s => { Flush(s); s.Instruction("Watch the hit rate"); s.RequiresConfirmation(); })
                        .Step("Wipe", s => this.Wipe(s, "/srv/app").RequiresConfirmation())
            """, extraMembers: """
                private static IStepBuilder Flush(IStepBuilder s) => s.Run("redis-cli FLUSHALL");
                IStepBuilder Wipe(IStepBuilder step, string why) => step.Instruction(why).Run("rm -rf /srv/app");
            """));

    [Fact]
    public Task A_local_function_whose_callers_confirm_is_not_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("sample")]
            public sealed class Sample : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    static IStepBuilder Flush(IStepBuilder s) => s.Run("redis-cli FLUSHALL");

                    rb.Title("Sample")
                        .Phase("Immediate actions", p => p.Step("Flush", s => Flush(s).RequiresConfirmation()))
                        .Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()))
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task A_helper_one_caller_of_which_does_not_confirm_is_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Flush", s => Flush(s).RequiresConfirmation())
                        .Step("Flush without asking", s => Flush(s))
            """, extraMembers: """
                private static IStepBuilder Flush(IStepBuilder s) => s.Run("redis-cli {|RB0005:FLUSHALL|}");
            """));

    [Fact]
    public Task A_helper_handed_on_as_a_method_group_or_callable_from_elsewhere_is_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Flush", Flush)
                        .Step("Wipe", s => Wipe(s).RequiresConfirmation())
            """, extraMembers: """
                private static void Flush(IStepBuilder s) => s.Run("redis-cli {|RB0005:FLUSHALL|}");
                public static IStepBuilder Wipe(IStepBuilder s) => s.Run("{|RB0005:rm -rf /srv/app|}");
            """));
}

using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0014 after the verification's checks are moved into a helper: the checks are still the verification's, and one
/// that cannot fail still passes whatever state the service is in. Before, only a check written inside
/// <c>Verification(...)</c> was judged, so extracting a method made the rule go quiet.
/// </summary>
public sealed class VerificationHelperTests
{
    [Fact]
    public Task A_check_in_a_helper_handed_to_the_verification_is_judged() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Look", s => s.Run("uptime"))
            """, extraMembers: """
                private static void Checks(IPhaseBuilder v) => v
                    .Step("Health", s => s.Run("{|RB0014:curl|} https://api.omnix.ai/health"))
                    .Step("Ready", s => s.Http("GET", {|RB0014:"https://api.omnix.ai/ready"|}));
            """, verification: "Checks"));

    [Fact]
    public Task A_check_in_a_helper_the_verification_calls_or_in_a_helper_that_one_calls_is_judged() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Look", s => s.Run("uptime"))
            """, extraMembers: """
                private static IPhaseBuilder Checks(IPhaseBuilder v) => v.Step("Health", s => Health(s));
                private static IStepBuilder Health(IStepBuilder s) => s.Run("{|RB0014:curl|} https://api.omnix.ai/health");
            """, verification: "v => Checks(v)"));

    // A team base declares the checks a runbook must give (protected abstract void Verify(IPhaseBuilder v)); the sealed
    // runbook's override is the helper its verification is handed. Before, overrides were skipped as Define is, and
    // the check that cannot fail went unreported.
    [Fact]
    public Task A_check_in_a_sealed_runbooks_override_handed_to_the_verification_is_judged() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            public abstract class TeamRunbook : Runbook<OmnixHandbook>
            {
                protected abstract void Verify(IPhaseBuilder v);
            }

            [Runbook("sample")]
            public sealed class Sample : TeamRunbook
            {
                protected override void Verify(IPhaseBuilder v) => v.Step("Health", s => s.Run("{|RB0014:curl|} -s https://api.omnix.ai/health"));

                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Sample")
                    .Severity(Severity.P1)
                    .Phase("Look", p => p.Step("Look", s => s.Run("uptime")))
                    .NoRollback("Nothing changes.")
                    .Verification(Verify);
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task A_helper_only_the_phases_use_is_not_judged_as_a_check() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Look", s => Look(s))
            """, extraMembers: """
                private static IStepBuilder Look(IStepBuilder s) => s.Run("curl https://api.omnix.ai/health");
            """));
}

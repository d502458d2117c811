using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Steps;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0014 on a whole verification: when every check is conditional (<c>OnlyIf</c>), answering no to each passes the
/// verification without a check. One unconditional check is enough. And <c>OnlyIf</c> is DSL the rules know.
/// </summary>
public sealed class ConditionalVerificationTests
{
    private static string Runbook(string verification) => Sources.Runbook(
        """            .Step("Roll back the deploy", s => s.OnlyIf("a deployment went out in the last hour").Run("./rollback.sh").RequiresConfirmation())""",
        verification: verification);

    [Fact]
    public Task A_verification_of_only_conditional_checks_is_reported()
    {
        const string verification = """v => v.Step("Replica lag", s => s.OnlyIf("the database has replicas").Run("check-lag --max 5")).Step("Cache warm", s => s.Run("check-cache").OnlyIf("the cache was flushed"))""";
        return Verify<ConditionalVerificationAnalyzer>.AnalyzerAsync(Runbook(verification)
            .Replace($".Verification({verification})", $".{{|RB0014:Verification({verification})|}}", StringComparison.Ordinal));
    }

    [Fact]
    public Task One_unconditional_check_is_enough() =>
        Verify<ConditionalVerificationAnalyzer>.AnalyzerAsync(Runbook("""
            v => v
                        .Step("Replica lag", s => s.OnlyIf("the database has replicas").Run("check-lag --max 5"))
                        .Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200))
            """));

    // Were OnlyIf no DSL call the rules know, the Define would read as incomplete and the section rules would judge nothing.
    [Fact]
    public Task OnlyIf_is_dsl_the_section_rules_read_through() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("unverified")]
            public sealed class {|RB0003:Unverified|} : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Unverified")
                    .Phase("Act", p => p.Step("Roll back", s => s.OnlyIf("a deployment went out in the last hour").Run("./rollback.sh").RequiresConfirmation()))
                    .NoRollback("the step is the rollback");
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task A_conditional_destructive_command_still_needs_its_confirmation() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Flush the cache", s => s.OnlyIf("the cache holds stale data").Run("redis-cli {|RB0005:FLUSHALL|}"))"""));

    [Fact]
    public Task A_verification_whose_only_checks_are_alternatives_is_reported()
    {
        const string verification = """v => v.OneOf("Check", o => o.Step("Replica lag", s => s.Run("check-lag --max 5")).Step("Cache warm", s => s.Run("check-cache")))""";
        return Verify<ConditionalVerificationAnalyzer>.AnalyzerAsync(Runbook(verification)
            .Replace($".Verification({verification})", $".{{|RB0014:Verification({verification})|}}", StringComparison.Ordinal));
    }

    [Fact]
    public Task Alternatives_beside_one_unconditional_check_are_fine() =>
        Verify<ConditionalVerificationAnalyzer>.AnalyzerAsync(Runbook("""
            v => v
                        .OneOf("Check", o => o.Step("Replica lag", s => s.Run("check-lag --max 5")).Step("Cache warm", s => s.Run("check-cache")))
                        .Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200))
            """));

    // The options of a decision are steps like any other: an empty one, a destructive command without confirmation and
    // a secret in a command are reported there too.
    [Fact]
    public Task The_step_rules_see_the_options_of_a_decision() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .OneOf("Mitigation strategy", o => o.Note("Pick one.").Step("Restart", s => s.Run("curl -H \"Authorization: Bearer {|RB0006:abc123def456|}\" https://api.omnix.ai/v1/restart")).Step("Flush the cache", s => s.Run("redis-cli {|RB0005:FLUSHALL|}")))"""));

    [Fact]
    public Task An_option_with_nothing_to_do_is_reported() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .OneOf("Mitigation strategy", o => o.Step("Restart", s => s.Run("systemctl restart api")).Step({|RB0004:"Wait and see"|}, s => s.RequiresConfirmation()))"""));

    [Fact]
    public Task OneOf_is_dsl_the_section_rules_read_through() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("unverified")]
            public sealed class {|RB0003:Unverified|} : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Unverified")
                    .Phase("Act", p => p.OneOf("Way back", o => o.Step("Roll back", s => s.Run("./rollback.sh").RequiresConfirmation()).Step("Redeploy", s => s.Run("./deploy.sh").RequiresConfirmation())))
                    .NoRollback("the step is the rollback");
            }

            {{Sources.Handbook}}
            """);
}

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

    [Fact]
    public Task OnlyIf_is_no_unknown_call_for_the_section_and_command_rules() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync(Runbook("""v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200))"""));

    [Fact]
    public Task A_conditional_destructive_command_still_needs_its_confirmation() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Flush the cache", s => s.OnlyIf("the cache holds stale data").Run({|RB0005:"redis-cli FLUSHALL"|}))"""));
}

using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// <c>Idempotent()</c> is DSL the rules read through: a step marked so is judged as any other, and the mark never
/// stands in for a destructive command's <c>RequiresConfirmation()</c> (it promises a second run does no harm, not a first).
/// </summary>
public sealed class IdempotentStepTests
{
    // Were Idempotent no DSL call the rules know, the Define would read as incomplete and the section rules would judge nothing.
    [Fact]
    public Task Idempotent_is_dsl_the_section_rules_read_through() =>
        Verify<SectionCompletenessAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("unverified")]
            public sealed class {|RB0003:Unverified|} : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Unverified")
                    .Phase("Act", p => p.Step("Soak", s => s.Run("curl --fail -sS https://api.omnix.ai/health").Idempotent()))
                    .NoRollback("nothing to undo");
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task An_idempotent_destructive_command_still_needs_its_confirmation() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Flush the cache", s => s.Run("redis-cli {|RB0005:FLUSHALL|}").Idempotent())"""));

    [Fact]
    public Task A_confirmation_after_the_mark_is_seen_through_it() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Flush the cache", s => s.Run("redis-cli FLUSHALL").Idempotent().RequiresConfirmation())"""));
}
